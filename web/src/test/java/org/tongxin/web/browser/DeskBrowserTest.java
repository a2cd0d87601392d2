package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.api.TestCity;
import org.tongxin.api.observer.Pictures;
import org.tongxin.domain.user.Role;
import org.tongxin.web.server.WebServer;

/**
 * A prosecutor's desk work done in the browser alone: a school's class booking scheduled and marked delivered with
 * inline forms (and counted in the statistics); observer reports listed by status; the audit log filtered by the
 * object an entry is about, its workbook too; a lead opened by the key pasted into the lead workbench.
 */
class DeskBrowserTest {

    private static TestCity city;
    private static Browser b;

    @BeforeAll
    static void start() throws Exception {
        city = TestCity.get(WebServer.WEB_ROOT);
        b = Browser.open(city);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
    }

    @Test
    void aSchoolBooksAClassAProsecutorSchedulesItAndMarksItDelivered() {
        String audience = "书桌五年级二班";
        b.logIn(Role.DEPARTMENT);
        b.visit("/#/education");
        new Select(b.find("#book-course")).selectByIndex(0);
        b.find("#book-audience").sendKeys(audience);
        b.click("#book-submit");
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("edu-message"), "请选择上课日期"));
        b.check("a booking without its day");
        b.js("document.getElementById('book-date').value = '2027-03-16';");
        b.find("#book-size").clear();
        b.find("#book-size").sendKeys("73");
        b.click("#book-submit");
        By row = By.xpath("//tr[contains(@class,'booking')][.//td[contains(.,'" + audience + "')]]");
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "待排课"));
        assertThat(b.driver().findElement(row).getText()).contains("2027-03-16").contains("73");
        b.check("the school's booking requested");

        b.logIn(Role.PROSECUTOR);
        b.visit("/#/education");
        assertThat(new Select(b.find("#book-school")).getOptions()).as("the district's schools to book for").hasSizeGreaterThan(1);
        b.js("arguments[0].value = '';", inRow(row, By.cssSelector("input.booking-at")));
        inRow(row, By.cssSelector("button.booking-schedule")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "请选择授课时间"));
        b.check("scheduling without a time");
        assertThat((Boolean) b.js("return document.querySelector('input.booking-at').type === 'datetime-local'")).isTrue();
        b.js("arguments[0].value = '2027-03-16T10:00';", inRow(row, By.cssSelector("input.booking-at")));
        inRow(row, By.cssSelector("button.booking-schedule")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "已排课"));
        assertThat(b.driver().findElement(row).getText()).contains(city.users.get(Role.PROSECUTOR)[0]).contains("10:00");
        b.check("the booking scheduled");
        inRow(row, By.cssSelector("button.booking-delivered")).click();
        // The button says 标记已授课 too: wait for the status itself.
        b.await().until(ExpectedConditions.textToBe(By.xpath("//tr[contains(@class,'booking')][.//td[contains(.,'" + audience
                + "')]]//span[contains(@class,'booking-status')]"), "已授课"));
        assertThat(b.driver().findElement(row).findElements(By.cssSelector("button"))).isEmpty();
        b.check("the class delivered");

        // The statistics of the class's day count it, and its audience.
        b.visit("/#/stats");
        b.js("document.getElementById('stats-from').value = '2027-03-16'; document.getElementById('stats-to').value = '2027-03-16';");
        b.click("#stats-apply");
        b.awaitReady("#/stats?from=2027-03-16&to=2027-03-16");
        assertThat(figure("已授课")).isEqualTo("1");
        assertThat(figure("授课覆盖人数")).isEqualTo("73");
        b.check("the statistics of the class's day");
    }

    @Test
    void aProsecutorListsObserverReportsOfOneStatus() throws Exception {
        Path photo = Files.createTempFile("desk-report", ".png");
        Files.write(photo, Pictures.image("png", 64, 48));
        b.logIn(Role.VOLUNTEER);
        String taken = report(photo, "书桌甲：校门口小卖部向学生售卖香烟");
        String waiting = report(photo, "书桌乙：小卖部夜间向初中生售卖白酒");

        b.logIn(Role.PROSECUTOR);
        b.visit("/#/submissions");
        By row = By.cssSelector("tr.submission[data-id='" + taken + "']");
        inRow(row, By.xpath(".//button[.='受理']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "已受理"));

        new Select(b.find("#subs-status")).selectByVisibleText("已受理");
        b.awaitReady("#/submissions?status=acknowledged");
        b.check("the acknowledged reports");
        assertThat(shownReports()).contains(taken).doesNotContain(waiting);
        assertThat(statuses()).isNotEmpty().allMatch("已受理"::equals);

        new Select(b.find("#subs-status")).selectByVisibleText("已提交");
        b.awaitReady("#/submissions?status=submitted");
        b.check("the reports not yet acknowledged");
        assertThat(shownReports()).contains(waiting).doesNotContain(taken);
        assertThat(statuses()).isNotEmpty().allMatch("已提交"::equals);

        new Select(b.find("#subs-status")).selectByVisibleText("全部状态");
        b.awaitReady("#/submissions");
        assertThat(shownReports()).contains(taken, waiting);
        b.check("all reports");
    }

    @Test
    void aProsecutorFiltersTheAuditLogByTheObjectAnEntryIsAbout() throws Exception {
        b.logIn(Role.PROSECUTOR);
        b.visit("/#/leads");
        List<String> refs = b.driver().findElements(By.cssSelector("tr.lead-row")).stream().limit(2)
                .map(r -> r.getAttribute("data-ref")).toList();
        assertThat(refs).hasSize(2);
        for (String ref : refs) {
            b.visit("/#/leads");
            b.click("tr.lead-row[data-ref='" + ref + "']");
            b.awaitReady("#/lead/" + ref);
        }
        b.click("#nav-audit");
        b.awaitReady("#/audit");
        new Select(b.find("#audit-kind")).selectByVisibleText("线索");
        b.find("#audit-object").sendKeys(refs.get(0));
        b.click("#audit-apply");
        b.awaitReady("#/audit?kind=Lead&object=" + refs.get(0));
        b.check("the audit entries about one lead");
        List<String> rows = b.driver().findElements(By.cssSelector("#audit-table tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.contains(refs.get(0))).noneMatch(r -> r.contains(refs.get(1)));
        String href = b.find("#audit-xlsx").getAttribute("href");
        assertThat(href).endsWith("/api/audit.xlsx?kind=Lead&object=" + refs.get(0));
        List<List<String>> sheet = Workbooks.rows(b.download(href).ok(), "序号");
        assertThat(sheet).hasSize(rows.size()).allMatch(r -> r.get(5).contains(refs.get(0)));

        // Orders are another kind: the lead's entries are not among them.
        new Select(b.find("#audit-kind")).selectByVisibleText(String.valueOf(b.js("return TX.label('kind', 'Order')")));
        b.click("#audit-apply");
        b.awaitReady("#/audit?kind=Order&object=" + refs.get(0));
        assertThat(b.driver().findElements(By.cssSelector("#audit-table tbody tr"))).isEmpty();
        b.check("no order entries about a lead");
    }

    @Test
    void aProsecutorOpensALeadByItsKeyAndIsToldWhenNoLeadHasIt() {
        // A venue lead's key names no identity number: what a prosecutor copies from a report or the command line.
        String key;
        try (var s = city.store.driver().session()) {
            key = s.run("MATCH (l:Lead {model: 'venue'}) RETURN l.key AS k ORDER BY k LIMIT 1", Map.of())
                    .single().get("k").asString();
        }
        b.logIn(Role.PROSECUTOR);
        b.visit("/#/leads");
        b.find("#lead-lookup-key").sendKeys("venue:没有这个登记编号");
        b.expect(404, "/api/leads/by-key");
        b.click("#lead-lookup-open");
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-lookup-message"), "未找到该线索"));
        b.checkAllExpectedCame("an unknown lead key");

        b.find("#lead-lookup-key").clear();
        b.find("#lead-lookup-key").sendKeys(key);
        b.click("#lead-lookup-open");
        b.awaitReady("#/lead/" + LeadStore.ref(key));
        b.check("the lead opened by its key");

        // Its number opens it too.
        b.visit("/#/leads");
        b.find("#lead-lookup-key").sendKeys(LeadStore.ref(key));
        b.click("#lead-lookup-open");
        b.awaitReady("#/lead/" + LeadStore.ref(key));
        b.check("the lead opened by its number");
    }

    /** Reports a problem at the first place of the list, with a photo, as the volunteer on the page; its number. */
    private static String report(Path photo, String description) {
        b.visit("/#/observe");
        new Select(b.find("#obs-category")).selectByVisibleText("向未成年人售烟酒");
        b.find("#obs-description").sendKeys(description);
        new Select(b.find("#obs-place")).selectByIndex(1);
        b.find("#obs-media").sendKeys(photo.toString());
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#obs-files img.thumb")));
        // The confirmation of an earlier report may still be on the page; this report's comes with the page drawn after it.
        List<WebElement> earlier = b.driver().findElements(By.id("obs-done"));
        b.click("#obs-submit");
        if (!earlier.isEmpty()) {
            b.await().until(ExpectedConditions.stalenessOf(earlier.get(0)));
        }
        WebElement done = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("obs-done")));
        String id = done.getText().replaceAll(".*?(S\\d{8}[0-9A-F]{6}).*", "$1");
        assertThat(id).matches("S\\d{8}[0-9A-F]{6}");
        b.check("a report sent");
        // The confirmation is drawn with the list that already holds the report.
        assertThat(b.driver().findElements(By.cssSelector("#my-submissions tr[data-id='" + id + "']"))).hasSize(1);
        return id;
    }

    private static List<String> shownReports() {
        return b.driver().findElements(By.cssSelector("#submissions tr.submission")).stream()
                .map(r -> r.getAttribute("data-id")).toList();
    }

    private static List<String> statuses() {
        return b.driver().findElements(By.cssSelector("#submissions tr.submission td:nth-child(6) .badge:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    /** The number beside an item of the statistics' table of classes. */
    private static String figure(String item) {
        return b.driver().findElement(By.xpath("//table[@id='stats-classes']//tr[td[1]='" + item + "']/td[2]")).getText();
    }

    /** An element of a row that the page may be drawing again, once it can be clicked. */
    private static WebElement inRow(By row, By what) {
        return b.await().until(d -> {
            try {
                WebElement e = d.findElement(row).findElement(what);
                return e.isDisplayed() && e.isEnabled() ? e : null;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }
}

package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;

/**
 * The work of three roles done through the pages only (click, type, pick), with the journey guards after every step:
 * a volunteer on a phone-sized window reports a problem with a photo; a prosecutor takes leads from 新线索 through
 * 核查中 to each outcome and to 已办结, exports a lead, drafts and issues an order, handles the volunteer's report and
 * filters the audit log; an analyst searches, explores, finds a path and queries the graph in Cypher.
 */
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysBrowserTest {

    private static TestCity city;
    private static Browser b;
    /** The volunteer's report, written in the volunteer's journey and handled in the prosecutor's. */
    private static final String REPORT = "学校门口小卖部向穿校服的学生出售香烟，放学时段尤其多";

    @Test
    @Order(1)
    void aVolunteerOnAPhonePicksAPlaceByNameAndReportsAProblemWithAPhoto() throws Exception {
        JsonNode places = city.as(Role.VOLUNTEER).get("/api/observer/places").json().get("places");
        String school = null;
        for (JsonNode p : places) {
            if (school == null && "school".equals(p.path("kind").asText()) && p.path("name").asText().length() >= 4) {
                school = p.get("name").asText();
            }
        }
        assertThat(school).as("a school the volunteer can pick").isNotNull();
        final String schoolName = school;
        String fragment = school.substring(1, school.length() - 1);
        Path photo = Files.createTempFile("tongxin-report", ".png");
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 240, 250));
        g.fillRect(0, 0, 96, 64);
        g.setColor(new Color(200, 60, 40));
        g.fillOval(20, 12, 40, 40);
        g.dispose();
        ImageIO.write(image, "png", photo.toFile());

        b.resize(420, 900);
        try {
            b.logIn(Role.VOLUNTEER);
            b.awaitReady("#/observe");
            b.check("the report form on a phone");
            assertThat(((Number) b.js("return document.documentElement.scrollWidth")).intValue())
                    .as("the report form fits a 420 px window").isLessThanOrEqualTo(420);

            new Select(b.find("#obs-category")).selectByVisibleText("向未成年人售烟酒");
            b.find("#obs-description").sendKeys(REPORT);
            b.check("category and description");

            b.find("#obs-place-filter").sendKeys(fragment);
            Select place = new Select(b.find("#obs-place"));
            List<String> options = place.getOptions().stream().map(WebElement::getText).skip(1).toList();
            assertThat(options).as("places whose name holds " + fragment).isNotEmpty()
                    .allMatch(o -> o.contains(fragment)).anyMatch(o -> o.endsWith(schoolName));
            String option = options.stream().filter(o -> o.endsWith(schoolName)).findFirst().orElseThrow();
            place.selectByVisibleText(option);
            assertThat(place.getFirstSelectedOption().getAttribute("value")).startsWith("school:");
            b.check("a school picked by part of its name");

            b.find("#obs-media").sendKeys(photo.toString());
            b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#obs-files img.thumb")));
            b.await().until(d -> imageLoaded("#obs-files img.thumb"));
            b.check("the photo uploaded");

            b.click("#obs-submit");
            WebElement done = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("obs-done")));
            assertThat(done.getText()).contains("已提交").contains(school);
            String id = done.getText().replaceAll(".*?(S\\d{8}[0-9A-F]{6}).*", "$1");
            assertThat(id).matches("S\\d{8}[0-9A-F]{6}");
            b.check("the report submitted");

            // The page draws the list again: the report with its status, when it was sent and its photo.
            By row = By.cssSelector("#my-submissions tr[data-id='" + id + "']");
            WebElement mine = b.await().until(ExpectedConditions.presenceOfElementLocated(row));
            assertThat(mine.getText()).contains("已提交").contains("向未成年人售烟酒").contains(school)
                    .containsPattern("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d");
            b.await().until(d -> imageLoaded("#my-submissions tr[data-id='" + id + "'] img.thumb"));
            b.js("arguments[0].scrollIntoView({block: 'center'})", b.find("#my-submissions tr[data-id='" + id + "']"));
            assertThat(((Number) b.js("return document.documentElement.scrollWidth")).intValue())
                    .as("the list of reports fits a 420 px window").isLessThanOrEqualTo(420);
            b.check("the volunteer's reports with status, time and photo");
        } finally {
            b.resize(1440, 1000);
        }
    }

    @Test
    @Order(2)
    void aProsecutorTakesLeadsToEveryOutcomeExportsDraftsAnOrderHandlesAReportAndReadsTheAudit() throws Exception {
        b.logIn(Role.PROSECUTOR);
        String me = city.users.get(Role.PROSECUTOR)[0];
        // Other tests of this JVM change the guardianship leads first and last by key: leave those two alone.
        Set<String> spare = new TreeSet<>();
        try (Session s = city.store.driver().session()) {
            spare.addAll(s.run("MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key "
                    + "WITH collect(l.ref) AS refs RETURN [refs[0], refs[-1]] AS r").single().get("r").asList(v -> v.asString()));
        }

        // Each outcome on a lead of its own, found through the workbench's filters.
        record Outcome(String model, String to, String zh) {
        }
        List<Outcome> outcomes = List.of(
                new Outcome("comprehensive", "case_filing_supervision", "立案监督"),
                new Outcome("venue", "pre_litigation_recommendation", "诉前检察建议"),
                new Outcome("guardianship", "guardian_supervision_order", "督促监护令"),
                new Outcome("employment-check", "referred", "移送主管部门"),
                new Outcome("mandatory-report", "dismissed", "排除（附理由）"));
        String guardianshipLead = null;
        for (Outcome o : outcomes) {
            String ref = pickNewLead(o.model(), spare);
            spare.add(ref);
            if (o.model().equals("guardianship")) {
                guardianshipLead = ref;
            }
            assertThat(b.text("#lead-status")).isEqualTo("新线索");
            b.find("#wf-note").sendKeys("开始核查");
            step("reviewing", "核查中", me, "新线索 → 核查中 — 开始核查");
            switch (o.to()) {
                case "referred" -> {
                    List<String> departments = new Select(b.find("#wf-department")).getOptions().stream()
                            .map(WebElement::getText).toList();
                    assertThat(departments).contains("公安", "教育", "民政", "市场监管").noneMatch(t -> t.matches(".*[A-Za-z_].*"));
                    b.click(".wf-step[data-to='referred']");
                    b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wf-message"), "请选择移送部门"));
                    b.check("a referral without a department");
                    new Select(b.find("#wf-department")).selectByVisibleText("教育");
                    step("referred", o.zh(), me, "核查中 → 移送主管部门（教育）");
                    assertThat(b.text("#workflow")).contains("移送：教育");
                }
                case "dismissed" -> {
                    b.find("#wf-note").clear();
                    b.click(".wf-step[data-to='dismissed']");
                    b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wf-message"), "理由"));
                    b.check("a dismissal without a reason");
                    Select reasons = new Select(b.find("#wf-reason"));
                    assertThat(reasons.getOptions().stream().map(WebElement::getText).skip(1).toList())
                            .isNotEmpty().noneMatch(t -> t.matches(".*[A-Za-z_].*"));
                    reasons.selectByVisibleText("经核查系同名误配，非同一人");
                    b.check("a reason picked from the list");
                    step("dismissed", o.zh(), me, "核查中 → 排除（附理由） — 经核查系同名误配，非同一人");
                }
                default -> {
                    b.find("#wf-note").sendKeys("已决定" + o.zh());
                    step(o.to(), o.zh(), me, "核查中 → " + o.zh() + " — 已决定" + o.zh());
                }
            }
            assertThat(b.driver().findElements(By.id("wf-department"))).as("a department only for a referral").isEmpty();
            b.find("#wf-note").sendKeys("办结");
            step("closed", "已办结", me, o.zh() + " → 已办结 — 办结");
            assertThat(b.driver().findElements(By.cssSelector(".wf-step"))).as("no step after 已办结").isEmpty();
            assertThat(b.driver().findElements(By.cssSelector("#wf-history li"))).hasSize(3);
        }

        // The lead's diagram and case file, as the links on its page serve them.
        b.visit("/#/lead/" + guardianshipLead);
        for (String[] export : List.of(new String[] {"#export-svg", "image/svg+xml", ".svg"},
                new String[] {"#export-png", "image/png", ".png"},
                new String[] {"#export-docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"})) {
            WebElement link = b.find(export[0]);
            String file = link.getAttribute("download");
            assertThat(file).endsWith(export[2]);
            Files.deleteIfExists(b.downloads().resolve(file));
            link.click();
            Path saved = b.downloads().resolve(file);
            b.await().until(d -> Files.exists(saved) && saved.toFile().length() > 0);
            assertThat(served(link.getAttribute("href"))).startsWith("200 " + export[1]);
            b.check("the lead exported as " + export[2]);
        }

        // An order drafted from the guardianship lead and issued to a guardian picked from the list.
        b.click("#draft-supervision");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "草稿"));
        b.awaitReady(String.valueOf(b.js("return location.hash")));
        b.check("a drafted order");
        Select guardian = new Select(b.find("#order-guardian-user"));
        assertThat(guardian.getOptions().stream().map(WebElement::getText).toList()).anyMatch(t -> t.contains(city.users.get(Role.GUARDIAN)[0]));
        b.fillIfEmpty("#order-guardian-name", "张某某");
        b.click("#order-issue");
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-message"), "请选择监护人账号"));
        b.check("an order without a guardian account");
        guardian = new Select(b.find("#order-guardian-user"));
        guardian.getOptions().stream().filter(o -> o.getText().contains(city.users.get(Role.GUARDIAN)[0])).findFirst()
                .orElseThrow().click();
        b.fillIfEmpty("#order-guardian-name", "张某某");
        b.click("#order-issue");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "已发出"));
        assertThat(b.text("#order-steps")).contains("已发出");
        b.check("the order issued to the guardian");

        // The volunteer's report: acknowledged, referred to a department from the list, closed with the reply.
        b.visit("/#/submissions");
        By row = By.xpath("//tr[contains(@class,'submission')][.//td[contains(.,'" + REPORT.substring(0, 12) + "')]]");
        assertThat(b.driver().findElements(row)).hasSize(1);
        assertThat(b.driver().findElement(row).getText()).contains("已提交");
        inRow(row, By.xpath(".//button[.='受理']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "已受理"));
        b.check("the report acknowledged");
        b.await().until(d -> {
            try {
                new Select(d.findElement(row).findElement(By.cssSelector("select.sub-department"))).selectByVisibleText("市场监管");
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
        inRow(row, By.xpath(".//button[.='移送']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "已移送主管部门"));
        assertThat(noAlert()).isTrue();
        b.check("the report referred");
        inRow(row, By.xpath(".//button[.='办结']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "请填写主管部门回复"));
        assertThat(noAlert()).as("no prompt() for the reply").isTrue();
        b.check("closing a report without the reply");
        inRow(row, By.cssSelector("textarea.sub-note")).sendKeys("市场监管部门已查处，责令停止向未成年人售烟");
        inRow(row, By.xpath(".//button[.='办结']")).click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(row, "已办结"));
        assertThat(b.driver().findElement(row).getText()).contains("市场监管部门已查处");
        b.check("the report closed with the department's reply");

        // The audit log, narrowed to this prosecutor's workflow steps.
        b.driver().get(city.base() + "/#/audit");
        b.awaitReady("#/audit");
        b.check("the audit log");
        b.find("#audit-user").sendKeys(me);
        new Select(b.find("#audit-action")).selectByVisibleText("变更线索状态");
        b.click("#audit-apply");
        b.awaitReady("#/audit?user=" + me + "&action=lead.status");
        List<WebElement> entries = b.driver().findElements(By.cssSelector("#audit-table tbody tr"));
        assertThat(entries).hasSizeGreaterThanOrEqualTo(15);
        assertThat(entries).allMatch(r -> r.getText().contains(me));
        assertThat(new Select(b.find("#audit-action")).getFirstSelectedOption().getText()).isEqualTo("变更线索状态");
        b.check("the audit log of this prosecutor's lead steps");
    }

    @Test
    @Order(3)
    void anAnalystSearchesExploresFindsAPathAndQueriesInCypher() {
        String venue;
        String plate;
        try (Session s = city.store.driver().session()) {
            venue = s.run("MATCH (v:Venue)<-[:AT]-(:NetbarSession) WHERE size(v.name) >= 5 RETURN v.name AS n ORDER BY v.code LIMIT 1")
                    .single().get("n").asString();
            plate = s.run("MATCH (r:VehicleRegistration) WHERE r.plate STARTS WITH '鲁F' RETURN r.plate AS p ORDER BY r.plate LIMIT 1")
                    .single().get("p").asString();
        }
        b.logIn(Role.ANALYST);
        b.visit("/#/explore");

        // A plate prefix finds vehicles; a fragment of a venue's name finds the venue.
        String prefix = plate.substring(0, 4);
        search(prefix);
        assertThat(b.driver().findElements(By.cssSelector(".search-hit"))).isNotEmpty()
                .anyMatch(h -> h.getText().contains(prefix));
        String fragment = venue.substring(2, venue.length() - 1);
        search(fragment);
        WebElement hit = b.driver().findElements(By.cssSelector(".search-hit")).stream()
                .filter(h -> h.getText().contains(venue)).findFirst().orElseThrow();
        hit.click();
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#detail h2"), venue));
        b.check("the venue opened in the explorer");

        // Expand it, take it as the start of a path, tap a neighbour of a neighbour as its end.
        b.click("#path-from");
        b.click("#expand-button");
        b.await().until(d -> drawn() > 1);
        b.check("the venue's neighbours");
        // A busy venue's records come as a counted group: a tap opens some of them.
        String group = (String) b.js("return TX.explorer.nodes('[kind = \"Group\"]').map(n => n.id())[0] || null");
        if (group != null) {
            long before = drawn();
            tap(group);
            b.await().until(d -> drawn() > before);
            b.check("a group of the venue's records opened");
        }
        String venueNode = venueId();
        String record = (String) b.js("return TX.explorer.nodes().filter(n => n.id() !== arguments[0] "
                + "&& n.data('kind') !== 'Group').map(n => n.id())[0] || null", venueNode);
        assertThat(record).as("a record at the venue").isNotNull();
        String venueTitle = b.text("#detail h2");
        tap(record);
        b.await().until(d -> !b.text("#detail h2").equals(venueTitle));
        b.click("#expand-button");
        String person = b.await().until(d -> (String) b.js(
                "return TX.explorer.nodes('[kind = \"Person\"]').map(n => n.id())[0] || null"));
        b.check("a record of the venue expanded");
        String recordTitle = b.text("#detail h2");
        tap(person);
        b.await().until(d -> !b.text("#detail h2").equals(recordTitle));
        b.await().until(ExpectedConditions.elementToBeClickable(By.id("path-to"))).click();
        b.click("#find-paths");
        WebElement found = b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("path-result")));
        assertThat(found.getText()).contains("2");
        assertThat(((Number) b.js("return TX.explorer.edges('.path').length")).intValue()).isGreaterThanOrEqualTo(2);
        b.check("the path between the venue and a person who was there");

        // The console: a table, a graph, and a write refused in Chinese.
        b.visit("/#/cypher");
        WebElement editor = b.find("#cypher-input");
        editor.clear();
        editor.sendKeys("MATCH (v:Venue)<-[a:AT]-(s:NetbarSession) RETURN v.name AS 场所, v, a, s LIMIT 5");
        b.click("#cypher-run");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("cypher-summary")));
        b.click("#show-table");
        assertThat(b.driver().findElements(By.cssSelector("#cypher-table tbody tr"))).hasSize(5);
        assertThat(b.find("#cypher-table").isDisplayed()).isTrue();
        b.check("a Cypher result as a table");
        b.click("#show-graph");
        b.await().until(d -> b.find("#cypher-graph-box").isDisplayed());
        b.await().until(d -> ((Number) b.js("return window.__tongxinGraph ? __tongxinGraph.nodes().length : 0")).intValue() > 1);
        b.check("a Cypher result as a graph");
        editor = b.find("#cypher-input");
        editor.clear();
        editor.sendKeys("MATCH (n:Person) WITH n LIMIT 1 SET n.name = '改名'");
        b.expect(422, "/api/cypher");
        b.click("#cypher-run");
        WebElement error = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cypher-result .error")));
        assertThat(error.getText()).contains("拒绝执行").contains("只读");
        b.checkAllExpectedCame("a write refused in Chinese");
    }

    /** Opens the workbench, filters by model and 新线索, and opens the first listed lead not yet taken. */
    private static String pickNewLead(String model, Set<String> taken) {
        b.visit("/#/leads");
        new Select(b.find("#f-model")).selectByValue(model);
        new Select(b.find("#f-status")).selectByVisibleText("新线索");
        b.click("#apply-filters");
        b.awaitReady("#/leads?model=" + model + "&status=new");
        b.check("new leads of " + model);
        List<WebElement> rows = b.driver().findElements(By.cssSelector(".lead-row"));
        WebElement row = rows.stream().filter(r -> !taken.contains(r.getAttribute("data-ref"))).findFirst()
                .orElseThrow(() -> new AssertionError("no new " + model + " lead left"));
        String ref = row.getAttribute("data-ref");
        row.click();
        b.awaitReady("#/lead/" + ref);
        b.check("lead " + model);
        return ref;
    }

    /** A step through the lead page's buttons: the page then shows the new status and the step with who took it. */
    private static void step(String to, String statusZh, String by, String history) {
        b.click(".wf-step[data-to='" + to + "']");
        b.await().until(ExpectedConditions.textToBe(By.id("lead-status"), statusZh));
        WebElement last = b.await().until(d -> {
            List<WebElement> items = d.findElements(By.cssSelector("#wf-history li"));
            return items.isEmpty() ? null : items.get(items.size() - 1);
        });
        assertThat(last.getText()).contains(by).contains(history);
        b.check("a lead moved to " + statusZh);
    }

    private static WebElement inRow(By row, By what) {
        return b.await().until(d -> {
            try {
                WebElement e = d.findElement(row).findElement(what);
                return e.isDisplayed() ? e : null;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }

    /** The status and type a link's address answers with, fetched in the page's session. */
    private static String served(String href) {
        return String.valueOf(b.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done(String(e)));", href));
    }

    private static boolean imageLoaded(String css) {
        return Boolean.TRUE.equals(b.js("const i = document.querySelector(arguments[0]);"
                + " return !!i && i.complete && i.naturalWidth > 0;", css));
    }

    private static void search(String text) {
        WebElement input = b.find("#search-input");
        input.clear();
        input.sendKeys(text);
        b.click("#search-button");
        b.await().until(d -> !d.findElements(By.cssSelector("#search-hits li")).isEmpty());
        b.check("search for " + text);
    }

    private static long drawn() {
        return ((Number) b.js("return window.TX && TX.explorer ? TX.explorer.nodes().length : 0")).longValue();
    }

    private static String venueId() {
        return (String) b.js("return TX.explorer.nodes('[kind = \"Venue\"]').map(n => n.id())[0]");
    }

    /** A click on a node where the graph draws it (again while a layout still moves it away from the pointer). */
    private static void tap(String id) {
        for (int attempt = 0; attempt < 6; attempt++) {
            // The node centred in the graph, the graph's middle scrolled to the middle of the window; then the
            // pointer goes to where the node is drawn, in the window's coordinates.
            @SuppressWarnings("unchecked")
            Map<String, Number> at = (Map<String, Number>) b.js("""
                    window.__tapped = null;
                    TX.explorer.one('tap', 'node', e => { window.__tapped = e.target.id(); });
                    const n = TX.explorer.getElementById(arguments[0]);
                    TX.explorer.center(n);
                    const box = TX.explorer.container();
                    box.scrollIntoView({block: 'center'});
                    const r = box.getBoundingClientRect(); const p = n.renderedPosition();
                    return {x: r.left + p.x, y: r.top + p.y};
                    """, id);
            new Actions(b.driver()).moveToLocation(at.get("x").intValue(), at.get("y").intValue()).click().perform();
            if (id.equals(b.js("return window.__tapped"))) {
                return;
            }
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the node " + id + " could not be tapped where it is drawn");
    }

    private static boolean noAlert() {
        try {
            b.driver().switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }
}

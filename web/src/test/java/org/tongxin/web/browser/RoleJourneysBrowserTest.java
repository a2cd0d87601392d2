package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.api.TestCity;
import org.tongxin.api.observer.Pictures;
import org.tongxin.domain.user.Role;

/**
 * The journeys of five roles through the web view, each done on the pages as the person would: the prosecutor
 * assigns a minor to a social worker picked from a list and refers a lead to 教育; the education department's staff
 * find that lead where they start, without the prosecutor's controls, and report what they did; the social worker
 * plans a class for the minor and records attendance; the guardian receives an order, reads the family-education
 * guidance (the law's text and the order's duties) and acknowledges it, and finds no page that refuses them. The
 * recording the prosecutor uploads for a class is offered to the social worker and the guardian by the player. The
 * psychologist finds on its start page another minor the prosecutor assigned to it, plans and records its class.
 */
@ExtendWith(BrowserExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleJourneysBrowserTest {

    private static TestCity city;
    private static Browser b;
    /** The minor the prosecutor assigns (a guardianship lead's subject no other test uses) and that lead. */
    private static String minorNode;
    private static String guardianshipRef;
    /** The minor the prosecutor assigns to the psychologist (the next guardianship lead's subject) and that lead. */
    private static String counselledNode;
    private static String counselledRef;
    /** A new lead the prosecutor refers to 教育 (the last new employment-check lead: no other test moves it). */
    private static String referredRef;
    private static String orderId;
    /** The course whose recording the prosecutor uploads. */
    private static String recordedCourse;

    @BeforeAll
    static void start() throws Exception {
        // Reading which lead and minor to work on, not doing any of the work.
        try (Session s = city.store.driver().session()) {
            var r = s.run("""
                    MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key SKIP 3 LIMIT 1
                    MATCH (m:Person {id: substring(l.key, size(split(l.key, ':')[0]) + 1)})
                    RETURN l.ref AS ref, elementId(m) AS node""").single();
            guardianshipRef = r.get("ref").asString();
            minorNode = r.get("node").asString();
            var c = s.run("""
                    MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key SKIP 4 LIMIT 1
                    MATCH (m:Person {id: substring(l.key, size(split(l.key, ':')[0]) + 1)})
                    RETURN l.ref AS ref, elementId(m) AS node""").single();
            counselledRef = c.get("ref").asString();
            counselledNode = c.get("node").asString();
        }
        JsonNode items = city.http.get("/api/leads?status=new&model=employment-check&size=200").json().get("items");
        assertThat(items.size()).as("new employment-check leads in the test city").isPositive();
        referredRef = items.get(items.size() - 1).get("ref").asText();
    }

    @Test
    @Order(1)
    void theProsecutorAssignsAMinorToTheSocialWorkerAndRefersALeadToEducation() throws Exception {
        b.logIn(Role.PROSECUTOR);
        // From a guardianship lead to the profile of the minor it is about.
        b.visit("/#/lead/" + guardianshipRef);
        b.click("#lead-profile");
        b.await().until(d -> String.valueOf(b.js("return document.body.dataset.ready")).startsWith("#/profile/"));
        b.find("#assign-user");
        b.check("the minor's profile");
        Select worker = new Select(b.find("#assign-user"));
        List<String> names = worker.getOptions().stream().map(WebElement::getText).toList();
        assertThat(names).contains(city.users.get(Role.SOCIAL_WORKER)[0], city.users.get(Role.PSYCHOLOGIST)[0])
                .doesNotContain(city.users.get(Role.GUARDIAN)[0], city.users.get(Role.PROSECUTOR)[0]);
        assertThat(b.find("#assign-user optgroup").getAttribute("label")).isEqualTo("司法社工");
        b.click("#assign-submit");
        assertThat(b.text("#assign-message")).contains("请选择");
        b.check("assigning without a choice");
        worker.selectByVisibleText(city.users.get(Role.SOCIAL_WORKER)[0]);
        b.click("#assign-submit");
        assertThat(b.text("#assign-done")).contains("已指派给").contains(city.users.get(Role.SOCIAL_WORKER)[0]);
        b.check("the minor assigned");

        // A new lead: to 核查中, then referred to 教育 picked from the Chinese list.
        b.visit("/#/lead/" + referredRef);
        b.click(".wf-step[data-to='reviewing']");
        b.await().until(ExpectedConditions.textToBe(By.id("lead-status"), "核查中"));
        b.check("the lead under review");
        new Select(b.find("#wf-department")).selectByVisibleText("教育");
        b.click(".wf-step[data-to='referred']");
        b.await().until(ExpectedConditions.textToBe(By.id("lead-status"), "移送主管部门"));
        assertThat(b.text("#workflow")).contains("移送：教育");
        b.check("the lead referred to 教育");

        // A class's recording, uploaded on the education page, for the other roles to watch.
        b.visit("/#/education");
        Select course = new Select(b.find("#video-course"));
        course.selectByIndex(course.getOptions().size() - 1);
        recordedCourse = course.getFirstSelectedOption().getAttribute("value");
        Path video = Files.createTempFile("class", ".mp4");
        Files.write(video, Pictures.mp4(300_000));
        b.find("#video-file").sendKeys(video.toString());
        b.click("#video-attach");
        b.find("#course-video");
        b.check("a recording attached");
    }

    /** The recording plays for this role: the course's play link opens the player, whose source answers a range. */
    private static void watchTheRecording() {
        b.visit("/#/education");
        b.click("a.play[href$='play=" + recordedCourse + "']");
        WebElement player = b.find("#course-video");
        Object answer = b.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin', headers: {Range: 'bytes=0-99'}})"
                        + ".then(r => done(r.status + ' ' + r.headers.get('Content-Type')), e => done(String(e)));",
                player.getAttribute("src"));
        assertThat(String.valueOf(answer)).startsWith("206 video/mp4");
        b.check("the recording's player");
    }

    @Test
    @Order(2)
    void departmentStaffFindTheReferredLeadAndReportWhatTheyDid() {
        b.logIn(Role.DEPARTMENT);
        assertThat(b.js("return location.hash")).isEqualTo("#/leads");
        assertThat(b.text("h1")).isEqualTo("移送本部门的线索");
        assertThat(b.driver().findElement(By.id("nav-explore")).isDisplayed()).isFalse();
        b.click(".lead-row[data-ref='" + referredRef + "']");
        b.find("#report-form");
        b.check("the referred lead");
        // No prosecutor's controls: no workflow steps, no exports, no graph explorer.
        for (String css : List.of(".wf-step", "#wf-department", "#export-svg", "#export-png", "#export-docx", "#explore-lead",
                "#draft-supervision")) {
            assertThat(b.driver().findElements(By.cssSelector(css))).as(css).isEmpty();
        }
        b.click("#report-submit");
        assertThat(b.text("#report-message")).contains("请填写办理情况");
        b.check("an empty report");
        b.find("#report-note").sendKeys("已约谈涉事学校负责人，责令停止聘用并整改");
        b.click("#report-submit");
        WebElement report = b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wf-history li.wf-report")));
        assertThat(report.getText()).contains(city.users.get(Role.DEPARTMENT)[0]).contains("部门报告办理情况")
                .contains("教育").contains("已约谈涉事学校负责人");
        assertThat(b.text("#lead-status")).isEqualTo("移送主管部门");
        b.check("the report in the lead's history");
    }

    @Test
    @Order(3)
    void theSocialWorkerPlansAClassForTheAssignedMinorAndRecordsAttendance() {
        b.logIn(Role.SOCIAL_WORKER);
        assertThat(b.js("return location.hash")).isEqualTo("#/minors");
        String minor = ".minor[data-node='" + minorNode + "']";
        planAClassAndRecordAttendance(minor);
        // The minor's profile opens for the worker, with the same plan.
        b.click(minor + " .minor-profile");
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-education"), "出勤 1 / 1"));
        b.check("the assigned minor's profile");
        watchTheRecording();
    }

    @Test
    @Order(4)
    void theGuardianReadsTheGuidanceAcknowledgesTheOrderAndMeetsNoRefusal() {
        // The prosecutor drafts a family-education guidance order from the minor's profile and sends it to the guardian.
        b.logIn(Role.PROSECUTOR);
        b.visit("/#/profile/" + minorNode);
        b.click("#profile-guidance");
        WebElement guardianUser = b.find("#order-guardian-user");
        b.check("the order drafted");
        new org.openqa.selenium.support.ui.Select(guardianUser).selectByValue(city.users.get(Role.GUARDIAN)[0]);
        b.fillIfEmpty("#order-guardian-name", "张某某");
        b.click("#order-issue");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "已发出"));
        String hash = String.valueOf(b.js("return location.hash"));
        orderId = hash.substring("#/order/".length());
        b.check("the order issued");

        b.logIn(Role.GUARDIAN);
        assertThat(b.js("return location.hash")).isEqualTo("#/guidance");
        assertThat(b.driver().findElement(By.id("nav-leads")).isDisplayed()).isFalse();
        String order = ".guidance-order[data-order='" + orderId + "']";
        WebElement box = b.find(order);
        assertThat(box.getText()).contains("家庭教育指导令").contains("已发出").contains("按时参加本院安排的家庭教育指导课程")
                .contains("家庭教育促进法 第四十九条");
        assertThat(b.text("#guidance-law")).contains("第十四条").contains("家长是第一任老师").contains("第二十三条")
                .contains("不得实施家庭暴力");
        b.check("the family-education guidance");
        b.click(order + " .guidance-open");
        b.click("#order-acknowledge");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "监护人已确认"));
        b.check("the order acknowledged");
        b.click("#order-guidance");
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(order), "监护人已确认"));
        b.check("the guidance after acknowledging");

        // A page that is not the guardian's asks the API nothing and shows the way back.
        b.visit("/#/leads");
        assertThat(b.text("#not-for-you")).contains("返回我的首页");
        b.visit("/#/lead/" + referredRef);
        b.find("#not-for-you");
        b.click("#go-home");
        b.find(order);
        b.check("back at the start page");
        watchTheRecording();
    }

    /** On 我的帮教对象: a class planned for the minor, attended, and the rate counted. */
    private static void planAClassAndRecordAttendance(String minor) {
        b.find(minor);
        assertThat(b.driver().findElements(By.id("no-minors"))).isEmpty();
        new Select(b.find(minor + " .plan-course-pick")).selectByIndex(1);
        String course = new Select(b.find(minor + " .plan-course-pick")).getFirstSelectedOption().getAttribute("value");
        b.click(minor + " .plan-add");
        b.find(minor + " .plan-course[data-course='" + course + "']");
        b.check("a class planned");
        new Select(b.find(minor + " .attend-course")).selectByValue(course);
        b.find(minor + " .attend-note").sendKeys("按时到课，认真听讲");
        b.click(minor + " .attend-add");
        WebElement attendance = b.await().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(minor + " .plan-course[data-course='" + course + "'] .plan-attendance li")));
        assertThat(attendance.getText()).contains(TestCity.AS_OF.toString()).contains("出勤").contains("按时到课");
        assertThat(b.text(minor + " .plan-rate")).contains("1 / 1");
        b.check("attendance recorded");
    }

    @Test
    @Order(5)
    void thePsychologistFindsTheMinorAProsecutorAssignedPlansAClassAndRecordsAttendance() {
        String psychologist = city.users.get(Role.PSYCHOLOGIST)[0];
        b.logIn(Role.PROSECUTOR);
        b.visit("/#/lead/" + counselledRef);
        b.click("#lead-profile");
        b.await().until(d -> String.valueOf(b.js("return document.body.dataset.ready")).startsWith("#/profile/"));
        new Select(b.find("#assign-user")).selectByVisibleText(psychologist);
        b.click("#assign-submit");
        assertThat(b.text("#assign-done")).contains("已指派给").contains(psychologist);
        b.check("the minor assigned to the psychologist");

        b.logIn(Role.PSYCHOLOGIST);
        assertThat(b.js("return location.hash")).isEqualTo("#/minors");
        assertThat(b.driver().findElements(By.cssSelector(".minor[data-node='" + minorNode + "']")))
                .as("the social worker's minor").isEmpty();
        String minor = ".minor[data-node='" + counselledNode + "']";
        planAClassAndRecordAttendance(minor);
        b.click(minor + " .minor-profile");
        b.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile-education"), "出勤 1 / 1"));
        b.check("the counselled minor's profile");
        watchTheRecording();
    }
}

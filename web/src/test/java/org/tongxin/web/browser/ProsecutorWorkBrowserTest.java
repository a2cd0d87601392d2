package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;
import org.tongxin.web.server.WebServer;

/**
 * A prosecutor's work on orders, assignments and threads done wholly on the pages (issue 13): withdrawing a draft
 * and closing an issued order with a reason written inline, the steps offered being those the workflow allows now;
 * editing a draft's duties in place; picking its guardian from the one list of users by role; seeing who a minor is
 * assigned to and ending an assignment, after which the worker no longer has the minor; picking a thread's
 * participants from lists of users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProsecutorWorkBrowserTest {

    private static TestCity city;
    private static Browser b;
    /** The minor of a guardianship lead no other test uses. */
    private static String minorNode;

    @BeforeAll
    static void start() throws Exception {
        city = TestCity.get(WebServer.WEB_ROOT);
        b = Browser.open(city);
        // Reading which minor to work on, not doing any of the work.
        try (Session s = city.store.driver().session()) {
            minorNode = s.run("""
                    MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key SKIP 5 LIMIT 1
                    MATCH (m:Person {id: substring(l.key, size(split(l.key, ':')[0]) + 1)})
                    RETURN elementId(m) AS node""").single().get("node").asString();
        }
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
    }

    /**
     * Opens the minor's profile; the first profile a fresh server computes can take longer than the fixture's 20
     * seconds on a loaded machine, so this one wait is longer.
     */
    private static void openProfile() {
        b.driver().get(city.base() + "/#/profile/" + minorNode);
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(90))
                .until(d -> ("#/profile/" + minorNode).equals(b.js("return document.body.dataset.ready")));
        b.check("the minor's profile");
    }

    /** Drafts an order of this kind from the minor's profile and answers its id. */
    private static String draftFromProfile(String button) {
        openProfile();
        b.click(button);
        b.await().until(d -> String.valueOf(b.js("return document.body.dataset.ready")).startsWith("#/order/"));
        b.find("#order-status");
        return String.valueOf(b.js("return location.hash")).substring("#/order/".length());
    }

    private static List<String> offeredSteps() {
        return b.driver().findElements(By.cssSelector("#order-steps-next .order-step")).stream()
                .map(e -> e.getAttribute("data-to")).toList();
    }

    @Test
    @Order(1)
    void aDraftIsWithdrawnWithAReasonAndAnIssuedOrderClosedTheGuardianBeingOfferedNeither() {
        b.logIn(Role.PROSECUTOR);
        draftFromProfile("#profile-supervision");
        assertThat(b.text("#order-status")).isEqualTo("草稿");
        assertThat(offeredSteps()).containsExactly("cancelled");
        assertThat(b.text(".order-step[data-to='cancelled']")).isEqualTo("撤回");
        b.check("a draft offers withdrawal");
        b.click(".order-step[data-to='cancelled']");
        b.find("#order-step-form");
        b.click("#order-step-confirm");
        assertThat(b.text("#order-step-error")).contains("请写明撤回的理由");
        assertThat(b.text("#order-status")).isEqualTo("草稿");
        b.check("withdrawing without a reason");
        b.find("#order-step-note").sendKeys("监护人已主动改正，无需发出");
        b.click("#order-step-confirm");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "已撤回"));
        assertThat(b.text("#order-steps")).contains("已撤回").contains("监护人已主动改正");
        assertThat(offeredSteps()).isEmpty();
        b.check("the draft withdrawn");

        String issued = draftFromProfile("#profile-guidance");
        new Select(b.find("#order-guardian-user")).selectByValue(city.users.get(Role.GUARDIAN)[0]);
        b.fillIfEmpty("#order-guardian-name", "张某某");
        b.click("#order-issue");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "已发出"));
        assertThat(offeredSteps()).containsExactly("closed");
        b.check("an issued order offers closing only");

        b.logIn(Role.GUARDIAN);
        b.visit("/#/order/" + issued);
        b.find("#order-acknowledge");
        assertThat(b.driver().findElements(By.cssSelector(".order-step, #order-step-form, #order-steps-next"))).isEmpty();
        b.check("the guardian's order without the prosecutor's steps");

        b.logIn(Role.PROSECUTOR);
        b.visit("/#/order/" + issued);
        b.click(".order-step[data-to='closed']");
        b.find("#order-step-note").sendKeys("监护人已按要求参加家庭教育指导");
        b.click("#order-step-confirm");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "已结案"));
        b.check("the issued order closed");
    }

    @Test
    @Order(2)
    void aDraftsDutiesAreEditedInPlaceUntilTheOrderIsIssued() {
        b.logIn(Role.PROSECUTOR);
        draftFromProfile("#profile-supervision");
        List<String> defaults = b.driver().findElements(By.cssSelector("#order-requirements li")).stream()
                .map(WebElement::getText).toList();
        assertThat(defaults).hasSizeGreaterThan(1);
        b.click("#order-duties-edit");
        List<WebElement> lines = b.driver().findElements(By.cssSelector("#order-duties-list .order-duty"));
        assertThat(lines).hasSize(defaults.size());
        b.check("the duties being edited");
        b.driver().findElements(By.cssSelector("#order-duties-list .order-duty-remove")).forEach(WebElement::click);
        b.click("#order-duties-save");
        assertThat(b.text("#order-duties-error")).contains("请至少填写一项责令事项");
        b.check("saving no duty");
        b.click("#order-duty-add");
        b.find("#order-duties-list .order-duty").sendKeys("每周日晚九时前确保孩子回家");
        b.click("#order-duty-add");
        b.driver().findElements(By.cssSelector("#order-duties-list .order-duty")).get(1).sendKeys("每月带孩子参加一次家庭教育指导课");
        b.click("#order-duties-save");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#order-duties-edit")));
        assertThat(b.driver().findElements(By.cssSelector("#order-requirements li")).stream().map(WebElement::getText).toList())
                .containsExactly("每周日晚九时前确保孩子回家", "每月带孩子参加一次家庭教育指导课");
        b.check("the duties saved");

        new Select(b.find("#order-guardian-user")).selectByValue(city.users.get(Role.GUARDIAN)[0]);
        b.fillIfEmpty("#order-guardian-name", "张某某");
        b.click("#order-issue");
        b.await().until(ExpectedConditions.textToBe(By.id("order-status"), "已发出"));
        assertThat(b.driver().findElements(By.cssSelector("#order-duties-edit, .order-duty"))).isEmpty();
        assertThat(b.text("#order-requirements")).contains("每周日晚九时前确保孩子回家");
        b.check("an issued order's duties, fixed");
    }

    @Test
    @Order(3)
    void theGuardianOfADraftIsPickedFromTheOneListOfUsersByRole() {
        b.logIn(Role.PROSECUTOR);
        draftFromProfile("#profile-guidance");
        List<String> asked = b.answers().stream().map(Browser.Answer::path).toList();
        assertThat(asked).contains("/api/users?role=guardian").noneMatch(p -> p.startsWith("/api/orders/guardians"));
        List<String> offered = new Select(b.find("#order-guardian-user")).getOptions().stream()
                .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
        assertThat(offered).contains(city.users.get(Role.GUARDIAN)[0])
                .doesNotContain(city.users.get(Role.SOCIAL_WORKER)[0], city.users.get(Role.PROSECUTOR)[0]);
        b.check("the guardians offered for a draft");
    }

    @Test
    @Order(4)
    void aMinorsAssignmentIsSeenOnTheProfileAndRemovedTheWorkerLosingTheMinor() {
        String worker = city.users.get(Role.SOCIAL_WORKER)[0];
        String assignee = ".assignee[data-user='" + worker + "']";
        b.logIn(Role.PROSECUTOR);
        openProfile();
        b.find("#assign-none");
        new Select(b.find("#assign-user")).selectByVisibleText(worker);
        b.click("#assign-submit");
        b.find("#assign-done");
        assertThat(b.find(assignee).getText()).contains(worker).contains("司法社工");
        b.check("the minor assigned, shown by name");

        b.logIn(Role.SOCIAL_WORKER);
        b.visit("/#/minors");
        b.find(".minor[data-node='" + minorNode + "']");
        b.check("the assigned minor among the worker's minors");

        b.logIn(Role.PROSECUTOR);
        openProfile();
        b.click(assignee + " .assign-remove");
        b.click(assignee + " .assign-remove-cancel");
        b.find(assignee + " .assign-remove");
        b.click(assignee + " .assign-remove");
        assertThat(b.text(assignee)).contains("不能再查看");
        b.check("asked to confirm the removal");
        b.click(assignee + " .assign-remove-confirm");
        b.find("#assign-none");
        assertThat(b.text("#assign-removed")).contains("已取消指派").contains(worker);
        b.check("the assignment removed");

        b.logIn(Role.SOCIAL_WORKER);
        b.visit("/#/minors");
        assertThat(b.driver().findElements(By.cssSelector(".minor[data-node='" + minorNode + "']"))).isEmpty();
        b.check("the minor gone from the worker's minors");
        b.expect(404, "/api/profiles/");
        b.driver().get(city.base() + "/#/profile/" + minorNode);
        b.await().until(d -> b.driver().findElements(By.cssSelector("#view .error")).size() > 0);
        b.checkAllExpectedCame("the minor's profile closed to the worker");
    }

    @Test
    @Order(5)
    void aProsecutorPicksAThreadsParticipantsFromListsOfUsers() {
        String worker = city.users.get(Role.SOCIAL_WORKER)[0];
        String psychologist = city.users.get(Role.PSYCHOLOGIST)[0];
        b.logIn(Role.PROSECUTOR);
        b.visit("/#/board");
        assertThat(b.driver().findElements(By.cssSelector("input#new-thread-people, input[type='text']#new-thread-people"))).isEmpty();
        assertThat(b.driver().findElements(By.cssSelector("#new-thread-people fieldset legend")).stream().map(WebElement::getText)
                .toList()).contains("司法社工", "心理咨询师", "监护人");
        assertThat(b.text("#new-thread-people")).doesNotContain(city.users.get(Role.PROSECUTOR)[0]);
        b.find("#new-thread-subject").sendKeys("帮教衔接");
        b.click("#new-thread-open");
        assertThat(b.text("#new-thread-message")).contains("请选择参与者");
        b.check("a thread without participants");
        b.click("#new-thread-people input[value='" + worker + "']");
        b.click("#new-thread-people input[value='" + psychologist + "']");
        b.click("#new-thread-open");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("thread")));
        assertThat(b.text("#thread")).contains("帮教衔接").contains(worker).contains(psychologist);
        b.check("the thread opened with the picked participants");
    }
}

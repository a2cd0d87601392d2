package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;

/**
 * A prosecutor switches the interface to English on the page and walks a whole journey — workbench, a lead, a
 * workflow step, the order drafted from it, the audit log, the statistics — and every page passes
 * {@link Browser#checkEnglish}: no Chinese outside data values, code, inputs and the law's texts.
 */
@ExtendWith(BrowserExtension.class)
class EnglishJourneyBrowserTest {

    private static TestCity city;
    private static Browser b;

    @Test
    void aProsecutorWalksAJourneyInEnglish() {
        // A new guardianship lead other tests leave alone (the first and last by key are theirs).
        JsonNode items = city.http.get("/api/leads?status=new&model=guardianship&size=200").json().get("items");
        assertThat(items.size()).as("new guardianship leads in the test city").isGreaterThan(3);
        String ref = items.get(items.size() - 3).get("ref").asText();

        b.logIn(Role.PROSECUTOR);
        b.click("#lang-switch");
        b.await().until(ExpectedConditions.textToBe(By.id("nav-leads"), "Leads"));
        b.visit("/#/leads");
        b.find(".lead-row");
        b.checkEnglish("the workbench");

        b.visit("/#/lead/" + ref);
        b.find("#lead-summary");
        b.checkEnglish("a lead");
        int steps = b.driver().findElements(By.cssSelector("#wf-history li")).size();
        b.click(".wf-step[data-to='reviewing']");
        b.await().until(d -> d.findElements(By.cssSelector("#wf-history li")).size() > steps);
        b.checkEnglish("the lead under review");

        b.click("#draft-supervision");
        b.find("#order-guardian-user");
        b.await().until(d -> String.valueOf(b.js("return document.body.dataset.ready")).startsWith("#/order/"));
        b.checkEnglish("the order drafted from the lead");

        b.visit("/#/audit");
        b.find("#audit-table");
        b.checkEnglish("the audit log");

        b.visit("/#/stats");
        b.checkEnglish("the statistics");
    }
}

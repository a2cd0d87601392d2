package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;
import org.tongxin.web.server.WebServer;

/**
 * A prosecutor's desk work done in the browser alone: a lead opened by the key pasted into the lead workbench.
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
}

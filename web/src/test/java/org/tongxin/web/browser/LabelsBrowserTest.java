package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tongxin.api.TestCity;
import org.tongxin.domain.audit.AuditActions;
import org.tongxin.domain.user.Role;
import org.tongxin.ingest.mapping.Labels;

/**
 * Codes show by their names from GET /api/labels, not as codes: property keys in the explorer's node details and in
 * a person's profile (labels.yaml), kinds in search hits and details, relationship types, a record's dataset by its
 * title and department, roles and actions in the audit log — for a prosecutor and an analyst, each page passing the
 * journey guards (no English word outside data values); and with the English switch on, their English names.
 */
@ExtendWith(BrowserExtension.class)
class LabelsBrowserTest {

    private static final Labels LABELS = Labels.bundled();
    private static TestCity city;
    private static Browser b;

    /** Each test starts in Chinese, whatever the one before left in the browser's storage. */
    @AfterEach
    void chinese() {
        b.js("localStorage.removeItem('tongxin.lang')");
    }

    private static String zh(String key) {
        return LABELS.property(key, Locale.CHINESE);
    }

    private static String en(String key) {
        return LABELS.property(key, Locale.ENGLISH);
    }

    /** A person of a household with a three-character name: node id and name. */
    private static String[] person() {
        try (Session s = city.store.driver().session()) {
            Record r = s.run("MATCH (p:Person)-[:MEMBER_OF]->() WHERE size(p.name) = 3 "
                    + "RETURN elementId(p) AS id, p.name AS name ORDER BY p.id LIMIT 1").single();
            return new String[] {r.get("id").asString(), r.get("name").asString()};
        }
    }

    /** A person an administrative penalty names (offender or victim): their profile lists it under 涉案情况. */
    private static String involved() {
        try (Session s = city.store.driver().session()) {
            return s.run("MATCH (p:Person)<-[:PENALISED|VICTIM]-(:AdminPenalty) WHERE p.id IS NOT NULL "
                    + "RETURN elementId(p) AS id ORDER BY p.id LIMIT 1").single().get("id").asString();
        }
    }

    /** The minor of the first guardianship lead, whose profile a prosecutor may open. */
    private static String minor() {
        try (Session s = city.store.driver().session()) {
            return s.run("MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key LIMIT 1 "
                    + "MATCH (p:Person {id: split(l.key, ':')[1]}) RETURN elementId(p) AS id").single().get("id").asString();
        }
    }

    /** Opens a person in the explorer (details and neighbours) and checks the names of keys, kind and relations. */
    private static void nodeDetails(String[] person) {
        b.visit("/#/explore?node=" + person[0]);
        b.find("#detail dl.kv");
        List<String> keys = b.texts("#detail dl.kv dt");
        assertThat(keys).as("property keys of a person").contains(zh("name"), zh("id"))
                .doesNotContain("name", "id", "address", "code", "lat", "minor");
        assertThat(b.text("#node-title")).startsWith("人员：").contains(person[1]);
        assertThat(b.find("#node-title span").getDomAttribute("translate")).isEqualTo("no");
        assertThat(b.find("#detail dl.kv dd").getDomAttribute("translate")).isEqualTo("no");
        b.check("node details");
        // A relationship by its name: tap the first drawn edge of a type.
        String edge = (String) b.js("const e = TX.explorer.edges().filter(x => x.data('type'))[0]; return e ? e.id() : null");
        assertThat(edge).as("an edge drawn round the person").isNotNull();
        String type = (String) b.js("return TX.explorer.getElementById(arguments[0]).data('type')", edge);
        b.js("TX.explorer.getElementById(arguments[0]).emit('tap')", edge);
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("edge-title")));
        assertThat(b.text("#edge-title")).startsWith(LABELS.relation(type, Locale.CHINESE));
        b.check("relationship details");
    }

    /** Searches a person's name: the hit names its kind in Chinese, the caption is a data value. */
    private static void search(String name) {
        b.visit("/#/explore");
        WebElement input = b.find("#search-input");
        input.sendKeys(name);
        b.click("#search-button");
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".search-hit")));
        assertThat(b.texts(".search-hit")).anySatisfy(t -> assertThat(t).startsWith("人员：").contains(name));
        b.check("search hits");
    }

    @Test
    void aProsecutorReadsKeysKindsDatasetsRolesAndActionsByTheirChineseNames() {
        b.logIn(Role.PROSECUTOR);
        String[] person = person();
        nodeDetails(person);

        // A record that gave a value: its dataset by title and department, its cells as data.
        b.js("TX.explorer.getElementById(arguments[0]).emit('tap')", person[0]);
        b.await().until(ExpectedConditions.presenceOfElementLocated(By.id("node-title")));
        b.click("#detail ul li a");
        WebElement dataset = b.find("#detail [data-testid='source-dataset']");
        String datasetName = (String) b.js("const d = Object.values(TX.labels.datasets); return d.map(x => x.department + ' · ' + x.zh)"
                + ".find(x => arguments[0].includes(x)) || null", dataset.getText());
        assertThat(datasetName).as("the record's department and dataset title: " + dataset.getText()).isNotNull();
        assertThat(b.find("#detail [data-testid='source-row'] table tr").getDomAttribute("translate")).isEqualTo("no");
        assertThat(b.texts("#detail dl.kv dt")).isNotEmpty().doesNotContain("rid", "dataset", "key", "file", "line");
        b.check("a record's source row");

        search(person[1]);

        b.visit("/#/profile/" + minor());
        b.find("#profile dl.kv");
        List<String> identity = b.texts("#profile dl.kv dt");
        assertThat(identity).contains(zh("name"), zh("birthDate"), zh("minor"), zh("age"))
                .doesNotContain("name", "birthDate", "minor", "age");
        assertThat(b.text("#profile dl.kv")).contains("是").doesNotContain("true");
        b.check("profile");

        // 涉案情况: each record by its dataset's title and its number alone, not the stored key dataset:number.
        b.visit("/#/profile/" + involved());
        b.find("#profile dl.kv");
        @SuppressWarnings("unchecked")
        List<String> involvement = (List<String>) b.js("return [...document.querySelectorAll("
                + "'#profile h2[data-i18n=\"profile.involvement\"] ~ ul li')].map(l => l.textContent)");
        JsonNode datasets = city.http.get("/api/labels").json().get("datasets");
        assertThat(involvement).isNotEmpty();
        for (String line : involvement) {
            List<String> titles = new ArrayList<>();
            datasets.fields().forEachRemaining(d -> {
                assertThat(line).doesNotContain(d.getKey() + ":");
                titles.add(d.getValue().get("zh").asText());
            });
            assertThat(titles).as(line).anyMatch(line::startsWith);
        }
        b.check("profile's involvement");

        String user = city.users.get(Role.PROSECUTOR)[0];
        b.visit("/#/audit?user=" + user);
        assertThat(b.texts("#audit-table .audit-role")).contains(Role.PROSECUTOR.zh()).doesNotContain("prosecutor");
        assertThat(b.texts("#audit-table .audit-detail")).as("a login's address in words").anyMatch(d -> d.startsWith("来源地址 "));
        List<String> actions = b.texts("#audit-table .audit-action");
        assertThat(actions).contains(AuditActions.all().get("node.read").zh(), AuditActions.all().get("profile.read").zh(),
                AuditActions.all().get("search").zh(), AuditActions.all().get("login").zh())
                .doesNotContain("node.read", "profile.read", "search", "login");
        b.check("audit log");

        // The English switch: the same codes by their English names.
        b.click("#lang-switch");
        b.await().until(ExpectedConditions.textToBe(By.id("nav-leads"), "Leads"));
        b.awaitReady("#/audit?user=" + user);
        b.await().until(d -> b.texts("#audit-table .audit-action").contains(AuditActions.all().get("node.read").en()));
        assertThat(b.texts("#audit-table .audit-role")).contains(Role.PROSECUTOR.en());
        assertThat(b.texts("#audit-table .audit-detail")).anyMatch(d -> d.startsWith("from ")).noneMatch(d -> d.startsWith("来源地址"));
        assertThat(b.text("#audit-chain")).startsWith("Hash chain intact");
        assertThat(b.text("#who-name")).contains(Role.PROSECUTOR.en());
        b.check("audit log in English");
        b.visit("/#/explore?node=" + person[0]);
        b.find("#detail dl.kv");
        assertThat(b.texts("#detail dl.kv dt")).contains(en("id"), en("name"));
        assertThat(b.text("#node-title")).startsWith(LABELS.kind("Person", Locale.ENGLISH) + "：");
        b.check("node details in English");
        b.visit("/#/profile/" + minor());
        b.find("#profile dl.kv");
        assertThat(b.texts("#profile dl.kv dt")).contains(en("birthDate"), en("minor"));
        assertThat(b.text("#profile dl.kv")).contains("Yes");
        b.check("profile in English");
        b.click("#lang-switch");
        b.await().until(ExpectedConditions.textToBe(By.id("nav-leads"), "线索工作台"));
    }

    @Test
    void anAnalystReadsNodeDetailsAndSearchHitsByTheirChineseNames() {
        b.logIn(Role.ANALYST);
        String[] person = person();
        nodeDetails(person);
        search(person[1]);
    }
}

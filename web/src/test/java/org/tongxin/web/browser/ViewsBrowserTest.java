package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Session;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;

/**
 * A prosecutor's graphs that can be read: saves the explorer's view and reopens it after a reload with the same nodes
 * where they were; opens a minor's timeline from the profile and follows an event to its source row; sees the roles
 * of the persons in a lead's legend as the API names them.
 */
@ExtendWith(BrowserExtension.class)
class ViewsBrowserTest {

    private static TestCity city;
    private static Browser b;

    @BeforeAll
    static void start() throws Exception {
        b.logIn(Role.PROSECUTOR);
    }

    @Test
    void aViewSavedInTheExplorerReopensAfterAReloadWithTheSameNodesInTheirPlaces() {
        String name;
        try (Session s = city.store.driver().session()) {
            name = s.run("MATCH (p:Person)-[:MEMBER_OF]->() WHERE size(p.name) = 3 RETURN p.name AS n ORDER BY p.id SKIP 3 LIMIT 1")
                    .single().get("n").asString();
        }
        b.visit("/#/explore");
        b.find("#search-input").sendKeys(name);
        b.click("#search-button");
        b.click(".search-hit");
        b.click("#expand-button");
        b.await().until(d -> count("return TX.explorer.nodes().length") > 1);
        b.check("explorer expanded");
        Map<String, double[]> before = positions();

        b.click("#view-save");
        String viewName = "夜间关系 " + System.nanoTime() % 100000;
        b.find("#view-name").sendKeys(viewName);
        b.find("#view-note").sendKeys("待核查");
        b.click("#view-save-confirm");
        assertThat(b.find("#view-saved").getText()).contains(viewName).contains(String.valueOf(before.size()));
        b.check("view saved");

        b.visit("/#/explore");
        b.driver().navigate().refresh();
        b.awaitReady("#/explore");
        assertThat(count("return TX.explorer.nodes().length")).isZero();
        b.check("explorer after a reload");

        b.click("#views-mine");
        WebElement item = b.await().until(d -> d.findElements(By.cssSelector(".view-item")).stream()
                .filter(e -> e.getText().contains(viewName)).findFirst().orElse(null));
        b.check("my views");
        item.findElement(By.cssSelector(".view-open")).click();
        assertThat(b.find("#view-opened").getText()).contains(viewName).contains("待核查");
        Map<String, double[]> after = positions();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((id, p) -> {
            assertThat(after.get(id)[0]).as(id).isCloseTo(p[0], org.assertj.core.data.Offset.offset(0.11));
            assertThat(after.get(id)[1]).as(id).isCloseTo(p[1], org.assertj.core.data.Offset.offset(0.11));
        });
        b.check("view reopened");

        String person = (String) b.js("return TX.explorer.nodes('[kind = \"Person\"]')[0].id()");
        b.js("TX.explorer.getElementById(arguments[0]).emit('tap')", person);
        assertThat(b.find("#timeline-link").getAttribute("href")).contains("#/timeline/");
        b.check("a person's details in a reopened view");
    }

    @Disabled("Open defect: in the full run of 0753c5a the axis ticks did not change within 60 s after 近一年 was clicked; "
            + "it passed when run alone. Re-enable once the zoom is fixed or the test is made independent of test order.")
    @Test
    void aMinorsTimelineOpensFromTheProfileAndAnEventLeadsToItsSourceRow() {
        String person;
        try (Session s = city.store.driver().session()) {
            person = s.run("MATCH (l:Lead {model: 'guardianship'}) WHERE 'R7.1' IN l.rules WITH l ORDER BY l.key LIMIT 1 "
                    + "MATCH (p:Person {id: split(l.key, ':')[1]}) RETURN elementId(p) AS id").single().get("id").asString();
        }
        b.visit("/#/profile/" + person);
        b.click("#profile-timeline");
        b.await().until(d -> String.valueOf(b.js("return document.body.dataset.ready")).startsWith("#/timeline/"));
        List<WebElement> events = b.await().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#timeline-svg .tl-event"));
            return found.isEmpty() ? null : found;
        });
        JsonNode api = city.http.get("/api/graph/nodes/" + org.tongxin.api.Http.enc(person) + "/timeline").json();
        assertThat(events).hasSize(api.get("events").size());
        assertThat(b.text("#timeline-summary")).contains(String.valueOf(api.get("total").asLong()));
        b.check("timeline");

        WebElement first = events.get(0);
        String record = first.getAttribute("data-record");
        b.js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", first);
        WebElement source = b.find("#timeline-source [data-testid='source-row']");
        JsonNode row = city.http.get("/api/graph/nodes/" + org.tongxin.api.Http.enc(record)).json().get("source");
        String rid = row.get("rid").asText();
        String number = rid.substring(rid.indexOf(':') + 1);
        assertThat(b.text("#timeline-source h2")).as("the record's number alone, under its dataset's name")
                .contains(number).doesNotContain(rid).contains(city.http.get("/api/labels").json().get("datasets").get(row.get("dataset").asText()).get("zh").asText());
        row.get("row").fields().forEachRemaining(c -> assertThat(source.getText()).contains(c.getKey()));
        b.check("an event's source row");

        b.click(".tl-row[data-index='1']");
        b.await().until(d -> d.findElement(By.cssSelector(".tl-row[data-index='1']")).getAttribute("class").contains("selected"));
        b.find("#timeline-source [data-testid='source-row']");
        b.check("a row's source row");
        for (WebElement cell : b.driver().findElements(By.cssSelector("#timeline-table .tl-rid"))) {
            assertThat(cell.getText()).as("record numbers without the dataset").doesNotContain(":");
        }

        // The axis ends at the last event; the last year (up to the last event) draws only the events in it.
        JsonNode list = api.get("events");
        LocalDateTime last = LocalDateTime.MIN;
        for (JsonNode e : list) {
            last = Collections.max(List.of(last, when(e.get("at")), e.hasNonNull("end") ? when(e.get("end")) : LocalDateTime.MIN));
        }
        WebElement svg = b.find("#timeline-svg");
        assertThat(svg.getAttribute("data-to")).isEqualTo(last.toLocalDate().toString());
        List<String> allTicks = b.texts("#timeline-svg .tl-tick");
        LocalDateTime yearBefore = last.minus(Duration.ofMillis((long) (365.25 * 86_400_000L)));
        long inLastYear = 0;
        for (JsonNode e : list) {
            LocalDateTime end = e.hasNonNull("end") ? Collections.max(List.of(when(e.get("at")), when(e.get("end")))) : when(e.get("at"));
            inLastYear += end.isBefore(yearBefore) ? 0 : 1;
        }
        assertThat(inLastYear).as("the minor's records reach back more than a year").isLessThan(list.size());
        b.click(".tl-range[data-range='1y']");
        b.await().until(d -> !b.texts("#timeline-svg .tl-tick").equals(allTicks));
        assertThat(b.driver().findElements(By.cssSelector("#timeline-svg .tl-event"))).hasSize((int) inLastYear);
        assertThat(b.find("#timeline-svg").getAttribute("data-to")).isEqualTo(last.toLocalDate().toString());
        b.check("the timeline's last year");
        b.click("#timeline-reset");
        b.await().until(d -> d.findElements(By.cssSelector("#timeline-svg .tl-event")).size() == list.size());
        assertThat(b.texts("#timeline-svg .tl-tick")).isEqualTo(allTicks);
    }

    /** An event's date or date-time from the API (a date alone: its midnight, as the page reads it). */
    private static LocalDateTime when(JsonNode v) {
        String s = v.asText();
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
    }

    @Test
    void theLeadGraphsLegendShowsTheRolesTheApiNames() {
        String key;
        try (Session s = city.store.driver().session()) {
            key = s.run("MATCH (l:Lead {model: 'guardianship'})-[:EVIDENCE]->(:Enrolment)-[:GUARDIAN]->(:Person) "
                    + "RETURN DISTINCT l.key AS k ORDER BY k LIMIT 1").single().get("k").asString();
        }
        String ref = LeadStore.ref(key);
        JsonNode graph = city.http.get("/api/leads/" + ref).json().get("graph");
        Map<String, String> roles = new TreeMap<>();
        graph.get("nodes").forEach(n -> {
            if (n.hasNonNull("role")) {
                roles.put(n.get("role").get("code").asText(), n.get("role").get("zh").asText());
            }
        });
        assertThat(roles).containsKeys("minor", "guardian");
        b.visit("/#/lead/" + ref);
        b.await().until(d -> !d.findElements(By.cssSelector("#graph-legend [data-role='guardian']")).isEmpty());
        TreeSet<String> shown = new TreeSet<>();
        b.driver().findElements(By.cssSelector("#graph-legend [data-role]")).forEach(e -> {
            String code = e.getAttribute("data-role");
            shown.add(code);
            if (roles.containsKey(code)) {
                assertThat(e.getText()).isEqualTo(roles.get(code));
            }
        });
        TreeSet<String> expected = new TreeSet<>(roles.keySet());
        expected.add("subject");
        assertThat(shown).isEqualTo(expected);
        assertThat(String.valueOf(b.js("return TX.graph.roles.guardian.zh"))).isEqualTo("监护人");
        b.check("lead legend with roles");
    }

    private static long count(String script) {
        return ((Number) b.js(script)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, double[]> positions() {
        Map<String, double[]> out = new TreeMap<>();
        List<List<Object>> rows = (List<List<Object>>) b.js(
                "return TX.explorer.nodes().filter(n => n.data('kind') !== 'Group').map(n => [n.id(), n.position('x'), n.position('y')])");
        rows.forEach(r -> out.put((String) r.get(0), new double[] {((Number) r.get(1)).doubleValue(), ((Number) r.get(2)).doubleValue()}));
        return out;
    }
}

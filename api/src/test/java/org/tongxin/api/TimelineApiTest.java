package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.domain.user.Role;

/** A person's timeline: every dated record that names the person, oldest first, each pointing at its source row. */
class TimelineApiTest {

    private static TestCity city;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
    }

    /** The person named by the most kinds of record: one with a long story. */
    private static String busyPerson() {
        try (Session s = city.store.driver().session()) {
            return s.run("""
                    MATCH (p:Person)<--(r:Record)
                    WITH p, count(DISTINCT head([l IN labels(r) WHERE l <> 'Record'])) AS kinds, count(r) AS n
                    WHERE n < 200
                    RETURN elementId(p) AS x ORDER BY kinds DESC, n DESC, p.id LIMIT 1""").single().get("x").asString();
        }
    }

    @Test
    void eventsAreSortedLabelledAndLeadBackToTheirSourceRows() {
        String person = busyPerson();
        JsonNode t = city.http.get("/api/graph/nodes/" + Http.enc(person) + "/timeline").json();
        JsonNode events = t.get("events");
        assertThat(events.size()).isGreaterThan(2);
        assertThat(t.get("total").asLong()).isEqualTo(events.size());
        assertThat(t.get("capped").asBoolean()).isFalse();
        String previous = "";
        Set<String> titles = new HashSet<>();
        for (JsonNode e : events) {
            String at = e.get("at").asText();
            assertThat(at).matches("\\d{4}-\\d{2}-\\d{2}.*").isGreaterThanOrEqualTo(previous);
            previous = at;
            assertThat(e.get("title").asText()).doesNotMatch(".*[A-Za-z_]{4,}.*");
            titles.add(e.get("title").asText());
        }
        assertThat(titles.size()).isGreaterThan(1);
        assertThat(t.get("first").asText()).isEqualTo(events.get(0).get("at").asText());
        JsonNode first = events.get(0);
        JsonNode src = city.http.get("/api/graph/nodes/" + Http.enc(first.get("record").asText())).json().get("source");
        assertThat(src.get("rid").asText()).isEqualTo(first.get("rid").asText());
        assertThat(src.get("title").asText()).isEqualTo(first.get("title").asText());
        try (Session s = city.store.driver().session()) {
            long records = s.run("""
                    MATCH (p) WHERE elementId(p) = $id
                    CALL (p) { MATCH (r:Record)-->(p) RETURN r
                               UNION MATCH (p)<-[:PARTY]-(:CaseParty)-[:IN_CASE]->(:Case)<-[:FILES]-(r:CriminalCase) RETURN r }
                    RETURN count(r) AS n""", Map.of("id", person)).single().get("n").asLong();
            assertThat(events.size() + t.get("undated").size()).as("every record, dated or not").isEqualTo(records);
        }
    }

    @Test
    void aVictimsCriminalCaseIsOnTheTimelineThroughTheCaseParty() {
        String person;
        try (Session s = city.store.driver().session()) {
            person = s.run("""
                    MATCH (p:Person)<-[:PARTY]-(:CaseParty)-[:IN_CASE]->(:Case)<-[:FILES]-(:CriminalCase)
                    RETURN elementId(p) AS x ORDER BY p.id LIMIT 1""").single().get("x").asString();
        }
        JsonNode t = city.http.get("/api/graph/nodes/" + Http.enc(person) + "/timeline").json();
        List<JsonNode> cases = new ArrayList<>();
        t.get("events").forEach(e -> {
            if (e.get("dataset").asText().equals("police_criminal_cases")) {
                cases.add(e);
            }
        });
        assertThat(cases).isNotEmpty();
        assertThat(cases.get(0).get("role").asText()).isIn("犯罪嫌疑人", "被害人");
    }

    @Test
    void identityNumbersStayMaskedAndTheReadIsAudited() {
        String person = busyPerson();
        String user = city.users.get(Role.ANALYST)[0];
        int before = city.audited(user, "node.timeline");
        String text = city.as(Role.ANALYST).get("/api/graph/nodes/" + Http.enc(person) + "/timeline").text();
        assertThat(RawIds.in(text)).isFalse();
        assertThat(text).contains("********");
        assertThat(city.audited(user, "node.timeline")).isEqualTo(before + 1);
    }

    @Test
    void aMissingPersonIsNamedInWordsNotByARawOrNullId() {
        for (String path : List.of("/api/graph/nodes/null/timeline", "/api/profiles/null")) {
            JsonNode zh = city.http.get(path).json();
            assertThat(zh.get("status").asInt()).as(path).isEqualTo(404);
            assertThat(zh.get("error").asText()).as(path).isEqualTo("找不到这名人员：编号无效、已不存在，或不在您的查看范围内");
            assertThat(city.http.get(path, "Accept-Language", "en").json().get("error").asText()).as(path)
                    .isEqualTo("no such person: the id is invalid, no longer exists, or is outside what you may see");
        }
    }

    @Test
    void anUnknownNodeOrOneThatIsNoPersonIsNotFoundAndTheCapHolds() {
        assertThat(city.http.get("/api/graph/nodes/" + Http.enc("4:00000000-0000-0000-0000-000000000000:1") + "/timeline")
                .status()).isEqualTo(404);
        String venue;
        try (Session s = city.store.driver().session()) {
            venue = s.run("MATCH (v:Venue) RETURN elementId(v) AS x LIMIT 1").single().get("x").asString();
        }
        assertThat(city.http.get("/api/graph/nodes/" + Http.enc(venue) + "/timeline").status()).isEqualTo(404);
        String person = busyPerson();
        JsonNode one = city.http.get("/api/graph/nodes/" + Http.enc(person) + "/timeline?limit=1").json();
        assertThat(one.get("events")).hasSize(1);
        assertThat(one.get("capped").asBoolean()).isTrue();
        assertThat(city.http.get("/api/graph/nodes/" + Http.enc(person) + "/timeline?limit=0").status()).isEqualTo(400);
        assertThat(city.as(Role.SOCIAL_WORKER).get("/api/graph/nodes/" + Http.enc(person) + "/timeline").status()).isEqualTo(403);
    }
}

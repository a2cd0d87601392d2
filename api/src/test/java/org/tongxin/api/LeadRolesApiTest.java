package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.analytics.store.LeadStore;

/** Every person of a lead's evidence graph carries its role in the lead, decided by the API per model. */
class LeadRolesApiTest {

    private static TestCity city;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
    }

    @Test
    void aPenaltyThatShouldHaveBeenACaseNamesTheVictimMinorAndThePenalisedSuspect() {
        JsonNode g = graph(LeadApiTest.firstKey("comprehensive"));
        assertThat(role(g, g.get("subject").asText())).isEqualTo("minor");
        assertThat(rolesByEdge(g, "PENALISED")).containsOnly("suspect");
        assertThat(rolesByEdge(g, "VICTIM")).containsOnly("minor");
        everyPersonAndOnlyPersonsHaveARole(g);
    }

    @Test
    void anUnreportedVisitNamesThePatientTheMinor() {
        JsonNode g = graph(LeadApiTest.firstKey("mandatory-report"));
        assertThat(rolesByEdge(g, "PATIENT")).containsOnly("minor");
        everyPersonAndOnlyPersonsHaveARole(g);
    }

    @Test
    void aStaffMemberWithARecordIsStaffNotASuspect() {
        JsonNode g = graph(LeadApiTest.firstKey("employment-check"));
        assertThat(role(g, g.get("subject").asText())).isEqualTo("staff");
        assertThat(rolesByEdge(g, "EMPLOYEE")).containsOnly("staff");
        assertThat(rolesByEdge(g, "RECORD_OF")).containsOnly("staff");
        everyPersonAndOnlyPersonsHaveARole(g);
    }

    @Test
    void aSchoolBusLeadNamesItsDriver() {
        String key = keyWhere("school-bus", "MATCH (l)-[:EVIDENCE]->(:BusRegistration)-[:DRIVER]->(:Person)");
        JsonNode g = graph(key);
        assertThat(rolesByEdge(g, "DRIVER")).containsOnly("driver");
        everyPersonAndOnlyPersonsHaveARole(g);
    }

    @Test
    void aSharedRoomNamesTheMinorAndTheAdultsSharingIt() {
        String key = keyWhere("venue", "WHERE 'R6.1' IN l.rules");
        JsonNode g = graph(key);
        String subject = g.get("subject").asText();
        assertThat(role(g, subject)).isEqualTo("minor");
        Set<String> others = new HashSet<>();
        for (JsonNode n : g.get("nodes")) {
            if (n.get("kind").asText().equals("Person") && !n.get("id").asText().equals(subject)) {
                others.add(n.get("role").get("code").asText());
                assertThat(n.get("role").get("zh").asText()).isEqualTo("同住成年人");
            }
        }
        assertThat(others).containsOnly("companion");
    }

    @Test
    void aGuardianshipLeadNamesTheMinorAndTheGuardians() {
        String key = keyWhere("guardianship", "MATCH (l)-[:EVIDENCE]->(:Enrolment)-[:GUARDIAN]->(:Person)");
        JsonNode g = graph(key);
        assertThat(role(g, g.get("subject").asText())).isEqualTo("minor");
        assertThat(rolesByEdge(g, "GUARDIAN")).containsOnly("guardian");
        assertThat(rolesByEdge(g, "STUDENT")).containsOnly("minor");
        JsonNode minor = node(g, g.get("subject").asText());
        assertThat(minor.get("role").get("zh").asText()).isEqualTo("未成年人");
        everyPersonAndOnlyPersonsHaveARole(g);
    }

    private static JsonNode graph(String key) {
        return city.http.get("/api/leads/" + LeadStore.ref(key)).json().get("graph");
    }

    /** The first lead of a model that also matches a pattern on {@code l}. */
    private static String keyWhere(String model, String pattern) {
        try (Session s = city.store.driver().session()) {
            List<String> keys = s.run("MATCH (l:Lead {model: $m}) " + pattern + " RETURN DISTINCT l.key AS k ORDER BY k LIMIT 1",
                    Map.of("m", model)).list(r -> r.get("k").asString());
            assertThat(keys).as(model + " " + pattern).isNotEmpty();
            return keys.get(0);
        }
    }

    private static JsonNode node(JsonNode g, String id) {
        for (JsonNode n : g.get("nodes")) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no node " + id);
    }

    private static String role(JsonNode g, String id) {
        JsonNode r = node(g, id).get("role");
        return r == null || r.isNull() ? null : r.get("code").asText();
    }

    /** The roles of the persons an edge of this type points at. */
    private static Set<String> rolesByEdge(JsonNode g, String type) {
        Map<String, String> roles = new HashMap<>();
        for (JsonNode n : g.get("nodes")) {
            if (n.hasNonNull("role")) {
                roles.put(n.get("id").asText(), n.get("role").get("code").asText());
            }
        }
        Set<String> out = new HashSet<>();
        for (JsonNode e : g.get("edges")) {
            if (e.get("type").asText().equals(type) && roles.containsKey(e.get("to").asText())) {
                out.add(roles.get(e.get("to").asText()));
            }
        }
        assertThat(out).as("persons named by " + type).isNotEmpty();
        return out;
    }

    private static void everyPersonAndOnlyPersonsHaveARole(JsonNode g) {
        for (JsonNode n : g.get("nodes")) {
            boolean person = n.get("kind").asText().equals("Person");
            assertThat(n.hasNonNull("role")).as(n.get("kind").asText()).isEqualTo(person);
            if (person) {
                assertThat(n.get("role").get("zh").asText()).isNotBlank();
            }
        }
    }
}

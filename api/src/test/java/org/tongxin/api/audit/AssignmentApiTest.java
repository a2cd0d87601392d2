package org.tongxin.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;

/** Who a minor is assigned to, and ending an assignment: the worker loses the minor and the profile with it. */
class AssignmentApiTest {

    private static TestCity city;
    private static Http prosecutor;
    private static Http psychologist;
    private static String psychologistName;
    private static String minorNode;

    @BeforeAll
    static void setUp() throws Exception {
        city = TestCity.get();
        prosecutor = city.as(Role.PROSECUTOR);
        psychologist = city.as(Role.PSYCHOLOGIST);
        psychologistName = city.users.get(Role.PSYCHOLOGIST)[0];
        try (Session s = city.store.driver().session()) {
            minorNode = s.run("""
                    MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key SKIP 2 LIMIT 1
                    MATCH (m:Person {id: substring(l.key, size(split(l.key, ':')[0]) + 1)})
                    RETURN elementId(m) AS node""").single().get("node").asString();
        }
    }

    @Test
    void aRemovedAssignmentTakesTheMinorAndTheProfileAwayFromTheWorker() {
        String who = "/api/assignments?person=" + Http.enc(minorNode);
        assertThat(prosecutor.get(who).json().get("workers").toString()).doesNotContain(psychologistName);
        assertThat(prosecutor.post("/api/assignments", Map.of("user", psychologistName, "person", minorNode)).status())
                .isEqualTo(200);
        var workers = prosecutor.get(who).json().get("workers");
        assertThat(workers.toString()).contains(psychologistName).contains("psychologist");
        assertThat(psychologist.get("/api/profiles/" + Http.enc(minorNode)).status()).isEqualTo(200);
        assertThat(psychologist.get("/api/me/minors").text()).contains(minorNode);

        assertThat(psychologist.post("/api/assignments/remove", Map.of("user", psychologistName, "person", minorNode))
                .status()).isEqualTo(403);
        Http.Response removed = prosecutor.post("/api/assignments/remove", Map.of("user", psychologistName, "person", minorNode));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("user").asText()).isEqualTo(psychologistName);
        assertThat(prosecutor.get(who).json().get("workers").toString()).doesNotContain(psychologistName);
        assertThat(psychologist.get("/api/me/minors").text()).doesNotContain(minorNode);
        assertThat(psychologist.get("/api/profiles/" + Http.enc(minorNode)).status()).isEqualTo(404);

        Http.Response again = prosecutor.post("/api/assignments/remove", Map.of("user", psychologistName, "person", minorNode));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).contains("未指派给").contains(psychologistName);
        assertThat(prosecutor.get("/api/audit?action=unassign").json().get("entries").toString()).contains(psychologistName);
        assertThat(prosecutor.get("/api/audit?action=assign.list").json().get("entries")).isNotEmpty();

        var unassigned = prosecutor.get("/api/audit?action=unassign&limit=1").json().get("entries").get(0);
        assertThat(unassigned.get("details").asText()).isEqualTo("取消指派给 " + psychologistName);
        assertThat(prosecutor.get("/api/audit?action=unassign&limit=1", "Accept-Language", "en").json()
                .get("entries").get(0).get("details").asText()).isEqualTo("no longer assigned to " + psychologistName);
    }

    @Test
    void aMissingUserOrPersonIsNamedAsTheMissingFieldInChinese() {
        for (String path : new String[] {"/api/assignments", "/api/assignments/remove"}) {
            Http.Response noUser = prosecutor.post(path, Map.of("person", minorNode));
            assertThat(noUser.status()).as(path).isEqualTo(400);
            assertThat(noUser.json().get("error").asText()).isEqualTo("请选择帮教人员（司法社工或心理咨询师）");
            Http.Response noPerson = prosecutor.post(path, Map.of("user", psychologistName));
            assertThat(noPerson.status()).as(path).isEqualTo(400);
            assertThat(noPerson.json().get("error").asText()).isEqualTo("请选择要指派的未成年人");
        }
    }

    @Test
    void theAuditFilterByPersonKeepsUnassigningListingMinorsAndReadingAPersonsNode() {
        prosecutor.post("/api/assignments", Map.of("user", psychologistName, "person", minorNode));
        prosecutor.post("/api/assignments/remove", Map.of("user", psychologistName, "person", minorNode));
        assertThat(prosecutor.get("/api/graph/nodes/" + Http.enc(minorNode)).status()).isEqualTo(200);
        psychologist.get("/api/me/minors");
        String persons = prosecutor.get("/api/audit?kind=Person&limit=500").json().get("entries").toString();
        assertThat(persons).contains("\"unassign\"").contains("\"minors.list\"").contains("\"node.read\"");
        String leads = prosecutor.get("/api/audit?kind=Lead&limit=500").json().get("entries").toString();
        assertThat(leads).doesNotContain("\"node.read\"");
    }
}

package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.domain.user.Role;
import org.tongxin.model.id.IdNumber;

/** The explorer's saved views: saved, listed, reopened with the nodes read again; each user's own only. */
class SavedViewsApiTest {

    private static TestCity city;
    private static Http analyst;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
        analyst = city.as(Role.ANALYST);
    }

    @Test
    void aViewIsSavedListedAndReopenedWithTheSameNodesAtTheirPlaces() {
        List<String> ids = ids("MATCH (p:Person)<-[:USER]-(r:NetbarSession) RETURN elementId(p) AS x, elementId(r) AS y LIMIT 1");
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            nodes.add(Map.of("id", ids.get(i), "x", 10.5 * i, "y", -20.0 + i));
        }
        Http.Response saved = analyst.post("/api/views", Map.of("name", "网吧视图 " + System.nanoTime(), "note", "夜间上网", "nodes", nodes));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        String id = saved.json().get("id").asText();
        assertThat(saved.json().get("nodes").asInt()).isEqualTo(ids.size());

        JsonNode list = analyst.get("/api/views").json();
        assertThat(LeadApiTest.texts(list.get("views"), "id")).contains(id);
        assertThat(list.toString()).as("the list holds no node data").doesNotContain(ids.get(0));

        int before = city.audited(city.users.get(Role.ANALYST)[0], "view.open");
        JsonNode v = analyst.get("/api/views/" + id).json();
        assertThat(v.get("note").asText()).isEqualTo("夜间上网");
        assertThat(v.get("saved").asInt()).isEqualTo(ids.size());
        assertThat(v.get("omitted").asInt()).isZero();
        List<String> reopened = new ArrayList<>();
        v.get("nodes").forEach(n -> reopened.add(n.get("node").get("id").asText()));
        assertThat(reopened).containsExactlyElementsOf(ids);
        assertThat(v.get("nodes").get(1).get("x").asDouble()).isEqualTo(10.5);
        assertThat(v.get("nodes").get(1).get("y").asDouble()).isEqualTo(-19.0);
        assertThat(v.get("edges")).as("the relationship between the two nodes").isNotEmpty();
        assertThat(city.audited(city.users.get(Role.ANALYST)[0], "view.open")).isEqualTo(before + 1);
    }

    @Test
    void aViewHoldsIdsOnlyAndIsReadAgainMaskedLeavingOutWhatTheExplorerMayNotDraw() {
        String person = ids("MATCH (p:Person) WHERE p.id IS NOT NULL RETURN elementId(p) AS x ORDER BY p.id LIMIT 1").get(0);
        String sourceFile = ids("MATCH (f:SourceFile) RETURN elementId(f) AS x LIMIT 1").get(0);
        String id = analyst.post("/api/views", Map.of("name", "脱敏 " + System.nanoTime(), "nodes", List.of(
                Map.of("id", person, "x", 1, "y", 2), Map.of("id", sourceFile, "x", 3, "y", 4),
                Map.of("id", "4:00000000-0000-0000-0000-000000000000:999999999", "x", 5, "y", 6)))).json().get("id").asText();
        try (Session s = city.store.driver().session()) {
            var stored = s.run("MATCH (v:SavedView {id: $id}) RETURN v", Map.of("id", id)).single().get("v").asNode();
            assertThat(stored.get("nodeIds").asList()).containsExactly(person, sourceFile,
                    "4:00000000-0000-0000-0000-000000000000:999999999");
            assertThat(stored.get("owner").asString()).isEqualTo(city.users.get(Role.ANALYST)[0]);
            String token = s.run("MATCH (p) WHERE elementId(p) = $id RETURN p.id AS t", Map.of("id", person)).single().get("t").asString();
            String clear = city.store.pseudonyms().reveal(token);
            JsonNode v = analyst.get("/api/views/" + id).json();
            assertThat(v.get("nodes")).hasSize(1);
            assertThat(v.get("omitted").asInt()).isEqualTo(2);
            assertThat(v.toString()).doesNotContain(clear).contains(IdNumber.mask(clear));
            assertThat(RawIds.in(v.toString())).isFalse();
        }
    }

    @Test
    void anotherUsersViewIsNeitherListedNorOpenedRenamedOrDeleted() {
        String id = analyst.post("/api/views", Map.of("name", "分析员的视图 " + System.nanoTime(), "nodes",
                List.of(Map.of("id", ids("MATCH (v:Venue) RETURN elementId(v) AS x LIMIT 1").get(0), "x", 0, "y", 0))))
                .json().get("id").asText();
        Http prosecutor = city.http;
        assertThat(LeadApiTest.texts(prosecutor.get("/api/views").json().get("views"), "id")).doesNotContain(id);
        assertThat(prosecutor.get("/api/views/" + id).status()).isEqualTo(404);
        assertThat(prosecutor.post("/api/views/" + id + "/rename", Map.of("name", "占用")).status()).isEqualTo(404);
        assertThat(prosecutor.post("/api/views/" + id + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(analyst.get("/api/views/" + id).status()).isEqualTo(200);
        for (Role r : List.of(Role.SOCIAL_WORKER, Role.GUARDIAN, Role.VOLUNTEER, Role.DEPARTMENT)) {
            assertThat(city.as(r).get("/api/views").status()).as(r.code()).isEqualTo(403);
        }
    }

    @Test
    void aViewIsRenamedAndDeletedByItsOwner() {
        String node = ids("MATCH (v:Venue) RETURN elementId(v) AS x LIMIT 1").get(0);
        String name = "改名前 " + System.nanoTime();
        String id = analyst.post("/api/views", Map.of("name", name, "nodes", List.of(Map.of("id", node, "x", 0, "y", 0))))
                .json().get("id").asText();
        assertThat(analyst.post("/api/views", Map.of("name", name, "nodes", List.of(Map.of("id", node, "x", 0, "y", 0))))
                .status()).as("the same name twice").isEqualTo(409);
        JsonNode renamed = analyst.post("/api/views/" + id + "/rename", Map.of("name", "改名后 " + name, "note", "新备注")).json();
        assertThat(renamed.get("name").asText()).isEqualTo("改名后 " + name);
        assertThat(analyst.get("/api/views/" + id).json().get("note").asText()).isEqualTo("新备注");
        assertThat(analyst.post("/api/views/" + id + "/delete", Map.of()).json().get("deleted").asBoolean()).isTrue();
        assertThat(analyst.get("/api/views/" + id).status()).isEqualTo(404);
        assertThat(LeadApiTest.texts(analyst.get("/api/views").json().get("views"), "id")).doesNotContain(id);
    }

    @Test
    void aViewNeedsANameAndNodes() {
        assertThat(analyst.post("/api/views", Map.of("name", "", "nodes", List.of(Map.of("id", "x", "x", 0, "y", 0))))
                .status()).isEqualTo(400);
        assertThat(analyst.post("/api/views", Map.of("name", "空", "nodes", List.of())).status()).isEqualTo(400);
        assertThat(analyst.post("/api/views", "{\"name\": \"坏位置\", \"nodes\": [{\"id\": \"x\", \"x\": \"far\"}]}")
                .status()).isEqualTo(400);
    }

    @Test
    void aViewsNameAndNoteAreSealedAtRestAndShownMasked() {
        String node = ids("MATCH (p:Person) RETURN elementId(p) AS x LIMIT 1").get(0);
        String name = "监护人 13812345678 " + System.nanoTime();
        JsonNode saved = analyst.post("/api/views", Map.of("name", name, "note", "联系监护人 370612200801011234 电话 13812345678",
                "nodes", List.of(Map.of("id", node, "x", 0, "y", 0)))).json();
        String id = saved.get("id").asText();
        assertThat(saved.get("name").asText()).startsWith("监护人 138****5678 ");
        assertThat(saved.get("note").asText()).isEqualTo("联系监护人 370612***********4 电话 138****5678");
        assertThat(analyst.post("/api/views", Map.of("name", name, "nodes", List.of(Map.of("id", node, "x", 0, "y", 0))))
                .status()).as("names stay unique while sealed").isEqualTo(409);
        JsonNode v = analyst.get("/api/views/" + id).json();
        assertThat(v.get("note").asText()).isEqualTo("联系监护人 370612***********4 电话 138****5678");
        assertThat(analyst.get("/api/views").text() + v).doesNotContain("370612200801011234", "13812345678", "txt~");
        JsonNode renamed = analyst.post("/api/views/" + id + "/rename", Map.of("name", "改名 " + name)).json();
        assertThat(renamed.get("note").asText()).as("the kept note").isEqualTo("联系监护人 370612***********4 电话 138****5678");
        try (Session s = city.store.driver().session()) {
            var r = s.run("MATCH (v:SavedView {id: $id}) RETURN v.name AS name, v.note AS note", Map.of("id", id)).single();
            for (String stored : List.of(r.get("name").asString(), r.get("note").asString())) {
                assertThat(stored).startsWith("txt~").doesNotContainPattern("\\d{17}[\\dX]")
                        .doesNotContainPattern("1[3-9]\\d{9}");
            }
        }
    }

    private static List<String> ids(String cypher) {
        try (Session s = city.store.driver().session()) {
            List<String> out = new ArrayList<>();
            s.run(cypher).list().forEach(r -> r.keys().forEach(k -> out.add(r.get(k).asString())));
            assertThat(out).as(cypher).isNotEmpty();
            return out;
        }
    }
}

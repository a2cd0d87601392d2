package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.model.id.IdNumber;

/** The explorer's endpoints: node and relationship details back to the source rows, neighbours, paths, search. */
class GraphApiTest {

    private static TestCity city;
    private static Http http;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
        http = city.http;
    }

    @Test
    void aRecordLeadsBackToItsOriginalRowInTheDepartmentsFile() throws Exception {
        String id = one("MATCH (r:NetbarSession) RETURN elementId(r) AS x ORDER BY r.rid LIMIT 1");
        JsonNode d = http.get("/api/graph/nodes/" + Http.enc(id)).json();
        JsonNode src = d.get("source");
        assertThat(src.get("file").asText()).isEqualTo("culture_netbar_sessions.csv");
        assertThat(src.get("department").asText()).isEqualTo("文旅");
        int line = src.get("line").asInt();
        String original = Files.readAllLines(city.cityFolder().resolve("culture_netbar_sessions.csv"), StandardCharsets.UTF_8)
                .get(line - 1);
        String[] cells = original.split(",", -1);
        assertThat(src.get("row").get("记录编号").asText()).isEqualTo(cells[0]);
        assertThat(src.get("row").get("上机时间").asText()).isEqualTo(cells[3]);
        assertThat(src.get("row").get("身份证号").asText()).isEqualTo(IdNumber.mask(cells[5]));
        assertThat(d.get("node").get("caption").asText()).startsWith("网吧上网登记 ");
    }

    @Test
    void aPersonSaysWhichRecordEachOfItsValuesCameFrom() {
        String id = one("MATCH (p:Person) WHERE p.src_name IS NOT NULL RETURN elementId(p) AS x ORDER BY p.id LIMIT 1");
        JsonNode d = http.get("/api/graph/nodes/" + Http.enc(id)).json();
        JsonNode name = null;
        for (JsonNode p : d.get("provenance")) {
            if (p.get("property").asText().equals("name")) {
                name = p;
            }
        }
        assertThat(name).isNotNull();
        assertThat(name.get("rid").asText()).startsWith("police_residents:");
        JsonNode record = http.get("/api/graph/nodes/" + Http.enc(name.get("recordId").asText())).json();
        assertThat(record.get("source").get("row").get("姓名").asText())
                .isEqualTo(d.get("node").get("properties").get("name").asText());
    }

    @Test
    void aRelationshipShowsTheSourceRowOfTheRecordThatMadeIt() {
        String id = one("MATCH (:HotelStay)-[g:GUEST]->(:Person) RETURN elementId(g) AS x LIMIT 1");
        JsonNode d = http.get("/api/graph/edges/" + Http.enc(id)).json();
        assertThat(d.get("edge").get("type").asText()).isEqualTo("GUEST");
        assertThat(d.get("source").get("file").asText()).startsWith("police_hotel_stays");
        assertThat(d.get("source").get("row").has("入住时间")).isTrue();
    }

    @Test
    void neighboursComeInStablePagesWithTheTotalAndACap() {
        String venue = one("""
                MATCH (v:Venue)<-[:AT]-(s) WITH v, count(s) AS n WHERE n > 30 RETURN elementId(v) AS x ORDER BY n DESC LIMIT 1""");
        long degree = Long.parseLong(one("MATCH (v) WHERE elementId(v) = '" + venue + "' RETURN toString(COUNT { (v)--() }) AS x"));
        JsonNode p1 = http.get("/api/graph/nodes/" + Http.enc(venue) + "/neighbours?limit=10").json();
        JsonNode p2 = http.get("/api/graph/nodes/" + Http.enc(venue) + "/neighbours?limit=10&skip=10").json();
        assertThat(p1.get("total").asLong()).isEqualTo(degree);
        assertThat(p1.get("nodes")).hasSize(10);
        assertThat(p1.get("capped").asBoolean()).isTrue();
        assertThat(LeadApiTest.texts(p1.get("nodes"), "id")).doesNotContainAnyElementsOf(LeadApiTest.texts(p2.get("nodes"), "id"));
        long byKind = 0;
        for (var e : LeadApiTest.iterable(p1.get("totalByKind").fields())) {
            byKind += e.getValue().asLong();
        }
        assertThat(byKind).isEqualTo(degree);
        assertThat(http.get("/api/graph/nodes/" + Http.enc(venue) + "/neighbours?limit=500").status()).isEqualTo(400);
    }

    @Test
    void neighboursFilterByKindAndByTheRecordsDate() {
        String venue = one("""
                MATCH (v:Venue)<-[:AT]-(s:NetbarSession) WITH v, count(s) AS n WHERE n > 5 RETURN elementId(v) AS x ORDER BY n DESC LIMIT 1""");
        String base = "/api/graph/nodes/" + Http.enc(venue) + "/neighbours?limit=100";
        JsonNode records = http.get(base + "&kinds=Record").json();
        records.get("nodes").forEach(n -> assertThat(n.get("kind").asText()).isEqualTo("Record"));
        long people = Long.parseLong(one("MATCH (v)--(p:Person) WHERE elementId(v) = '" + venue + "' RETURN toString(count(p)) AS x"));
        JsonNode persons = http.get(base + "&kinds=Person").json();
        assertThat(persons.get("total").asLong()).isEqualTo(people);
        persons.get("nodes").forEach(n -> assertThat(n.get("kind").asText()).isEqualTo("Person"));
        JsonNode old = http.get(base + "&kinds=Record&to=1999-12-31").json();
        old.get("nodes").forEach(n -> assertThat(n.get("kindZh").asText()).as("only undated registers").isEqualTo("场所登记"));
        JsonNode recent = http.get(base + "&kinds=Record&from=2026-11-01").json();
        assertThat(recent.get("total").asLong()).isLessThan(records.get("total").asLong());
    }

    @Test
    void shortestPathsJoinTwoMembersOfOneHouseholdThroughIt() {
        var pair = city.store.driver().session().run("""
                MATCH (a:Person)-[:MEMBER_OF]->(h:Household)<-[:MEMBER_OF]-(b:Person) WHERE a.id < b.id
                RETURN elementId(a) AS a, elementId(b) AS b LIMIT 1""").single();
        JsonNode r = http.get("/api/graph/paths?from=" + Http.enc(pair.get("a").asString()) + "&to="
                + Http.enc(pair.get("b").asString()) + "&maxLength=4").json();
        assertThat(r.get("paths")).isNotEmpty();
        assertThat(r.get("paths").get(0)).hasSizeLessThanOrEqualTo(3);
        assertThat(r.get("paths").get(0).get(0).asText()).isEqualTo(pair.get("a").asString());
        assertThat(http.get("/api/graph/paths?from=" + Http.enc(pair.get("a").asString()) + "&to="
                + Http.enc(pair.get("b").asString()) + "&maxLength=20").status()).isEqualTo(400);
    }

    @Test
    void searchFindsPeopleByPartOfTheNameOrTheIdentityNumberAndShowsThemMasked() {
        var person = city.store.driver().session().run(
                "MATCH (p:Person) WHERE size(p.name) = 3 AND p.id IS NOT NULL RETURN p.name AS name, p.id AS id, elementId(p) AS e ORDER BY p.id LIMIT 1")
                .single();
        String name = person.get("name").asString();
        String id = city.store.pseudonyms().reveal(person.get("id").asString());
        JsonNode byName = http.get("/api/search?q=" + Http.enc(name.substring(1))).json();
        assertThat(LeadApiTest.texts(byName.get("hits"), "id")).contains(person.get("e").asString());
        JsonNode byId = http.get("/api/search?q=" + id.substring(8, 16)).json();
        assertThat(LeadApiTest.texts(byId.get("hits"), "id")).contains(person.get("e").asString());
        assertThat(byId.toString()).doesNotContain(id);
        JsonNode exact = http.get("/api/search?q=" + id).json();
        assertThat(exact.get("hits").get(0).get("id").asText()).isEqualTo(person.get("e").asString());
    }

    @Test
    void searchFindsVenuesByAWordOfTheirNameAndVehiclesByPlateWrittenAnyWay() {
        JsonNode netbars = http.get("/api/search?q=" + Http.enc("网咖") + "&kinds=Venue").json();
        assertThat(netbars.get("hits")).isNotEmpty();
        netbars.get("hits").forEach(h -> assertThat(h.get("caption").asText()).contains("网咖"));
        String plate = one("MATCH (v:Vehicle) RETURN v.plate AS x ORDER BY x LIMIT 1");
        String spaced = plate.substring(0, 2) + "·" + plate.substring(2).toLowerCase();
        JsonNode hit = http.get("/api/search?q=" + Http.enc(spaced)).json();
        assertThat(hit.get("hits").get(0).get("caption").asText()).isEqualTo(plate);
        assertThat(http.get("/api/search?q=").status()).isEqualTo(400);
    }

    /** 养马岛 is a place (养马岛网咖, 养马岛宾馆) and a word of people's names and addresses: the places come first. */
    @Test
    void aWordOfAPlacesNameFindsThePlaceFirst() {
        String venue = one("MATCH (v:Venue) WHERE v.name STARTS WITH '养马岛' RETURN v.name AS x ORDER BY x LIMIT 1");
        JsonNode hits = http.get("/api/search?q=" + Http.enc("养马岛")).json().get("hits");
        assertThat(hits.get(0).get("kind").asText()).isEqualTo("Venue");
        assertThat(hits.get(0).get("caption").asText()).startsWith("养马岛");
        int lastPlace = -1;
        int firstOther = hits.size();
        for (int i = 0; i < hits.size(); i++) {
            boolean place = hits.get(i).get("caption").asText().contains("养马岛");
            lastPlace = place ? i : lastPlace;
            firstOther = !place ? Math.min(firstOther, i) : firstOther;
        }
        assertThat(lastPlace).as("every place named 养马岛 before anything else").isLessThan(firstOther);
        JsonNode exact = http.get("/api/search?q=" + Http.enc(venue)).json().get("hits");
        assertThat(exact.get(0).get("caption").asText()).isEqualTo(venue);
    }

    @Test
    void platesAreFoundByTheirFirstCharacters() {
        String plate = one("MATCH (v:Vehicle) RETURN v.plate AS x ORDER BY x LIMIT 1");
        for (String prefix : List.of(plate.substring(0, 2), plate.substring(0, 1) + "·" + plate.substring(1, 3).toLowerCase())) {
            String wanted = prefix.replace("·", "").toUpperCase();
            JsonNode hits = http.get("/api/search?q=" + Http.enc(prefix) + "&limit=10").json().get("hits");
            assertThat(hits).as(prefix).isNotEmpty();
            hits.forEach(h -> {
                assertThat(h.get("kind").asText()).isEqualTo("Vehicle");
                assertThat(h.get("caption").asText()).startsWith(wanted);
            });
        }
    }

    @Test
    void theVenueMapPlacesEveryRegisteredVenueWithTheLevelOfTheAnswerKey() throws Exception {
        JsonNode map = http.get("/api/venues").json();
        JsonNode key = new ObjectMapper().readTree(city.cityFolder().resolve("expected-leads.json").toFile()).get("venues");
        assertThat(map.get("venues")).hasSize(key.size());
        for (JsonNode v : map.get("venues")) {
            assertThat(v.get("level").asText()).as(v.get("code").asText())
                    .isEqualTo(key.get(v.get("code").asText()).get("level").asText());
        }
        long sum = 0;
        for (var e : LeadApiTest.iterable(map.get("counts").fields())) {
            sum += e.getValue().asLong();
        }
        assertThat(sum).isEqualTo(key.size());
        assertThat(map.get("outline").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theProfileOfAMinorWhoseGuardiansDiedNamesThatRiskMasked() {
        String key = LeadApiTest.keys("guardianship").stream().filter(k -> {
            try (Session s = city.store.driver().session()) {
                return s.run("MATCH (l:Lead {key: $k}) RETURN 'R7.2' IN l.rules AS x", Map.of("k", k)).single().get("x").asBoolean();
            }
        }).findFirst().orElseThrow();
        String token = key.substring(key.indexOf(':') + 1);
        String node = one("MATCH (p:Person {id: '" + token + "'}) RETURN elementId(p) AS x");
        String personId = city.store.pseudonyms().reveal(token);
        JsonNode p = http.get("/api/profiles/" + Http.enc(node)).json();
        assertThat(p.get("identity").get("id").asText()).isEqualTo(IdNumber.mask(personId));
        assertThat(p.toString()).doesNotContain(personId);
        assertThat(LeadApiTest.texts(p.get("riskFactors"), "zh").toString()).contains("死亡");
    }

    private static String one(String cypher) {
        try (Session s = city.store.driver().session()) {
            List<String> rows = s.run(cypher).list(r -> r.get("x").asString());
            assertThat(rows).as(cypher).isNotEmpty();
            return rows.get(0);
        }
    }
}

package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.domain.user.Role;
import org.tongxin.model.privacy.Pseudonyms;

/**
 * Identity numbers, phone numbers and addresses are not in the store to be derived: an analyst's console, whatever
 * the query, gets tokens (shown only as what they hide) and never a clear value, not even one bit of it by oracle;
 * the store's files hold none of them; the API still shows them masked, and search by a fragment still works.
 */
class PseudonymisationTest {

    private static TestCity city;
    private static Http analyst;
    /** Every clear identity number, phone number and address of the loaded city. */
    private static final Set<String> IDS = new HashSet<>();
    private static final Set<String> PHONES = new HashSet<>();
    private static final Set<String> ADDRESSES = new HashSet<>();
    private static final Pattern DIGITS = Pattern.compile("\\d{11,18}[\\dXx]?");

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
        analyst = city.as(Role.ANALYST);
        Pseudonyms p = city.store.pseudonyms();
        try (Session s = city.store.driver().session()) {
            s.run("MATCH (p:Person) RETURN p.id AS id, p.phone AS phone, p.address AS address").forEachRemaining(r -> {
                open(p, r.get("id").asString(null), IDS);
                open(p, r.get("phone").asString(null), PHONES);
                open(p, r.get("address").asString(null), ADDRESSES);
            });
        }
        try (Session s = city.store.driver().session()) {
            // Venues' registered addresses are public and kept in clear; a home at the same address is no leak.
            ADDRESSES.removeAll(s.run("MATCH (v:Venue) WHERE v.address IS NOT NULL RETURN collect(v.address) AS a")
                    .single().get("a").asList(v -> v.asString()));
        }
        assertThat(IDS).as("the city's persons").hasSizeGreaterThan(1000);
        assertThat(PHONES).as("residents' phones").hasSizeGreaterThan(100);
        assertThat(ADDRESSES).as("residents' addresses").hasSizeGreaterThan(100);
    }

    private static void open(Pseudonyms p, String token, Set<String> into) {
        if (token != null) {
            assertThat(token).as("kept as a token").matches(Pseudonyms.TOKEN);
            into.add(p.open(token).orElseThrow().value());
        }
    }

    /** The ways an analyst might try to get a number out of the console, all in one corpus. */
    static List<String> derivations() {
        return List.of(
                "MATCH (p:Person) RETURN p.id LIMIT 50",
                "MATCH (p:Person) RETURN p LIMIT 20",
                "MATCH (p:Person) RETURN p.id + 'A' AS x LIMIT 50",
                "MATCH (p:Person) RETURN 'A' + p.id + 'A' AS x LIMIT 50",
                "MATCH (p:Person) RETURN toInteger(p.id) AS x LIMIT 50",
                "MATCH (p:Person) RETURN toFloat(p.id) AS x LIMIT 50",
                "MATCH (p:Person) RETURN split(p.id, '') AS x LIMIT 20",
                "MATCH (p:Person) RETURN substring(p.id, 0, 9) AS a, substring(p.id, 9) AS b LIMIT 50",
                "MATCH (p:Person) RETURN replace(p.id, '6', '6 ') AS x LIMIT 50",
                "MATCH (p:Person) RETURN reverse(p.id) AS x LIMIT 50",
                "MATCH (p:Person) RETURN toLower(p.id) AS x, toUpper(p.id) AS y LIMIT 50",
                "MATCH (p:Person) RETURN [c IN split(p.id, '') | c + '-'] AS x LIMIT 20",
                "MATCH (p:Person) RETURN reduce(s = '', c IN split(p.id, '') | s + c + ' ') AS x LIMIT 20",
                "MATCH (p:Person) RETURN [p.id] AS x LIMIT 50",
                "MATCH (p:Person) RETURN {v: p.id} AS x LIMIT 50",
                "MATCH (p:Person) RETURN {address: p.address} AS x LIMIT 50",
                "MATCH (p:Person) RETURN p.address AS a LIMIT 50",
                "MATCH (p:Person) RETURN [p.address] AS a LIMIT 50",
                "MATCH (p:Person) RETURN p.address + '' AS a LIMIT 50",
                "MATCH (p:Person) RETURN substring(p.address, 0, 3) AS a, substring(p.address, 3) AS b LIMIT 50",
                "MATCH (p:Person) RETURN p.phone AS x LIMIT 50",
                "MATCH (p:Person) RETURN '0' + p.phone AS x LIMIT 50",
                "MATCH (p:Person) RETURN toInteger(p.phone) AS x LIMIT 50",
                "MATCH (p:Person) RETURN split(p.phone, '') AS x LIMIT 20",
                "MATCH (r:Residency) RETURN r.raw AS raw LIMIT 20",
                "MATCH (r:Residency) RETURN r.personId, r.phone, r.address LIMIT 20",
                "MATCH (r:Residency) RETURN split(r.raw, ',') AS cells LIMIT 20",
                "MATCH (r:Record) RETURN r.rid AS rid LIMIT 200",
                "MATCH (r:Record) RETURN r.key AS key LIMIT 200",
                "MATCH (e:Enrolment) RETURN e.guardian1Id, e.guardian1Phone, e.raw LIMIT 20",
                "MATCH (r:Record) WHERE r.history IS NOT NULL RETURN r.history LIMIT 20",
                "MATCH (l:Lead) RETURN l.key AS key LIMIT 50",
                "MATCH (l:Lead) RETURN l AS lead LIMIT 20",
                "MATCH (l:Lead)-[e:EVIDENCE]->(r) RETURN l.key, e, r.rid LIMIT 50",
                "MATCH (p:Person)<-[r]-(x) RETURN r LIMIT 50",
                "MATCH path = (p:Person)<-[:REGISTERS]-(:Residency) RETURN path LIMIT 10",
                "MATCH (p:Person) RETURN properties(p) AS x LIMIT 20",
                "MATCH (p:Person) RETURN keys(p) AS k, [k IN keys(p) | p[k]] AS v LIMIT 20",
                "MATCH (p:Person) RETURN p.id CONTAINS '0' AS x, size(p.id) AS n LIMIT 50",
                "MATCH (p:Person) WITH p ORDER BY p.id RETURN collect(p.name)[0..5] AS x",
                "MATCH (o:Order) RETURN o.guardianName, o.minorName, o.minorId, o.facts",
                "MATCH (s:Submission) RETURN s.description, s.result",
                "MATCH (n:SourceFile) RETURN n LIMIT 20",
                "MATCH (m:TongxinMeta) RETURN m");
    }

    @Test
    void noDerivationQueryReturnsAClearValueChangesTheGraphOrGoesUnaudited() {
        int ran = 0;
        String before = city.checksum();
        for (String q : derivations()) {
            int audited = city.audited("test-analyst", "cypher.start");
            Http.Response r = analyst.post("/api/cypher", Map.of("query", q));
            assertThat(r.status()).as(q).isIn(200, 400, 422);
            ran += r.status() == 200 ? 1 : 0;
            assertNoClearValue(q, r.text());
            assertThat(city.audited("test-analyst", "cypher.start")).as("audited: " + q).isEqualTo(audited + 1);
        }
        assertThat(city.checksum()).as("the graph is unchanged").isEqualTo(before);
        assertThat(derivations()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ran).as("most derivation queries run (and return tokens)").isGreaterThan(35);
    }

    @Test
    void comparisonsTellNothingAboutTheValue() {
        String id = IDS.stream().sorted().findFirst().orElseThrow();
        String phone = PHONES.stream().sorted().findFirst().orElseThrow();
        Map<String, Long> answers = new LinkedHashMap<>();
        for (String q : List.of(
                "MATCH (p:Person) WHERE p.id STARTS WITH '%s' RETURN count(p) AS n".formatted(id.substring(0, 10)),
                "MATCH (p:Person) WHERE p.id STARTS WITH '9999' RETURN count(p) AS n",
                "MATCH (p:Person) WHERE p.id = '%s' RETURN count(p) AS n".formatted(id),
                "MATCH (p:Person) WHERE p.id CONTAINS '%s' RETURN count(p) AS n".formatted(id.substring(6, 14)),
                "MATCH (p:Person) WHERE p.id ENDS WITH '%s' RETURN count(p) AS n".formatted(id.substring(14)),
                "MATCH (p:Person) WHERE p.id < '4' RETURN count(p) AS n",
                "MATCH (p:Person) WHERE p.id =~ '3706.*' RETURN count(p) AS n",
                "MATCH (p:Person) WHERE p.phone STARTS WITH '%s' RETURN count(p) AS n".formatted(phone.substring(0, 7)),
                "MATCH (p:Person) WHERE p.address CONTAINS '路' RETURN count(p) AS n",
                "MATCH (p:Person) WHERE p.id STARTS WITH '%s' RETURN count(p) AS n".formatted(id.substring(0, 2)))) {
            Http.Response r = analyst.post("/api/cypher", Map.of("query", q));
            assertThat(r.status()).as(q).isEqualTo(200);
            answers.put(q, r.json().get("rows").get(0).get(0).asLong());
        }
        assertThat(answers).as("no comparison with a clear value finds anyone: there is nothing to compare with")
                .allSatisfy((q, n) -> assertThat(n).as(q).isZero());
    }

    @Test
    void theStoreFilesHoldNoClearNumberOrAddress() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(city.dir.resolve("store"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<String> addresses = ADDRESSES.stream().sorted().limit(100).toList();
        String aName;
        try (Session s = city.store.driver().session()) {
            aName = s.run("MATCH (p:Person)<-[:REGISTERS]-(r:Residency) WHERE size(p.name) = 3 RETURN p.name AS n LIMIT 1")
                    .single().get("n").asString();
        }
        boolean nameSeen = false;
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            nameSeen |= bytes.contains(latin1(aName));
            // Every run of digits in the file, checked against every number of the city; addresses by a sample.
            Matcher digits = DIGITS.matcher(bytes);
            while (digits.find()) {
                String run = digits.group().toUpperCase();
                if (IDS.contains(run) || PHONES.contains(run)) {
                    found.add(f.getFileName() + ": " + run.substring(0, 4) + "…");
                }
            }
            addresses.stream().filter(a -> bytes.contains(latin1(a))).forEach(a -> found.add(f.getFileName() + ": " + a.substring(0, 4) + "…"));
        }
        assertThat(nameSeen).as("control: names are kept in clear, so the scan does see the store's strings").isTrue();
        assertThat(found).as("clear identity numbers, phones or addresses in the store's files").isEmpty();
    }

    @Test
    void theApiStillShowsTheValuesMaskedAndFindsAPersonByAFragmentOfTheNumber() {
        var person = city.store.driver().session().run(
                "MATCH (p:Person)<-[:REGISTERS]-(:Residency) WHERE p.phone IS NOT NULL AND p.address IS NOT NULL "
                        + "RETURN elementId(p) AS node, p.id AS id LIMIT 1").single();
        String id = city.store.pseudonyms().reveal(person.get("id").asString());
        Http.Response hits = city.http.get("/api/search?q=" + id.substring(0, 14));
        assertThat(hits.status()).isEqualTo(200);
        assertThat(hits.text()).contains(person.get("node").asString());
        assertNoClearValue("search", hits.text());
        Http.Response node = city.http.get("/api/graph/nodes/" + Http.enc(person.get("node").asString()));
        assertThat(node.status()).isEqualTo(200);
        JsonNode props = node.json().get("node").get("properties");
        assertThat(props.get("id").asText()).as("region and check character only: the birth date is shown beside it")
                .isEqualTo(id.substring(0, 6) + "*".repeat(11) + id.substring(17));
        assertThat(props.get("phone").asText()).matches("1\\d\\d\\*{4}\\d{4}");
        assertThat(props.get("address").asText()).endsWith("****");
        assertNoClearValue("node", node.text());
    }

    @Test
    void anAnalystsSearchDoesNotMatchHiddenDigitsOrHouseNumbersAProsecutorsDoes() {
        var person = city.store.driver().session().run(
                "MATCH (p:Person)<-[:REGISTERS]-(:Residency) WHERE p.address IS NOT NULL RETURN elementId(p) AS node, "
                        + "p.id AS id, p.address AS address LIMIT 1").single();
        String node = person.get("node").asString();
        String id = city.store.pseudonyms().reveal(person.get("id").asString());
        String address = city.store.pseudonyms().reveal(person.get("address").asString());
        String street = address.substring(address.indexOf('区') + 1);
        for (String q : List.of(id.substring(6, 14), id.substring(8, 16), id, street)) {
            Http.Response a = analyst.get("/api/search?q=" + Http.enc(q));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.text()).as("an analyst's search for " + q.length() + " hidden characters").doesNotContain(node);
        }
        assertThat(city.http.get("/api/search?q=" + Http.enc(id)).text()).as("a prosecutor's search by number").contains(node);
        assertThat(city.http.get("/api/search?q=" + Http.enc(street)).text()).as("a prosecutor's search by address").contains(node);
        assertThat(analyst.get("/api/search?q=" + Http.enc(address + address + address)).status()).isIn(200, 400);
        assertThat(analyst.get("/api/search?q=" + Http.enc("路".repeat(101))).status()).isEqualTo(400);
    }

    @Test
    void aRecordKeyedByAClearNumberOpensForProsecutorsOnly() {
        String id = IDS.stream().sorted().findFirst().orElseThrow();
        Http.Response a = analyst.get("/api/records?rid=" + Http.enc("police_residents:" + id));
        assertThat(a.status()).as("an analyst would learn whether the guessed number exists").isEqualTo(403);
        assertThat(city.http.get("/api/records?rid=" + Http.enc("police_residents:" + id)).status()).isIn(200, 404);
    }

    @Test
    void caseworkTextsAreNotShownInTheExplorerOrTheConsole() {
        String secret = "监护人张某某多次醉酒后殴打孩子";
        String node;
        try (Session s = city.store.driver().session()) {
            node = s.run("CREATE (o:Order {id: 'PSEUDO-TEST', facts: $f}) RETURN elementId(o) AS n",
                    Map.of("f", city.store.pseudonyms().seal(org.tongxin.model.privacy.PiiKind.TEXT, secret))).single().get("n").asString();
        }
        try {
            assertThat(analyst.get("/api/graph/nodes/" + Http.enc(node)).text()).doesNotContain(secret).contains("〔文本〕");
            assertThat(analyst.post("/api/cypher", Map.of("query", "MATCH (o:Order {id: 'PSEUDO-TEST'}) RETURN o, o.facts")).text())
                    .doesNotContain(secret).contains("〔文本〕");
        } finally {
            try (Session s = city.store.driver().session()) {
                s.run("MATCH (o:Order {id: 'PSEUDO-TEST'}) DELETE o").consume();
            }
        }
    }

    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static void assertNoClearValue(String what, String body) {
        Matcher m = DIGITS.matcher(body);
        while (m.find()) {
            String run = m.group().toUpperCase();
            assertThat(IDS).as(what + " returned an identity number").doesNotContain(run);
            assertThat(PHONES).as(what + " returned a phone number").doesNotContain(run);
        }
        for (String a : ADDRESSES) {
            assertThat(body).as(what + " returned an address").doesNotContain(a);
        }
        assertThat(body).as(what + " leaked a token").doesNotContainPattern(Pseudonyms.TOKEN);
    }
}

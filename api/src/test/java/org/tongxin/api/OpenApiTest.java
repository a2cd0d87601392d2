package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.openapi.OpenApi;
import org.tongxin.api.openapi.SchemaCheck;
import org.tongxin.domain.user.Role;

/**
 * The OpenAPI description lists every endpoint the server answers, and the server sends its security headers. And
 * the schemas cannot drift from the answers: every GET endpoint that declares its answer type is called on the test
 * city, and each field of its answer must be declared (recursively), each required one present.
 */
class OpenApiTest {

    private static TestCity city;
    private static final Map<Role, Http> SESSIONS = new EnumMap<>(Role.class);

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
    }

    @Test
    void everyEndpointIsDescribedWithItsParameters() {
        JsonNode doc = city.http.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        for (Endpoint e : ApiServer.endpoints(city.services)) {
            JsonNode op = doc.get("paths").get(e.path()).get(e.method().toLowerCase(Locale.ROOT));
            assertThat(op).as(e.method() + " " + e.path()).isNotNull();
            assertThat(op.get("summary").asText()).isNotBlank();
            e.params().stream().filter(p -> !p.in().equals("body")).forEach(p ->
                    assertThat(op.get("parameters").toString()).as(e.path()).contains("\"" + p.name() + "\""));
        }
    }

    @Test
    void everyGetWithoutPathParametersAnswersWithoutAServerError() {
        for (Endpoint e : ApiServer.endpoints(city.services)) {
            if (e.method().equals("GET") && !e.path().contains("{")) {
                assertThat(city.http.get(e.path()).status()).as(e.path()).isLessThan(500);
            }
        }
    }

    @Test
    void responsesCarryTheSecurityHeaders() {
        Http.Response r = city.http.get("/api/meta");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    // ---- the schemas against the answers ----

    /** The served document's schemas; every $ref in it resolves. */
    @Test
    void everyReferenceInTheDocumentResolves() {
        JsonNode doc = city.http.get("/openapi.json").json();
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("Error").get("properties").fieldNames()).toIterable()
                .containsExactly("status", "code", "error");
        List<String> refs = new ArrayList<>();
        doc.findValues("$ref").forEach(r -> refs.add(r.asText()));
        assertThat(refs).isNotEmpty().allSatisfy(r -> assertThat(schemas.has(r.substring("#/components/schemas/".length())))
                .as(r).isTrue());
    }

    @Test
    void everyDeclaredAnswerMatchesItsSchema() {
        List<String> checked = conform(ApiServer.endpoints(city.services), city.http.get("/openapi.json").json());
        assertThat(checked).contains("/api/meta", "/api/labels");
        System.out.println("OpenApiTest: answers checked against their schema: " + checked);
    }

    /**
     * The same check end to end on an endpoint declared here (the real ones declare their types area by area): the
     * answer of /api/me fits a record with its five fields, and not one that lacks a field or wants another.
     */
    @Test
    void theConformanceCheckPassesAFittingTypeAndCatchesADriftingOne() {
        record Me(String user, String role, String roleZh, String unit, String department) {
        }
        record OldMe(String user, String role, String unit, String department, int logins) {
        }
        Endpoint me = ApiServer.endpoints(city.services).stream().filter(e -> e.path().equals("/api/me")).findFirst()
                .orElseThrow();
        List<Endpoint> fitting = List.of(me.returns(Me.class));
        assertThat(conform(fitting, OpenApi.document(fitting, "test"))).containsExactly("/api/me");

        List<Endpoint> drifting = List.of(me.returns(OldMe.class));
        JsonNode doc = OpenApi.document(drifting, "test");
        JsonNode answer = city.http.get("/api/me").json();
        assertThat(SchemaCheck.problems(doc.get("components").get("schemas"), okSchema(doc, me), answer))
                .containsExactlyInAnyOrder("$.roleZh: field not declared in the schema", "$: required field logins is missing");
    }

    /** Error answers — no session, a role not allowed, no such thing, a bad parameter — fit the Error schema. */
    @Test
    void errorAnswersFitTheErrorSchema() {
        JsonNode doc = city.http.get("/openapi.json").json();
        JsonNode schemas = doc.get("components").get("schemas");
        Map<String, Http.Response> errors = new LinkedHashMap<>();
        errors.put("401", new Http(city.base()).get("/api/leads"));
        errors.put("403", session(Role.VOLUNTEER).get("/api/audit"));
        errors.put("404", city.http.get("/api/leads/0000000000000000"));
        errors.put("404 route", city.http.get("/api/no/such/thing"));
        errors.put("400", city.http.get("/api/leads/not-a-ref/casefile.docx"));
        errors.forEach((what, r) -> {
            assertThat(r.status()).as(what).isEqualTo(Integer.parseInt(what.substring(0, 3)));
            assertThat(SchemaCheck.problems(schemas, schemas.get("Error"), r.json())).as(what + " " + r.text()).isEmpty();
        });
    }

    /** JSON endpoints must say what they answer; enabled once every area has declared its types. */
    @Test
    void everyJsonEndpointDeclaresItsAnswer() {
        List<String> undeclared = ApiServer.endpoints(city.services).stream()
                .filter(e -> e.produces().equals("application/json") && e.returns() == null)
                .map(e -> e.method() + " " + e.path()).toList();
        assertThat(undeclared).as("JSON endpoints without .returns(…)").isEmpty();
    }

    /**
     * Calls every GET endpoint of the list that declares its answer, as a role it allows, with its path and required
     * query parameters filled from the test city, and checks the answer against the document's schema. Returns the
     * paths checked; fails with every problem of every answer.
     */
    private static List<String> conform(List<Endpoint> endpoints, JsonNode doc) {
        JsonNode schemas = doc.get("components").get("schemas");
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (!e.method().equals("GET") || e.returns() == null || !e.produces().equals("application/json")) {
                continue;
            }
            String url;
            if (EXAMPLES.containsKey(e.path())) {
                url = EXAMPLES.get(e.path()).get();
                if (url == null) {
                    System.out.println("OpenApiTest: no example in the test city for " + e.path() + ", not checked");
                    continue;
                }
            } else if (e.path().contains("{") || e.params().stream().anyMatch(Endpoint.Param::required)) {
                problems.add(e.path() + ": needs parameters; add an example URL to OpenApiTest.EXAMPLES");
                continue;
            } else {
                url = e.path();
            }
            Role role = e.roles().contains(Role.PROSECUTOR) ? Role.PROSECUTOR
                    : e.roles().stream().sorted().findFirst().orElseThrow(() -> new AssertionError(e.path() + " allows no role"));
            Http.Response r = session(role).get(url);
            if (r.status() != 200) {
                problems.add(url + " as " + role.code() + ": answered " + r.status() + " " + abbreviate(r.text()));
                continue;
            }
            SchemaCheck.problems(schemas, okSchema(doc, e), r.json()).forEach(p -> problems.add(e.path() + " " + p));
            checked.add(e.path());
        }
        assertThat(problems).as("answers that do not fit their declared schema").isEmpty();
        return checked;
    }

    private static JsonNode okSchema(JsonNode doc, Endpoint e) {
        return doc.get("paths").get(e.path()).get(e.method().toLowerCase(Locale.ROOT)).get("responses").get("200")
                .get("content").get("application/json").get("schema");
    }

    private static synchronized Http session(Role role) {
        return SESSIONS.computeIfAbsent(role, r -> r == Role.PROSECUTOR ? city.http : city.as(r));
    }

    /** Concrete URLs for the GET endpoints that need path or required query parameters; null: none in the city. */
    private static final Map<String, Supplier<String>> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("/api/leads/{ref}", () -> "/api/leads/" + LeadStore.ref(LeadApiTest.firstKey("school-bus")));
        EXAMPLES.put("/api/leads/by-key", () -> "/api/leads/by-key?key=" + Http.enc(LeadApiTest.firstKey("school-bus")));
        EXAMPLES.put("/api/graph/nodes/{id}", () -> "/api/graph/nodes/" + Http.enc(minor(0)));
        EXAMPLES.put("/api/graph/nodes/{id}/neighbours", () -> "/api/graph/nodes/" + Http.enc(minor(0)) + "/neighbours?limit=10");
        EXAMPLES.put("/api/graph/nodes/{id}/timeline", () -> "/api/graph/nodes/" + Http.enc(minor(0)) + "/timeline");
        EXAMPLES.put("/api/views/{id}", () -> {
            city.http.post("/api/views", Map.of("name", "示例视图 " + System.nanoTime(), "nodes",
                    List.of(Map.of("id", minor(0), "x", 1.5, "y", 2), Map.of("id", minor(1), "x", 3, "y", 4))));
            return firstId("/api/views", "views", "/api/views/");
        });
        EXAMPLES.put("/api/graph/edges/{id}", () -> "/api/graph/edges/"
                + Http.enc(one("MATCH (:HotelStay)-[g:GUEST]->() RETURN elementId(g) AS x ORDER BY x LIMIT 1")));
        EXAMPLES.put("/api/graph/paths", () -> "/api/graph/paths?from=" + Http.enc(minor(0)) + "&to=" + Http.enc(minor(1))
                + "&maxLength=2");
        EXAMPLES.put("/api/records", () -> "/api/records?rid="
                + Http.enc(one("MATCH (r:NetbarSession) RETURN r.rid AS x ORDER BY x LIMIT 1")));
        EXAMPLES.put("/api/search", () -> "/api/search?q=" + Http.enc("网咖"));
        EXAMPLES.put("/api/laws/search", () -> "/api/laws/search?q=" + Http.enc("网吧"));
        EXAMPLES.put("/api/laws/article", () -> "/api/laws/article?law=" + Http.enc("未成年人保护法") + "&article="
                + Http.enc("第一百一十八条"));
        EXAMPLES.put("/api/users", () -> "/api/users?role=social_worker");
        EXAMPLES.put("/api/assignments", () -> "/api/assignments?person=" + Http.enc(minor(0)));
        EXAMPLES.put("/api/education/plans", () -> "/api/education/plans?person=" + Http.enc(minor(0)));
        EXAMPLES.put("/api/profiles/{id}", () -> "/api/profiles/" + Http.enc(minor(0)));
        EXAMPLES.put("/api/orders/{id}", () -> firstId("/api/orders", "items", "/api/orders/"));
        EXAMPLES.put("/api/submissions/{id}", () -> firstId("/api/submissions", "items", "/api/submissions/"));
        EXAMPLES.put("/api/threads/{id}", () -> firstId("/api/threads", "threads", "/api/threads/"));
    }

    /** The node of the i-th minor with a guardianship lead. */
    private static String minor(int i) {
        try (Session s = city.store.driver().session()) {
            return s.run("""
                    MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key LIMIT 2
                    MATCH (m:Person {id: split(l.key, ':')[1]}) RETURN elementId(m) AS id""")
                    .list(r -> r.get("id").asString()).get(i);
        }
    }

    private static String one(String cypher) {
        try (Session s = city.store.driver().session()) {
            return s.run(cypher).single().get("x").asString();
        }
    }

    /** The URL of the first item a list endpoint shows the prosecutor, or null when it shows none. */
    private static String firstId(String list, String field, String prefix) {
        JsonNode items = city.http.get(list).json().path(field);
        return items.isArray() && !items.isEmpty() ? prefix + Http.enc(items.get(0).get("id").asText()) : null;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

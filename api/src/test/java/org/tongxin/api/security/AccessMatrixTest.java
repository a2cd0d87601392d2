package org.tongxin.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.api.ApiServer;
import org.tongxin.api.Http;
import org.tongxin.api.RawIds;
import org.tongxin.api.TestCity;
import org.tongxin.api.http.Endpoint;
import org.tongxin.domain.user.Role;
import org.tongxin.model.id.IdNumber;

/**
 * Every endpoint × every role (and no session at all): the policy below, written independently of the server's
 * endpoint table, must hold — status and body. A refused call says why and returns nothing else; no answer
 * carries an identity number in clear. Then the scopes within a role.
 */
class AccessMatrixTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> P = EnumSet.of(Role.PROSECUTOR);
    private static final Set<Role> PA = EnumSet.of(Role.PROSECUTOR, Role.ANALYST);

    /** The access policy of mission.md, endpoint by endpoint. */
    private static final Map<String, Set<Role>> POLICY = new LinkedHashMap<>();

    static {
        POLICY.put("POST /api/login", ALL);
        POLICY.put("POST /api/logout", ALL);
        POLICY.put("GET /api/me", ALL);
        POLICY.put("GET /api/meta", ALL);
        POLICY.put("GET /api/labels", ALL);
        POLICY.put("GET /api/leads", EnumSet.of(Role.PROSECUTOR, Role.ANALYST, Role.DEPARTMENT));
        POLICY.put("GET /api/leads.xlsx", EnumSet.of(Role.PROSECUTOR, Role.ANALYST, Role.DEPARTMENT));
        POLICY.put("GET /api/leads/by-key", PA);
        POLICY.put("GET /api/leads/{ref}", EnumSet.of(Role.PROSECUTOR, Role.ANALYST, Role.DEPARTMENT));
        POLICY.put("POST /api/leads/{ref}/status", P);
        POLICY.put("POST /api/leads/{ref}/reports", EnumSet.of(Role.DEPARTMENT));
        POLICY.put("GET /api/leads/{ref}/diagram.svg", P);
        POLICY.put("GET /api/leads/{ref}/diagram.png", P);
        POLICY.put("GET /api/leads/{ref}/casefile.docx", P);
        POLICY.put("GET /api/graph/nodes/{id}", PA);
        POLICY.put("GET /api/graph/nodes/{id}/neighbours", PA);
        POLICY.put("GET /api/graph/nodes/{id}/timeline", PA);
        POLICY.put("GET /api/views", PA);
        POLICY.put("POST /api/views", PA);
        POLICY.put("GET /api/views/{id}", PA);
        POLICY.put("POST /api/views/{id}/rename", PA);
        POLICY.put("POST /api/views/{id}/delete", PA);
        POLICY.put("GET /api/graph/edges/{id}", PA);
        POLICY.put("GET /api/graph/paths", PA);
        POLICY.put("GET /api/records", PA);
        POLICY.put("GET /api/search", PA);
        POLICY.put("POST /api/search/reindex", P);
        POLICY.put("GET /api/venues", PA);
        POLICY.put("GET /api/profiles/{id}", EnumSet.of(Role.PROSECUTOR, Role.SOCIAL_WORKER, Role.PSYCHOLOGIST));
        POLICY.put("POST /api/cypher", PA);
        POLICY.put("GET /api/audit", P);
        POLICY.put("GET /api/audit.xlsx", P);
        POLICY.put("POST /api/unmask", P);
        POLICY.put("POST /api/assignments", P);
        POLICY.put("GET /api/assignments", P);
        POLICY.put("POST /api/assignments/remove", P);
        POLICY.put("GET /api/me/minors", EnumSet.of(Role.SOCIAL_WORKER, Role.PSYCHOLOGIST));
        POLICY.put("GET /api/users", P);
        POLICY.put("GET /api/laws/search", ALL);
        POLICY.put("GET /api/laws/article", ALL);
        POLICY.put("GET /api/laws/synonyms", ALL);
        Set<Role> vp = EnumSet.of(Role.VOLUNTEER, Role.PROSECUTOR);
        POLICY.put("POST /api/media", vp);
        POLICY.put("GET /api/media/{id}", vp);
        POLICY.put("POST /api/observer/classify", vp);
        POLICY.put("GET /api/observer/places", vp);
        POLICY.put("POST /api/submissions", EnumSet.of(Role.VOLUNTEER));
        POLICY.put("GET /api/submissions", vp);
        POLICY.put("GET /api/submissions/{id}", vp);
        POLICY.put("POST /api/submissions/{id}/status", P);
        POLICY.put("GET /api/observer/clusters", P);
        POLICY.put("POST /api/observer/clusters/propose", P);
        Set<Role> pg = EnumSet.of(Role.PROSECUTOR, Role.GUARDIAN);
        POLICY.put("POST /api/orders", P);
        POLICY.put("GET /api/orders", pg);
        POLICY.put("GET /api/orders/{id}", pg);
        POLICY.put("POST /api/orders/{id}/draft", P);
        POLICY.put("POST /api/orders/{id}/issue", P);
        POLICY.put("POST /api/orders/{id}/acknowledge", EnumSet.of(Role.GUARDIAN));
        POLICY.put("POST /api/orders/{id}/followups", P);
        POLICY.put("POST /api/orders/{id}/status", P);
        POLICY.put("GET /api/orders/{id}/document.docx", pg);
        Set<Role> board = EnumSet.of(Role.PROSECUTOR, Role.GUARDIAN, Role.DEPARTMENT, Role.SOCIAL_WORKER, Role.PSYCHOLOGIST);
        POLICY.put("GET /api/threads", board);
        POLICY.put("POST /api/threads", EnumSet.of(Role.PROSECUTOR, Role.DEPARTMENT, Role.SOCIAL_WORKER, Role.PSYCHOLOGIST));
        POLICY.put("GET /api/threads/{id}", board);
        POLICY.put("POST /api/threads/{id}/messages", board);
        POLICY.put("GET /api/education/courses", ALL);
        POLICY.put("POST /api/education/courses", P);
        POLICY.put("POST /api/education/courses/{id}/video", P);
        POLICY.put("GET /api/education/courses/{id}/video", ALL);
        POLICY.put("POST /api/education/bookings", EnumSet.of(Role.PROSECUTOR, Role.DEPARTMENT));
        POLICY.put("GET /api/education/bookings", EnumSet.of(Role.PROSECUTOR, Role.DEPARTMENT));
        POLICY.put("POST /api/education/bookings/{id}/schedule", P);
        POLICY.put("POST /api/education/bookings/{id}/status", P);
        Set<Role> planners = EnumSet.of(Role.PROSECUTOR, Role.SOCIAL_WORKER, Role.PSYCHOLOGIST);
        POLICY.put("POST /api/education/plans", planners);
        POLICY.put("POST /api/education/attendance", planners);
        POLICY.put("GET /api/education/plans", planners);
        POLICY.put("GET /api/stats", PA);
        POLICY.put("GET /api/stats.xlsx", PA);
    }

    private static TestCity city;
    private static final Map<Role, Http> as = new LinkedHashMap<>();
    private static String referredRef;
    private static String otherRef;
    private static String minorNode;
    private static String otherMinorNode;
    private static String edge;

    @BeforeAll
    static void setUp() throws Exception {
        city = TestCity.get();
        for (Role r : Role.values()) {
            as.put(r, city.as(r));
        }
        Http p = as.get(Role.PROSECUTOR);
        List<String> keys = keysOf("school-bus");
        referredRef = LeadStore.ref(keys.get(0));
        otherRef = LeadStore.ref(keys.get(1));
        p.post("/api/leads/" + referredRef + "/status", Map.of("to", "reviewing"));
        assertThat(p.post("/api/leads/" + referredRef + "/status", Map.of("to", "referred", "department", "education",
                "note", "移送教育局")).status()).isEqualTo(200);
        try (Session s = city.store.driver().session()) {
            List<String> minors = s.run("""
                    MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key LIMIT 2
                    MATCH (m:Person {id: split(l.key, ':')[1]}) RETURN elementId(m) AS id""").list(r -> r.get("id").asString());
            minorNode = minors.get(0);
            otherMinorNode = minors.get(1);
            edge = s.run("MATCH (:HotelStay)-[g:GUEST]->() RETURN elementId(g) AS id LIMIT 1").single().get("id").asString();
        }
        assertThat(p.post("/api/assignments", Map.of("user", city.users.get(Role.SOCIAL_WORKER)[0], "person", minorNode))
                .status()).isEqualTo(200);
    }

    @Test
    void thePolicyCoversEveryEndpointTheServerHas() {
        List<String> served = ApiServer.endpoints(city.services).stream().map(e -> e.method() + " " + e.path()).toList();
        assertThat(POLICY.keySet()).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void everyRoleReachesExactlyTheEndpointsThePolicyGivesIt() {
        List<String> leaks = new ArrayList<>();
        for (Endpoint e : ApiServer.endpoints(city.services)) {
            if (e.path().equals("/api/login") || e.path().equals("/api/logout")) {
                continue;
            }
            String key = e.method() + " " + e.path();
            Http.Response anonymous = call(new Http(city.base()), e);
            if (anonymous.status() != 401 || !onlyAnError(anonymous)) {
                leaks.add("no session → " + key + " answered " + anonymous.status() + " " + anonymous.text());
            }
            for (Role r : Role.values()) {
                Http.Response resp = call(as.get(r), e);
                boolean allowed = POLICY.get(key).contains(r);
                if (allowed && (resp.status() == 401 || resp.status() == 403)) {
                    leaks.add(r + " refused " + key + ": " + resp.text());
                }
                if (!allowed && (resp.status() != 403 || !onlyAnError(resp))) {
                    leaks.add(r + " reached " + key + ": " + resp.status() + " " + abbreviate(resp.text()));
                }
                if (RawIds.in(resp.text())) {
                    leaks.add(r + " saw a raw identity number in " + key);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void departmentStaffSeeOnlyTheLeadsReferredToTheirDepartment() {
        Http dept = as.get(Role.DEPARTMENT);
        JsonNode list = dept.get("/api/leads?size=200").json();
        assertThat(list.get("total").asLong()).isPositive();
        list.get("items").forEach(l -> assertThat(l.get("referredTo").asText()).isEqualTo("education"));
        assertThat(list.get("items").toString()).contains(referredRef);
        assertThat(dept.get("/api/leads/" + referredRef).status()).isEqualTo(200);
        Http.Response other = dept.get("/api/leads/" + otherRef);
        assertThat(other.status()).isEqualTo(404);
        assertThat(onlyAnError(other)).isTrue();
        assertThat(dept.post("/api/leads/" + otherRef + "/reports", Map.of("note", "x")).status()).isEqualTo(404);
        JsonNode reported = dept.post("/api/leads/" + referredRef + "/reports", Map.of("note", "已责令校车停运整改")).json();
        assertThat(reported.get("status").asText()).isEqualTo("referred");
        JsonNode last = reported.get("actions").get(reported.get("actions").size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("report");
        assertThat(last.get("by").asText()).isEqualTo(city.users.get(Role.DEPARTMENT)[0]);
    }

    @Test
    void socialWorkersAndPsychologistsSeeOnlyTheMinorsAssignedToThem() {
        Http worker = as.get(Role.SOCIAL_WORKER);
        assertThat(worker.get("/api/profiles/" + Http.enc(minorNode)).status()).isEqualTo(200);
        assertThat(worker.get("/api/profiles/" + Http.enc(otherMinorNode)).status()).isEqualTo(404);
        assertThat(as.get(Role.PSYCHOLOGIST).get("/api/profiles/" + Http.enc(minorNode)).status()).isEqualTo(404);
        JsonNode mine = worker.get("/api/me/minors").json();
        assertThat(mine.get("minors")).hasSize(1);
        assertThat(mine.get("minors").get(0).get("node").asText()).isEqualTo(minorNode);
    }

    @Test
    void anAdultIsNotAssignedToASocialWorker() {
        String adult;
        try (Session s = city.store.driver().session()) {
            adult = s.run("MATCH (p:Person) WHERE p.id IS NOT NULL AND p.birthDate < $asOf - duration({years: 19}) "
                    + "RETURN elementId(p) AS node ORDER BY p.birthDate DESC LIMIT 1", Map.of("asOf", TestCity.AS_OF))
                    .single().get("node").asString();
        }
        String worker = city.users.get(Role.SOCIAL_WORKER)[0];
        Http.Response r = as.get(Role.PROSECUTOR).post("/api/assignments", Map.of("user", worker, "person", adult));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("security.assign-not-minor");
        assertThat(as.get(Role.SOCIAL_WORKER).get("/api/profiles/" + Http.enc(adult)).status()).isEqualTo(404);
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefused() {
        Http noToken = as.get(Role.PROSECUTOR).withoutCsrf();
        Http.Response r = noToken.post("/api/leads/" + otherRef + "/status", Map.of("to", "reviewing"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asText()).isEqualTo("security.csrf");
        assertThat(r.json().get("error").asText()).contains("X-CSRF-Token");
        assertThat(as.get(Role.PROSECUTOR).get("/api/leads/" + otherRef).json().get("status").asText()).isEqualTo("new");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndLogoutEndsIt() {
        Http h = new Http(city.base());
        Http.Response login = h.post("/api/login", Map.of("user", city.users.get(Role.ANALYST)[0],
                "password", city.users.get(Role.ANALYST)[1]));
        String cookie = login.headers("Set-Cookie").stream().filter(c -> c.startsWith("TX_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        Http analyst = city.as(Role.ANALYST);
        assertThat(analyst.get("/api/me").status()).isEqualTo(200);
        assertThat(analyst.post("/api/logout", Map.of()).status()).isEqualTo(200);
        assertThat(analyst.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheNameEvenForTheRightPassword() {
        String password = city.services.access().users().add("throttled-user", Role.ANALYST, null, null);
        Http h = new Http(city.base());
        for (int i = 0; i < 5; i++) {
            assertThat(h.post("/api/login", Map.of("user", "throttled-user", "password", "wrong-" + i)).status()).isEqualTo(401);
        }
        Http.Response locked = h.post("/api/login", Map.of("user", "throttled-user", "password", password));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 900L);
    }

    private static Http.Response call(Http h, Endpoint e) {
        String path = e.path().replace("{ref}", referredRef).replace("{id}", Http.enc(idFor(e.path())));
        String query = switch (e.path()) {
            case "/api/leads/by-key" -> "?key=" + Http.enc(keysOf("school-bus").get(0));
            case "/api/graph/paths" -> "?from=" + Http.enc(minorNode) + "&to=" + Http.enc(otherMinorNode) + "&maxLength=2";
            case "/api/records" -> "?rid=police_residents:x";
            case "/api/search" -> "?q=" + Http.enc("网咖");
            case "/api/laws/search" -> "?q=" + Http.enc("网吧");
            case "/api/laws/article" -> "?law=" + Http.enc("未成年人保护法") + "&article=" + Http.enc("第一百一十八条");
            case "/api/users" -> "?role=social_worker";
            case "/api/assignments" -> e.method().equals("GET") ? "?person=" + Http.enc(minorNode) : "";
            case "/api/education/plans" -> e.method().equals("GET") ? "?person=" + Http.enc(minorNode) : "";
            default -> "";
        };
        if (e.method().equals("GET")) {
            return h.get(path + query);
        }
        Object body = switch (e.path()) {
            case "/api/leads/{ref}/status" -> Map.of("to", "closed-or-not");
            case "/api/leads/{ref}/reports" -> Map.of("note", "矩阵测试");
            case "/api/cypher" -> Map.of("query", "MATCH (p:Person) RETURN p.id LIMIT 3");
            case "/api/unmask" -> Map.of("id", minorNode);
            case "/api/assignments", "/api/assignments/remove" -> Map.of("user", "nobody", "person", minorNode);
            default -> Map.of();
        };
        return h.post(path + query, body);
    }

    private static String idFor(String path) {
        return path.contains("/edges/") ? edge : minorNode;
    }

    private static boolean onlyAnError(Http.Response r) {
        JsonNode j = r.json();
        return j.size() == 3 && j.has("status") && j.has("code") && j.has("error");
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static List<String> keysOf(String model) {
        try (Session s = city.store.driver().session()) {
            return s.run("MATCH (l:Lead {model: $m}) RETURN l.key AS k ORDER BY k", Map.of("m", model)).list(r -> r.get("k").asString());
        }
    }
}

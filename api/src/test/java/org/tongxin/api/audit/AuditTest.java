package org.tongxin.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.domain.problem.Messages;
import org.tongxin.domain.user.Role;

/** Reads, exports, queries, unmaskings and logins land in the hash-chained audit log; tampering is found. */
class AuditTest {

    private static TestCity city;
    private static Http prosecutor;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
        prosecutor = city.http;
    }

    private static List<AuditLog.Entry> entries(String action) {
        return city.services.access().audit().recent(e -> e.action().equals(action), 1000);
    }

    @Test
    void aLeadReadAnExportAndAQueryAreRecordedWithWhoWhatAndTheQuery() {
        String ref = LeadStore.ref(key("venue"));
        prosecutor.get("/api/leads/" + ref);
        prosecutor.get("/api/leads/" + ref + "/diagram.svg");
        prosecutor.post("/api/cypher", Map.of("query", "MATCH (v:Venue) WHERE v.code = $c RETURN v LIMIT 1", "params", Map.of("c", "X1")));
        AuditLog.Entry read = entries("lead.read").get(0);
        assertThat(read.user()).isEqualTo("test-prosecutor");
        assertThat(read.role()).isEqualTo("prosecutor");
        assertThat(read.what()).containsExactly("Lead:" + ref);
        assertThat(read.at()).startsWith("20");
        assertThat(entries("export.svg").get(0).what()).containsExactly("Lead:" + ref);
        AuditLog.Entry query = entries("cypher").get(0);
        assertThat(query.detail()).contains("MATCH (v:Venue) WHERE v.code = $c").contains("X1").contains("0 rows");
        assertThat(AuditLog.verify(city.services.access().audit().file()).intact()).isTrue();
    }

    @Test
    void aRefusedQueryAndAFailedLoginAreRecordedToo() {
        city.as(Role.ANALYST).post("/api/cypher", Map.of("query", "MATCH (n) DETACH DELETE n"));
        assertThat(entries("cypher.refused").get(0).detail()).contains("DETACH DELETE").contains("read-only");
        new Http(city.base()).post("/api/login", Map.of("user", "test-analyst", "password", "nope"));
        assertThat(entries("login.failed").get(0).user()).isEqualTo("test-analyst");
    }

    @Test
    void aProsecutorUnmasksOneRecordOnlyWithAReasonAndThatIsAudited() {
        String node;
        String raw;
        try (Session s = city.store.driver().session()) {
            var r = s.run("MATCH (p:Person) WHERE p.id IS NOT NULL RETURN elementId(p) AS n, p.id AS id ORDER BY p.id LIMIT 1").single();
            node = r.get("n").asString();
            raw = city.store.pseudonyms().reveal(r.get("id").asString());
        }
        assertThat(prosecutor.post("/api/unmask", Map.of("id", node)).status()).isEqualTo(400);
        assertThat(prosecutor.get("/api/graph/nodes/" + Http.enc(node)).text()).doesNotContain(raw);
        JsonNode clear = prosecutor.post("/api/unmask", Map.of("id", node, "reason", "核对身份：案件2026-17")).json();
        assertThat(clear.get("node").get("properties").get("id").asText()).isEqualTo(raw);
        AuditLog.Entry e = entries("unmask").get(0);
        assertThat(e.what()).containsExactly(node);
        assertThat(e.why()).isEqualTo("核对身份：案件2026-17");
        assertThat(city.as(Role.ANALYST).post("/api/unmask", Map.of("id", node, "reason", "想看看")).status()).isEqualTo(403);
    }

    @Test
    void changingOrRemovingAnEntryIsFoundAtThatEntry(@TempDir Path dir) throws Exception {
        prosecutor.get("/api/meta");
        prosecutor.get("/api/leads/" + LeadStore.ref(key("venue")));
        prosecutor.get("/api/leads/" + LeadStore.ref(key("school-bus")));
        Path original = city.services.access().audit().file();
        List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
        assertThat(lines.size()).isGreaterThan(5);
        ObjectMapper json = new ObjectMapper();

        Path changed = dir.resolve("changed/audit.jsonl");
        Files.createDirectories(changed.getParent());
        List<String> edited = new ArrayList<>(lines);
        ObjectNode third = (ObjectNode) json.readTree(edited.get(2));
        third.put("user", "someone-else");
        edited.set(2, json.writeValueAsString(third));
        Files.write(changed, edited, StandardCharsets.UTF_8);
        AuditLog.Verification v = AuditLog.verify(changed);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3L);
        assertThat(v.reason()).contains("changed");

        Path removed = dir.resolve("removed/audit.jsonl");
        Files.createDirectories(removed.getParent());
        List<String> shorter = new ArrayList<>(lines);
        shorter.remove(3);
        Files.write(removed, shorter, StandardCharsets.UTF_8);
        assertThat(AuditLog.verify(removed).firstBroken()).isEqualTo(4L);

        Path rehashed = dir.resolve("rehashed/audit.jsonl");
        Files.createDirectories(rehashed.getParent());
        List<String> forged = new ArrayList<>(lines);
        ObjectNode fifth = (ObjectNode) json.readTree(forged.get(4));
        fifth.put("action", "meta");
        fifth.put("hash", AuditLog.hash(fifth.get("seq").asLong(), fifth.get("at").asText(), fifth.get("user").asText(),
                fifth.get("role").isNull() ? null : fifth.get("role").asText(), "meta", List.of(), null, null,
                fifth.get("prev").asText()));
        forged.set(4, json.writeValueAsString(fifth));
        Files.write(rehashed, forged, StandardCharsets.UTF_8);
        AuditLog.Verification r = AuditLog.verify(rehashed);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBroken()).isIn(5L, 6L);
    }

    @Test
    void prosecutorsBrowseTheLogAndSeeTheChainIsIntact() {
        JsonNode log = prosecutor.get("/api/audit?action=login&limit=5").json();
        assertThat(log.get("chain").get("intact").asBoolean()).isTrue();
        assertThat(log.get("entries")).isNotEmpty();
        log.get("entries").forEach(e -> assertThat(e.get("action").asText()).startsWith("login"));
    }

    @Test
    void theLogShowsObjectsAndDetailsInTheReadersWordsAndKeepsTheStoredEntriesAsWritten() {
        String ref = LeadStore.ref(key("employment-check"));
        prosecutor.post("/api/leads/" + ref + "/status", Map.of("to", "reviewing"));
        prosecutor.post("/api/leads/" + ref + "/status", Map.of("to", "referred", "department", "education", "note", "移送核查"));
        JsonNode zh = prosecutor.get("/api/audit?action=lead.status&limit=1").json();
        assertThat(zh.get("chain").get("intact").asBoolean()).isTrue();
        JsonNode step = zh.get("entries").get(0);
        assertThat(step.get("objects").get(0).asText()).isEqualTo("线索 " + ref);
        assertThat(step.get("details").asText()).isEqualTo("转为“移送主管部门”（教育）");
        JsonNode en = prosecutor.get("/api/audit?action=lead.status&limit=1", "Accept-Language", "en").json().get("entries").get(0);
        assertThat(en.get("objects").get(0).asText()).isEqualTo("Lead " + ref);
        assertThat(en.get("details").asText()).isEqualTo("to 'Referred to the department' (Education)");
        assertThat(entries("lead.status").get(0).what()).as("the key is stored as it always was").containsExactly("Lead:" + ref);

        JsonNode login = prosecutor.get("/api/audit?action=login&limit=1").json().get("entries").get(0);
        assertThat(login.get("details").asText()).matches("来源地址 \\S+");
        assertThat(prosecutor.get("/api/audit?action=login&limit=1", "Accept-Language", "en").json().get("entries").get(0)
                .get("details").asText()).matches("from \\S+");
    }

    @Test
    void entriesWrittenBeforeDetailsHadCodesAreShownInTheSameWords() {
        assertThat(AuditDetail.render("lead.status", "to referred (education)", Messages.CHINESE)).isEqualTo("转为“移送主管部门”（教育）");
        assertThat(AuditDetail.render("lead.status", "to reviewing", Locale.ENGLISH)).isEqualTo("to 'Under review'");
        assertThat(AuditDetail.render("submission.list", "1 items", Messages.CHINESE)).isEqualTo("共 1 条");
        assertThat(AuditDetail.render("login", "from 127.0.0.1", Messages.CHINESE)).isEqualTo("来源地址 127.0.0.1");
        assertThat(AuditDetail.render("login", "from 127.0.0.1", Locale.ENGLISH)).isEqualTo("from 127.0.0.1");
        assertThat(AuditDetail.render("order.status", "closed", Messages.CHINESE)).isNotEqualTo("closed");
        assertThat(AuditDetail.render("cypher", "MATCH (n) RETURN n: 0 rows", Messages.CHINESE)).as("other text as written")
                .isEqualTo("MATCH (n) RETURN n: 0 rows");
        assertThat(AuditDetail.object("Lead:R-1", Messages.CHINESE)).isEqualTo("线索 R-1");
        assertThat(AuditDetail.object("4:abc:12", Messages.CHINESE)).isEqualTo("4:abc:12");
    }

    @Test
    void theApplicationLogGetsNoPersonalData() {
        String raw;
        try (Session s = city.store.driver().session()) {
            raw = s.run("MATCH (p:Person) WHERE p.id IS NOT NULL RETURN p.id AS id ORDER BY p.id DESC LIMIT 1").single().get("id").asString();
        }
        List<String> messages = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            prosecutor.get("/api/search?q=" + raw);
            prosecutor.post("/api/cypher", Map.of("query", "MATCH (p:Person {id: $id}) RETURN p", "params", Map.of("id", raw)));
            prosecutor.get("/api/records?rid=police_residents:" + raw);
            prosecutor.post("/api/cypher", Map.of("query", "RETURN toInteger('" + raw + "') / 0"));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(String.join("\n", messages)).doesNotContain(raw).doesNotContain(raw.substring(6, 14));
    }

    private static String key(String model) {
        try (Session s = city.store.driver().session()) {
            return s.run("MATCH (l:Lead {model: $m}) RETURN l.key AS k ORDER BY k DESC LIMIT 1", Map.of("m", model))
                    .single().get("k").asString();
        }
    }
}

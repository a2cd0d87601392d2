package org.tongxin.api.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;

/** Orders from draft to close, their documents, and the message board's privacy, over the real server. */
class OrderAndBoardApiTest {

    private static TestCity city;
    private static Http prosecutor;
    private static Http guardian;
    private static Http otherGuardian;
    private static String guardianName;
    private static List<String> guardianshipRefs;

    @BeforeAll
    static void setUp() throws Exception {
        city = TestCity.get();
        prosecutor = city.as(Role.PROSECUTOR);
        guardian = city.as(Role.GUARDIAN);
        guardianName = city.users.get(Role.GUARDIAN)[0];
        String password = city.services.access().users().add("guardian-two", Role.GUARDIAN, null, null);
        otherGuardian = Http.loggedIn(city.base(), "guardian-two", password);
        try (Session s = city.store.driver().session()) {
            guardianshipRefs = s.run("MATCH (l:Lead {model: 'guardianship'}) RETURN l.ref AS r ORDER BY l.key DESC LIMIT 5")
                    .list(r -> r.get("r").asString());
        }
    }

    @Test
    void anOrderGoesFromADraftOnALeadToIssuedAcknowledgedFollowedUpAndClosed() throws Exception {
        JsonNode draft = created(prosecutor.post("/api/orders", Map.of("kind", "supervision", "lead", guardianshipRefs.get(0))));
        String id = draft.get("id").asText();
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("kindZh").asText()).isEqualTo("督促监护令");
        assertThat(draft.get("basis").asText()).isEqualTo("未成年人保护法 第一百一十八条");
        assertThat(draft.get("basisText").asText()).contains("监护");
        assertThat(draft.get("requirements")).hasSize(3);
        assertThat(draft.get("minorId").asText()).contains("********");
        assertThat(texts(draft.get("next"))).containsExactly("cancelled");
        assertThat(guardian.get("/api/orders/" + id).status()).isEqualTo(404);

        Http.Response noGuardian = prosecutor.post("/api/orders/" + id + "/issue", Map.of());
        assertThat(noGuardian.status()).isEqualTo(422);
        prosecutor.post("/api/orders/" + id + "/draft", Map.of("guardianUser", guardianName, "dueBy", java.time.LocalDate.now().plusMonths(2).toString(),
                "requirements", List.of("每天接送孩子上下学", "每周向社工报告一次")));
        JsonNode issued = prosecutor.post("/api/orders/" + id + "/issue", Map.of()).json();
        assertThat(issued.get("status").asText()).isEqualTo("issued");
        assertThat(issued.get("thread").asText()).startsWith("T");
        Http.Response late = prosecutor.post("/api/orders/" + id + "/draft", Map.of("requirements", List.of("改写")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("error").asText()).contains("只有草稿可以修改").contains("已发出").doesNotContain("issued");
        assertThat(texts(issued.get("requirements"))).containsExactly("每天接送孩子上下学", "每周向社工报告一次");
        JsonNode edits = prosecutor.get("/api/audit?action=order.edit").json().get("entries");
        assertThat(edits.toString()).contains(id).contains("责令事项");

        assertThat(guardian.get("/api/orders").text()).contains(id);
        assertThat(otherGuardian.get("/api/orders").text()).doesNotContain(id);
        assertThat(otherGuardian.post("/api/orders/" + id + "/acknowledge", Map.of()).status()).isEqualTo(404);
        JsonNode acked = guardian.post("/api/orders/" + id + "/acknowledge", Map.of("note", "已收到，会按要求做")).json();
        assertThat(acked.get("status").asText()).isEqualTo("acknowledged");
        assertThat(acked.get("statusZh").asText()).isEqualTo("监护人已确认");
        assertThat(acked.get("next")).as("a guardian is offered none of the prosecutor's steps").isEmpty();
        assertThat(texts(prosecutor.get("/api/orders/" + id).json().get("next"))).containsExactly("closed");
        assertThat(prosecutor.post("/api/orders/" + id + "/status", Map.of("to", "cancelled", "note", "撤回")).status())
                .as("an issued order is not withdrawn").isEqualTo(409);
        assertThat(documentText(guardian, id)).contains("督促监护令状态：监护人已确认").doesNotContain("acknowledged");
        assertThat(guardian.post("/api/orders/" + id + "/acknowledge", Map.of()).status()).isEqualTo(409);
        assertThat(guardian.post("/api/orders/" + id + "/status", Map.of("to", "closed", "note", "x")).status()).isEqualTo(403);

        assertThat(acked.get("overdue").asBoolean()).isFalse();
        try (Session s = city.store.driver().session()) {
            s.run("MATCH (o:Order {id: $id}) SET o.dueBy = date('2026-01-31')", Map.of("id", id)).consume();
        }
        assertThat(prosecutor.get("/api/orders/" + id).json().get("overdue").asBoolean()).isTrue();
        prosecutor.post("/api/orders/" + id + "/followups", Map.of("kind", "visit", "note", "入户走访，孩子按时上学"));
        JsonNode closed = prosecutor.post("/api/orders/" + id + "/status", Map.of("to", "closed", "note", "监护职责已落实")).json();
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("overdue").asBoolean()).isFalse();
        assertThat(closed.get("next")).isEmpty();
        List<String> trail = closed.get("steps").findValuesAsText("kind");
        assertThat(trail).containsExactly("drafted", "status", "status", "visit", "status");

        String text = documentText(guardian, id);
        assertThat(text).contains("督促监护令", "第一百一十八条", "每天接送孩子上下学", "2026年1月31日", "监护人确认收到",
                "入户走访", "结案");
        assertThat(text).containsPattern("\\d{6}\\*{11}[0-9X]").doesNotContainPattern("(?<!\\d)\\d{17}[0-9X](?!\\d)");
        // Fit to send: who sends it and its number, Chinese dates and status, the facts in words, no NULL.
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo(TestCity.UNIT_NAME);
        assertThat(text).containsPattern("牟检未监〔20\\d{2}〕[1-9]\\d*号").contains("督促监护令状态：已结案")
                .containsPattern("20\\d{2}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}  监护人确认收到")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContainPattern("(?i)(?<![a-z])null(?![a-z])")
                .doesNotContain("订单");
        String facts = text.lines().filter(l -> l.startsWith("本院在履职中发现")).findFirst().orElseThrow();
        assertThat(facts).doesNotContainPattern("R\\d\\.\\d").contains("未成年人");
    }

    @Test
    void aDraftIsRefusedEmptyDutiesAnAccountThatIsNoGuardiansADueDateBeyondAYearAndIssuingWithoutAGuardianName() {
        String prosecutorName = city.users.get(Role.PROSECUTOR)[0];
        Http.Response noAccount = prosecutor.post("/api/orders", Map.of("kind", "supervision", "lead", guardianshipRefs.get(3),
                "guardianUser", "nobody-here"));
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(noAccount.json().get("error").asText()).contains("监护人账号").doesNotContain("guardianUser");
        JsonNode draft = created(prosecutor.post("/api/orders", Map.of("kind", "supervision", "lead", guardianshipRefs.get(3))));
        String id = draft.get("id").asText();
        assertThat(prosecutor.post("/api/orders/" + id + "/draft", Map.of("guardianUser", prosecutorName)).status())
                .as("a prosecutor's account is not a guardian's").isEqualTo(400);
        Http.Response none = prosecutor.post("/api/orders/" + id + "/draft", Map.of("requirements", List.of()));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("error").asText()).contains("要求");
        Http.Response far = prosecutor.post("/api/orders/" + id + "/draft", Map.of("dueBy", "2099-12-31"));
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().get("error").asText()).startsWith("期限不能晚于").doesNotContain("dueBy");
        Http.Response past = prosecutor.post("/api/orders/" + id + "/draft", Map.of("dueBy", "2000-01-01"));
        assertThat(past.json().get("error").asText()).startsWith("期限不能早于");
        Http.Response blankFacts = prosecutor.post("/api/orders/" + id + "/draft", Map.of("facts", " "));
        assertThat(blankFacts.json().get("error").asText()).isEqualTo("请填写“事实”");
        assertThat(prosecutor.get("/api/orders/" + id).json().get("requirements")).hasSize(3);

        prosecutor.post("/api/orders/" + id + "/draft", Map.of("guardianUser", guardianName));
        try (Session s = city.store.driver().session()) {
            s.run("MATCH (o:Order {id: $id}) SET o.guardianName = ''", Map.of("id", id)).consume();
        }
        Http.Response nameless = prosecutor.post("/api/orders/" + id + "/issue", Map.of());
        assertThat(nameless.status()).isEqualTo(422);
        assertThat(nameless.json().get("error").asText()).contains("监护人姓名");
        prosecutor.post("/api/orders/" + id + "/draft", Map.of("guardianName", "王某某"));
        assertThat(prosecutor.post("/api/orders/" + id + "/issue", Map.of()).status()).isEqualTo(200);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String documentText(Http who, String id) throws Exception {
        Http.Response docx = who.get("/api/orders/" + id + "/document.docx");
        assertThat(docx.status()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
             XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            return ex.getText();
        }
    }

    @Test
    void dutiesAreSealedAtRestLikeTheFactsAndShownMasked() {
        JsonNode draft = created(prosecutor.post("/api/orders", Map.of("kind", "supervision", "lead", guardianshipRefs.get(3),
                "requirements", List.of("联系监护人 370612200801011234 电话 13812345678"))));
        String id = draft.get("id").asText();
        assertThat(texts(draft.get("requirements"))).containsExactly("联系监护人 370612***********4 电话 138****5678");
        JsonNode edited = prosecutor.post("/api/orders/" + id + "/draft",
                Map.of("requirements", List.of("每周报告 联系监护人 370612200801011234 电话 13812345678", "按时接送"))).json();
        assertThat(texts(edited.get("requirements"))).containsExactly("每周报告 联系监护人 370612***********4 电话 138****5678", "按时接送");
        assertThat(prosecutor.get("/api/orders/" + id).text()).doesNotContain("370612200801011234", "13812345678", "txt~");
        try (Session s = city.store.driver().session()) {
            List<String> stored = s.run("MATCH (o:Order {id: $id}) RETURN o.requirements AS r", Map.of("id", id)).single()
                    .get("r").asList(v -> v.asString());
            assertThat(stored).hasSize(2).allSatisfy(r -> assertThat(r).startsWith("txt~")
                    .doesNotContainPattern("\\d{17}[\\dX]").doesNotContainPattern("1[3-9]\\d{9}"));
        }
    }

    @Test
    void aGuidanceOrderCanBeDraftedFromAProfileButNotFromAnotherModelsLead() {
        String minorNode;
        String otherRef;
        try (Session s = city.store.driver().session()) {
            minorNode = s.run("MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key LIMIT 1 "
                    + "MATCH (m:Person {id: split(l.key, ':')[1]}) RETURN elementId(m) AS id").single().get("id").asString();
            otherRef = s.run("MATCH (l:Lead {model: 'school-bus'}) RETURN l.ref AS r LIMIT 1").single().get("r").asString();
        }
        JsonNode d = created(prosecutor.post("/api/orders", Map.of("kind", "guidance", "person", minorNode)));
        assertThat(d.get("kindZh").asText()).isEqualTo("家庭教育指导令");
        assertThat(d.get("basis").asText()).isEqualTo("家庭教育促进法 第四十九条");
        assertThat(d.get("minorNode").asText()).isEqualTo(minorNode);
        Http.Response other = prosecutor.post("/api/orders", Map.of("kind", "guidance", "lead", otherRef));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("error").asText()).as("the model by its title").doesNotContain("school-bus");
        assertThat(prosecutor.post("/api/orders", Map.of("kind", "x", "person", minorNode)).status()).isEqualTo(400);
        assertThat(prosecutor.post("/api/orders", Map.of("kind", "guidance")).status()).isEqualTo(400);
    }

    @Test
    void aThreadIsVisibleOnlyToThePeopleInIt() {
        // The guardian's name is given: a lead whose registered guardians are dead leaves it blank, and blank is refused.
        JsonNode draft = created(prosecutor.post("/api/orders", Map.of("kind", "supervision", "lead", guardianshipRefs.get(1),
                "guardianUser", guardianName, "guardianName", "张某某")));
        Http.Response issued = prosecutor.post("/api/orders/" + draft.get("id").asText() + "/issue", Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(200);
        String thread = issued.json().get("thread").asText();
        assertThat(guardian.get("/api/threads").text()).contains(thread);
        Http.Response posted = guardian.post("/api/threads/" + thread + "/messages", Map.of("text", "请问走访安排在哪天？"));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(prosecutor.get("/api/threads/" + thread).json().get("messages").get(0).get("text").asText()).contains("走访");
        assertThat(otherGuardian.get("/api/threads/" + thread).status()).isEqualTo(404);
        assertThat(otherGuardian.post("/api/threads/" + thread + "/messages", Map.of("text", "插话")).status()).isEqualTo(404);
        assertThat(otherGuardian.get("/api/threads").text()).doesNotContain(thread);
        assertThat(city.as(Role.ANALYST).get("/api/threads/" + thread).status()).isEqualTo(403);

        String school = city.users.get(Role.DEPARTMENT)[0];
        JsonNode withSchool = created(prosecutor.post("/api/threads", Map.of("subject", "学生帮教计划", "participants", List.of(school))));
        assertThat(city.as(Role.DEPARTMENT).get("/api/threads/" + withSchool.get("id").asText()).status()).isEqualTo(200);
        assertThat(guardian.get("/api/threads/" + withSchool.get("id").asText()).status()).isEqualTo(404);
        assertThat(prosecutor.post("/api/threads", Map.of("subject", "x", "participants", List.of("nobody-here"))).status()).isEqualTo(400);
        // Nothing of the board is in the graph the analysts can query.
        try (Session s = city.store.driver().session()) {
            assertThat(s.run("MATCH (n) WHERE any(k IN keys(n) WHERE valueType(n[k]) STARTS WITH 'STRING' AND n[k] CONTAINS '请问走访安排') RETURN count(n) AS c")
                    .single().get("c").asLong()).isZero();
        }
    }

    @Test
    void aThreadAboutAnOrderOrAMinorIsOpenedOnlyByAndWithThePeopleItConcerns() {
        JsonNode draft = created(prosecutor.post("/api/orders", Map.of("kind", "supervision", "lead", guardianshipRefs.get(2),
                "guardianUser", guardianName, "guardianName", "李某某")));
        String order = "order:" + draft.get("id").asText();
        String minor = "minor:" + draft.get("minorNode").asText();
        assertThat(prosecutor.post("/api/orders/" + draft.get("id").asText() + "/issue", Map.of()).status()).isEqualTo(200);
        String school = city.users.get(Role.DEPARTMENT)[0];
        String prosecutorName = city.users.get(Role.PROSECUTOR)[0];
        Http dept = city.as(Role.DEPARTMENT);
        Http worker = city.as(Role.SOCIAL_WORKER);

        refused(dept.post("/api/threads", thread(order, guardianName)), 403, "board.order-opener");
        refused(worker.post("/api/threads", thread(order, guardianName)), 403, "board.order-opener");
        refused(prosecutor.post("/api/threads", thread(order, "guardian-two")), 403, "board.order-party");
        refused(prosecutor.post("/api/threads", thread(order, school)), 403, "board.order-party");
        refused(prosecutor.post("/api/threads", thread("order:O2026NONE", guardianName)), 404, "order.not-found");
        created(prosecutor.post("/api/threads", thread(order, guardianName)));

        Http assigned = user("board-sw", Role.SOCIAL_WORKER);
        Http unassigned = user("board-psy", Role.PSYCHOLOGIST);
        assertThat(prosecutor.post("/api/assignments", Map.of("user", "board-sw", "person", draft.get("minorNode").asText()))
                .status()).isEqualTo(200);
        refused(dept.post("/api/threads", thread(minor, prosecutorName)), 403, "board.minor-opener");
        refused(unassigned.post("/api/threads", thread(minor, prosecutorName)), 404, "board.person-not-found");
        refused(assigned.post("/api/threads", thread(minor, guardianName)), 403, "board.minor-party");
        refused(assigned.post("/api/threads", thread(minor, school)), 403, "board.minor-party");
        refused(prosecutor.post("/api/threads", thread(minor, "board-psy")), 403, "board.minor-party");
        created(assigned.post("/api/threads", thread(minor, prosecutorName)));
        created(prosecutor.post("/api/threads", thread(minor, "board-sw")));
        Map<String, Object> aboutNothing = Map.of("subject", "你好", "participants", List.of(guardianName, prosecutorName));
        refused(dept.post("/api/threads", aboutNothing), 403, "board.guardian-outside-order");
        refused(assigned.post("/api/threads", aboutNothing), 403, "board.guardian-outside-order");
        created(prosecutor.post("/api/threads", aboutNothing));
        created(dept.post("/api/threads", Map.of("subject", "你好", "participants", List.of(prosecutorName))));
    }

    private static Map<String, Object> thread(String about, String participant) {
        return Map.of("subject", "关于 " + about, "about", about, "participants", List.of(participant));
    }

    /** {@code reason}: the problem's code, or (for problems still without one) a part of its English message. */
    private static void refused(Http.Response r, int status, String reason) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).isEqualTo(reason);
    }

    private static Http user(String name, Role role) {
        return Http.loggedIn(city.base(), name, city.services.access().users().add(name, role, null, null));
    }

    private static JsonNode created(Http.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }
}

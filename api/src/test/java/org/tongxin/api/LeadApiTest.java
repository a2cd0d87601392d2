package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.analytics.store.LeadStore;

/** The lead endpoints on a generated city, through the real server. */
class LeadApiTest {

    private static Http http;

    @BeforeAll
    static void city() throws Exception {
        http = TestCity.get().http;
    }

    @Test
    void theListCountsLeadsPerModelAndEveryFilterKeepsOnlyMatchingLeads() {
        JsonNode all = http.get("/api/leads?size=200").json();
        long sum = 0;
        for (var e : iterable(all.get("countsByModel").fields())) {
            sum += e.getValue().asLong();
        }
        assertThat(all.get("total").asLong()).isEqualTo(sum).isGreaterThan(20);

        JsonNode venue = http.get("/api/leads?model=venue&size=200").json();
        assertThat(venue.get("total").asLong()).isEqualTo(all.get("countsByModel").get("venue").asLong());
        venue.get("items").forEach(l -> assertThat(l.get("model").asText()).isEqualTo("venue"));

        JsonNode r61 = http.get("/api/leads?rule=R6.1&size=200").json();
        assertThat(r61.get("total").asLong()).isPositive();
        r61.get("items").forEach(l -> assertThat(texts(l.get("rules"))).contains("R6.1"));

        JsonNode red = http.get("/api/leads?severity=red&size=200").json();
        assertThat(red.get("total").asLong()).isEqualTo(all.get("countsBySeverity").get("red").asLong());
        red.get("items").forEach(l -> assertThat(l.get("severity").asText()).isEqualTo("red"));
    }

    @Test
    void pagesSplitTheListWithoutOverlap() {
        JsonNode p1 = http.get("/api/leads?size=5&page=1").json();
        JsonNode p2 = http.get("/api/leads?size=5&page=2").json();
        assertThat(p1.get("items")).hasSize(5);
        assertThat(texts(p1.get("items"), "ref")).doesNotContainAnyElementsOf(texts(p2.get("items"), "ref"));
    }

    @Test
    void theDateWindowAndThePlaceFilterUseTheEvidenceEvents() {
        JsonNode venueLeads = http.get("/api/leads?model=venue&size=200").json();
        assertThat(http.get("/api/leads?model=venue&from=2000-01-01&to=2000-12-31").json().get("total").asLong()).isZero();
        assertThat(http.get("/api/leads?model=venue&from=2026-01-01&to=2026-11-27").json().get("total").asLong())
                .isEqualTo(venueLeads.get("total").asLong());

        JsonNode anyVenueLead = http.get("/api/leads/" + venueLeads.get("items").get(0).get("ref").asText()).json();
        String venueCode = null;
        for (JsonNode n : anyVenueLead.get("graph").get("nodes")) {
            if (n.get("kind").asText().equals("Venue")) {
                venueCode = n.get("properties").get("code").asText();
            }
        }
        assertThat(venueCode).isNotNull();
        JsonNode atPlace = http.get("/api/leads?size=200&place=" + Http.enc(venueCode)).json();
        assertThat(texts(atPlace.get("items"), "ref")).contains(anyVenueLead.get("ref").asText());
        assertThat(atPlace.get("total").asLong()).isLessThan(http.get("/api/leads").json().get("total").asLong());
    }

    @Test
    void aLeadShowsItsRulesWithTheArticleTextEvidenceRowsAndGraph() {
        String ref = LeadStore.ref(firstKey("guardianship"));
        JsonNode lead = http.get("/api/leads/" + ref).json();
        assertThat(lead.get("model").asText()).isEqualTo("guardianship");
        JsonNode article = lead.get("ruleDetails").get(0).get("articles").get(0);
        assertThat(article.get("law").asText()).isEqualTo("未成年人保护法");
        assertThat(article.get("article").asText()).isEqualTo("第一百一十八条");
        assertThat(article.get("text").asText()).startsWith("未成年人的父母或者其他监护人不依法履行监护职责");
        assertThat(lead.get("evidence")).isNotEmpty();
        assertThat(lead.get("summary").asText()).isNotBlank();
        List<String> nodeIds = texts(lead.get("graph").get("nodes"), "id");
        assertThat(nodeIds).contains(lead.get("graph").get("subject").asText());
        lead.get("evidence").forEach(e -> assertThat(nodeIds).contains(e.get("id").asText()));
        assertThat(texts(lead.get("next"), "code")).containsExactly("reviewing");
    }

    @Test
    void aCitationOfALawThatIsNotBundledSaysSoInsteadOfInventingText() {
        String ref = LeadStore.ref(firstKey("school-bus"));
        JsonNode article = http.get("/api/leads/" + ref).json().get("ruleDetails").get(0).get("articles").get(0);
        assertThat(article.get("cited").asText()).startsWith("校车安全管理条例");
        assertThat(article.get("text").isNull()).isTrue();
    }

    @Test
    void identityNumbersNeverLeaveTheListOrTheDetailUnmasked() {
        String list = http.get("/api/leads?size=200").text();
        assertThat(RawIds.in(list)).as("raw id in the list").isFalse();
        assertThat(list).contains("********");
        String ref = LeadStore.ref(firstKey("guardianship"));
        assertThat(RawIds.in(http.get("/api/leads/" + ref).text())).isFalse();
    }

    @Test
    void aLeadKeyFindsItsReference() {
        String key = firstKey("venue");
        JsonNode r = http.get("/api/leads/by-key?key=" + Http.enc(key)).json();
        assertThat(r.get("ref").asText()).isEqualTo(LeadStore.ref(key));
        assertThat(http.get("/api/leads/by-key?key=venue:nothing").status()).isEqualTo(404);
    }

    @Test
    void aKeyWithAnIdentityNumberInClearIsResolvedForProsecutorsOnlySinceItWouldTestGuesses() throws Exception {
        String stored = firstKey("guardianship");
        String clear = TestCity.get().store.pseudonyms().reveal(stored);
        assertThat(clear).matches("guardianship:\\d{17}[\\dX]");
        assertThat(http.get("/api/leads/by-key?key=" + Http.enc(clear)).json().get("ref").asText()).isEqualTo(LeadStore.ref(stored));
        Http.Response analyst = TestCity.get().as(org.tongxin.domain.user.Role.ANALYST).get("/api/leads/by-key?key=" + Http.enc(clear));
        assertThat(analyst.status()).isEqualTo(403);
        assertThat(analyst.text()).doesNotContain(LeadStore.ref(stored));
    }

    @Test
    void onlyThePersonPartOfAKeyCountsAsAnIdentityNumberNotAUnitCodeOrARecordNumber() throws Exception {
        String employment = TestCity.get().store.pseudonyms().reveal(firstKey("employment-check"));
        assertThat(employment).matches("employment-check:\\d{17}[\\dX]@.+");
        assertThat(http.get("/api/leads/by-key?key=" + Http.enc(employment)).json().get("ref").asText())
                .isEqualTo(LeadStore.ref(firstKey("employment-check")));
        String report = firstKey("mandatory-report");
        assertThat(http.get("/api/leads/by-key?key=" + Http.enc(report)).json().get("ref").asText())
                .isEqualTo(LeadStore.ref(report));
        Http.Response analyst = TestCity.get().as(org.tongxin.domain.user.Role.ANALYST)
                .get("/api/leads/by-key?key=" + Http.enc(report));
        assertThat(analyst.status()).as(report).isEqualTo(200);
        assertThat(analyst.json().get("ref").asText()).isEqualTo(LeadStore.ref(report));
    }

    @Test
    void theWorkflowGoesNewReviewingOutcomeClosedAndRecordsWhoWhenAndWhy() {
        String ref = LeadStore.ref(keys("employment-check").get(0));
        JsonNode early = http.post("/api/leads/" + ref + "/status", Map.of("to", "closed")).json();
        assertThat(early.get("status").asInt()).as("closing a new lead").isEqualTo(409);
        assertThat(early.get("error").asText()).as("statuses by their names, the allowed ones as a list")
                .isEqualTo("该线索当前状态为“新线索”，不能转为“已办结”；可转为：核查中");
        assertThat(http.post("/api/leads/" + ref + "/status", Map.of("to", "closed"), "Accept-Language", "en").json()
                .get("error").asText()).isEqualTo("this Lead is 'New' and cannot move to 'Closed'; allowed: Under review");
        assertThat(http.post("/api/leads/" + ref + "/status", Map.of("to", "reviewing", "note", "调取入职材料"))
                .json().get("status").asText()).isEqualTo("reviewing");
        assertThat(http.post("/api/leads/" + ref + "/status", Map.of("to", "new")).json().get("error").asText())
                .endsWith("可转为：立案监督、诉前检察建议、督促监护令、移送主管部门、排除（附理由）");
        assertThat(http.post("/api/leads/" + ref + "/status", Map.of("to", "referred")).status())
                .as("a referral without a department").isEqualTo(400);
        assertThat(http.post("/api/leads/" + ref + "/status",
                Map.of("to", "referred", "department", "education", "note", "移送教育局核查解聘")).status())
                .isEqualTo(200);
        JsonNode closed = http.post("/api/leads/" + ref + "/status", Map.of("to", "closed", "note", "已解聘")).json();
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        JsonNode lead = http.get("/api/leads/" + ref).json();
        assertThat(texts(lead.get("actions"), "to")).containsExactly("reviewing", "referred", "closed");
        assertThat(texts(lead.get("actions"), "by")).containsOnly("test-prosecutor");
        assertThat(texts(lead.get("actions"), "note")).containsExactly("调取入职材料", "移送教育局核查解聘", "已解聘");
        assertThat(lead.get("actions").get(1).get("department").asText()).isEqualTo("education");
        assertThat(lead.get("actions").get(0).get("at").asText()).startsWith("20");
        assertThat(lead.get("referredTo").asText()).isEqualTo("education");
        assertThat(lead.get("next")).isEmpty();
        assertThat(http.get("/api/leads?status=closed").json().get("total").asLong()).isPositive();
    }

    @Test
    void aDismissalNeedsAReasonAndNobodyActsWithoutASession() throws Exception {
        String ref = LeadStore.ref(keys("employment-check").get(1));
        assertThat(new Http(TestCity.get().base()).post("/api/leads/" + ref + "/status", Map.of("to", "reviewing")).status())
                .isEqualTo(401);
        http.post("/api/leads/" + ref + "/status", Map.of("to", "reviewing"));
        JsonNode refused = http.post("/api/leads/" + ref + "/status", Map.of("to", "dismissed")).json();
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.get("code").asText()).isEqualTo("workflow.dismissal-reason");
        assertThat(http.post("/api/leads/" + ref + "/status", Map.of("to", "dismissed", "note", "经核实系同名人员")).status())
                .isEqualTo(200);
        assertThat(http.post("/api/leads/" + ref + "/status", Map.of("to", "flying")).status()).isEqualTo(400);
    }

    @Test
    void stepAndReportNotesAreSealedAtRestAndShownMasked() throws Exception {
        String ref = LeadStore.ref(keys("employment-check").get(2));
        String note = "联系监护人 370612200801011234 电话 13812345678";
        http.post("/api/leads/" + ref + "/status", Map.of("to", "reviewing", "note", note));
        JsonNode moved = http.post("/api/leads/" + ref + "/status",
                Map.of("to", "referred", "department", "education", "note", note)).json();
        assertThat(moved.toString()).doesNotContain("370612200801011234", "13812345678", "txt~");
        JsonNode reported = TestCity.get().as(org.tongxin.domain.user.Role.DEPARTMENT)
                .post("/api/leads/" + ref + "/reports", Map.of("note", "已回访 " + note)).json();
        assertThat(reported.toString()).doesNotContain("370612200801011234", "13812345678", "txt~");
        List<String> stored;
        try (var s = TestCity.get().store.driver().session()) {
            stored = s.run("MATCH (:Lead {ref: $ref})-[:ACTION]->(a:LeadAction) RETURN a.note AS n ORDER BY a.seq",
                    Map.of("ref", ref)).list(r -> r.get("n").asString());
        }
        assertThat(stored).hasSize(3).allSatisfy(n -> assertThat(n).startsWith("txt~")
                .doesNotContainPattern("\\d{17}[\\dX]").doesNotContainPattern("1[3-9]\\d{9}"));
        for (org.tongxin.domain.user.Role role : List.of(org.tongxin.domain.user.Role.ANALYST,
                org.tongxin.domain.user.Role.DEPARTMENT, org.tongxin.domain.user.Role.PROSECUTOR)) {
            JsonNode lead = TestCity.get().as(role).get("/api/leads/" + ref).json();
            assertThat(texts(lead.get("actions"), "note")).as(role.name()).containsExactly(
                    "联系监护人 370612***********4 电话 138****5678", "联系监护人 370612***********4 电话 138****5678",
                    "已回访 联系监护人 370612***********4 电话 138****5678");
        }
    }

    static String firstKey(String model) {
        return keys(model).get(0);
    }

    /** Raw lead keys of a model, read from the store (the API only shows them masked). */
    static List<String> keys(String model) {
        try (var s = TestCity.get().store.driver().session()) {
            return s.run("MATCH (l:Lead {model: $m}) RETURN l.key AS k ORDER BY k", Map.of("m", model))
                    .list(r -> r.get("k").asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}

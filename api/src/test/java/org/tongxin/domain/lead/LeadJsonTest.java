package org.tongxin.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lead records keep the field names the web view and the API's clients read; the raw key never leaves. */
class LeadJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSummaryNeverSerialisesItsRawKey() {
        LeadSummary s = new LeadSummary("0123456789abcdef", "guardianship:370612***********6", "guardianship",
                List.of("R7.2"), "red", "new", "…", List.of(), "2026-12-02T12:37:07", "2026-12-02T12:37:07", true,
                null, List.of(), "2026-11-27", "cypher", null, "监护失职", "新线索", null, "guardianship:~p~secret");
        JsonNode j = JSON.valueToTree(s);
        assertThat(j.has("rawKey")).isFalse();
        assertThat(j.toString()).doesNotContain("secret");
    }

    @Test
    void theListAndTheDetailKeepTheirFieldNames() {
        LeadItem item = new LeadItem("r", "k", "venue", List.of("R1"), "red", "new", "s", "a", "b", true, null, null,
                "t", "新线索", null, new LeadSubject("Person", "人员", "张三", false));
        assertThat(names(JSON.valueToTree(new LeadPage(1, 1, 50, Map.of(), Map.of(), Map.of(), List.of(item)))))
                .containsExactly("total", "page", "size", "countsByModel", "countsByStatus", "countsBySeverity", "items");
        assertThat(names(JSON.valueToTree(item))).containsExactlyInAnyOrder("ref", "key", "model", "rules", "severity",
                "status", "summary", "firstRaisedAt", "lastSeenAt", "holds", "clearedAt", "referredTo", "modelTitle",
                "statusZh", "referredToZh", "subject");
        assertThat(names(JSON.valueToTree(item).get("subject"))).containsExactly("kind", "kindZh", "name", "masked");
        LeadDetail d = new LeadDetail("r", "k", "venue", List.of(), "red", "new", "s", List.of(), "a", "b", true, null,
                List.of(), "c", "cypher", null, "t", "新线索", null, List.of(), List.of(new LeadDetail.NextStatus("reviewing", "审查中")),
                List.of(new LeadDetail.ActionEntry(1L, "a", "b", "new", "reviewing", "", null, "status")),
                List.of(new LeadDetail.EvidenceRecord("4:x:1", "d:1", "学籍")), new EvidenceGraph(List.of(), List.of(), "4:x:1"));
        JsonNode j = JSON.valueToTree(d);
        assertThat(names(j)).containsExactlyInAnyOrder("ref", "key", "model", "rules", "severity", "status", "summary",
                "legalBasis", "firstRaisedAt", "lastSeenAt", "holds", "clearedAt", "history", "asOf", "engine",
                "referredTo", "modelTitle", "statusZh", "referredToZh", "ruleDetails", "next", "actions", "evidence",
                "graph");
        assertThat(names(j.get("actions").get(0))).containsExactlyInAnyOrder("seq", "at", "by", "from", "to", "note",
                "department", "kind");
        assertThat(names(j.get("evidence").get(0))).containsExactlyInAnyOrder("id", "rid", "title");
        assertThat(names(j.get("next").get(0))).containsExactlyInAnyOrder("code", "zh");
        assertThat(names(j.get("graph"))).containsExactlyInAnyOrder("nodes", "edges", "subject");
    }

    private static List<String> names(JsonNode j) {
        List<String> out = new ArrayList<>();
        j.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

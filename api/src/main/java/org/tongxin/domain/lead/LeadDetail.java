package org.tongxin.domain.lead;

import java.util.List;
import org.tongxin.domain.law.LegalBasis;

/**
 * One lead in full, masked: its own fields (as {@link LeadSummary}, without the raw key), each rule with its legal
 * basis and the article texts, the statuses it may move to, its workflow so far, its evidence records and graph.
 */
public record LeadDetail(String ref, String key, String model, List<String> rules, String severity, String status,
                         String summary, List<String> legalBasis, String firstRaisedAt, String lastSeenAt,
                         Boolean holds, String clearedAt, List<String> history, String asOf, String engine,
                         String referredTo, String modelTitle, String statusZh, String referredToZh,
                         List<RuleDetail> ruleDetails, List<NextStatus> next, List<ActionEntry> actions,
                         List<EvidenceRecord> evidence, EvidenceGraph graph) {

    /** A rule the lead hit: its severity, its Chinese text, the legal basis as cited and the articles resolved. */
    public record RuleDetail(String id, String severity, String zh, String legalBasis, List<LegalBasis.Citation> articles) {
    }

    /** A status the lead may move to next. */
    public record NextStatus(String code, String zh) {
    }

    /**
     * One step of the workflow: a status change ({@code kind} status) or a department's report ({@code kind}
     * report, from = to). {@code at} is local date-time text.
     */
    public record ActionEntry(Long seq, String at, String by, String from, String to, String note, String department,
                              String kind) {
    }

    /** An evidence record: node id, record id (masked) and the Chinese name of its kind. */
    public record EvidenceRecord(String id, String rid, String title) {
    }
}

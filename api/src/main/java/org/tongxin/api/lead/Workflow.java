package org.tongxin.api.lead;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.tongxin.domain.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.time.LegalAge;

/**
 * Moves a lead along {@link LeadStatus}: each step is a {@code (:Lead)-[:ACTION]->(:LeadAction)} node with who,
 * when, from, to, the note and the department, written in the same transaction as the new status. The lead's
 * node is locked first, so two prosecutors acting at once cannot both move it from the same status.
 */
public final class Workflow {

    /** A requested step: target status code, who, a note, and for a referral the department code. */
    public record Step(String to, String by, String note, String department) {
    }

    private final GraphStore store;
    private final Runnable onChange;

    /** {@code onChange} runs after every step and report (to drop cached lists). */
    public Workflow(GraphStore store, Runnable onChange) {
        this.store = store;
        this.onChange = onChange;
    }

    public Map<String, Object> move(String ref, Step step) {
        LeadStatus to = LeadStatus.of(step.to() == null ? "" : step.to())
                .orElseThrow(() -> new ApiException.BadRequest("'to' must be one of " + LeadStatus.codes().stream().sorted().toList()));
        String by = step.by() == null ? "" : step.by().strip();
        if (by.isEmpty() || by.length() > 64) {
            throw new ApiException.BadRequest("'by' (who acts) is required, at most 64 characters");
        }
        String note = step.note() == null ? "" : step.note().strip();
        if (note.length() > 4000) {
            throw new ApiException.BadRequest("'note' is at most 4000 characters");
        }
        if (to == LeadStatus.DISMISSED && note.isEmpty()) {
            throw new ApiException.BadRequest("a dismissal needs the reason in 'note'");
        }
        String department = step.department() == null || step.department().isBlank() ? null : step.department().strip();
        if (to == LeadStatus.REFERRED && (department == null || !Departments.known(department))) {
            throw new ApiException.BadRequest("a referral names the department: one of " + Departments.all().keySet());
        }
        if (to != LeadStatus.REFERRED && department != null) {
            throw new ApiException.BadRequest("'department' only goes with a referral");
        }
        try (Session s = store.driver().session(store.session())) {
            Map<String, Object> moved = s.executeWrite(tx -> {
                var rows = tx.run("MATCH (l:Lead {ref: $ref}) SET l.workflowSeq = coalesce(l.workflowSeq, 0) + 1 "
                        + "RETURN l.status AS status, l.workflowSeq AS seq", Map.of("ref", ref)).list();
                if (rows.isEmpty()) {
                    throw new ApiException.NotFound("no lead " + ref);
                }
                LeadStatus from = LeadStatus.of(rows.get(0).get("status").asString()).orElse(LeadStatus.NEW);
                if (!from.next().contains(to)) {
                    throw new ApiException.Conflict("a lead in status '" + from.code() + "' cannot move to '" + to.code()
                            + "'; allowed: " + from.next().stream().map(LeadStatus::code).toList());
                }
                Map<String, Object> p = new HashMap<>();
                p.put("ref", ref);
                p.put("seq", rows.get(0).get("seq").asLong());
                p.put("at", LocalDateTime.now(LegalAge.ZONE));
                p.put("by", by);
                p.put("from", from.code());
                p.put("to", to.code());
                p.put("note", note);
                p.put("department", department);
                tx.run("""
                        MATCH (l:Lead {ref: $ref})
                        SET l.status = $to, l.statusChangedAt = $at,
                            l.referredTo = CASE WHEN $to = 'referred' THEN $department ELSE l.referredTo END
                        CREATE (l)-[:ACTION]->(:LeadAction {seq: $seq, at: $at, by: $by, from: $from, to: $to,
                                                            note: $note, department: $department})
                        """, p).consume();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("ref", ref);
                out.put("status", to.code());
                out.put("actions", actions(tx, ref));
                return out;
            });
            onChange.run();
            return moved;
        }
    }

    /** A department's report on a lead referred to it: recorded as an action that does not change the status. */
    public Map<String, Object> report(String ref, String by, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw new ApiException.BadRequest("'note' says what was done, 1–4000 characters");
        }
        try (Session s = store.driver().session(store.session())) {
            Map<String, Object> result = s.executeWrite(tx -> {
                var rows = tx.run("MATCH (l:Lead {ref: $ref}) SET l.workflowSeq = coalesce(l.workflowSeq, 0) + 1 "
                        + "RETURN l.status AS status, l.workflowSeq AS seq, l.referredTo AS dept", Map.of("ref", ref)).list();
                if (rows.isEmpty()) {
                    throw new ApiException.NotFound("no lead " + ref);
                }
                String status = rows.get(0).get("status").asString();
                Map<String, Object> p = new HashMap<>();
                p.put("ref", ref);
                p.put("seq", rows.get(0).get("seq").asLong());
                p.put("at", LocalDateTime.now(LegalAge.ZONE));
                p.put("by", by);
                p.put("status", status);
                p.put("note", text);
                p.put("department", rows.get(0).get("dept").asString(null));
                tx.run("""
                        MATCH (l:Lead {ref: $ref})
                        CREATE (l)-[:ACTION]->(:LeadAction {seq: $seq, at: $at, by: $by, from: $status, to: $status,
                                                            kind: 'report', note: $note, department: $department})
                        """, p).consume();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("ref", ref);
                out.put("status", status);
                out.put("actions", actions(tx, ref));
                return out;
            });
            onChange.run();
            return result;
        }
    }

    static List<Map<String, Object>> actions(org.neo4j.driver.TransactionContext tx, String ref) {
        return tx.run("""
                MATCH (:Lead {ref: $ref})-[:ACTION]->(a:LeadAction)
                RETURN a {.seq, .at, .by, .from, .to, .note, .department, kind: coalesce(a.kind, 'status')} AS a ORDER BY a.seq
                """, Map.of("ref", ref)).list(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Values.plain(r.get("a"));
            return m;
        });
    }
}

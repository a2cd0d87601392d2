package org.tongxin.api.casework;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.tongxin.domain.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.model.time.LegalAge;

/**
 * The trail of a piece of casework that is not a lead — a volunteer's submission, an order to a guardian: each
 * step a {@code (:X)-[:STEP]->(:CaseStep {seq, at, by, from, to, kind, note, …})} written in the transaction that
 * changes the status, after the node is locked by incrementing its step counter, so two people acting at once
 * cannot both move it from the same status.
 */
public final class Steps {

    private Steps() {
    }

    /**
     * Moves the node {@code (:label {id})} to {@code to} if its current status allows it ({@code next} maps a
     * status to the ones it may go to); {@code to == null} records a step that keeps the status (a visit, a note).
     * Extra properties go on the step and, under the same names, nowhere else. Answers the status it left.
     */
    public static String apply(TransactionContext tx, String label, String id, Map<String, Set<String>> next, String to,
                               String kind, String by, String note, Map<String, Object> extra) {
        var rows = tx.run("MATCH (n:" + label + " {id: $id}) SET n.stepSeq = coalesce(n.stepSeq, 0) + 1 "
                + "RETURN n.status AS status, n.stepSeq AS seq", Map.of("id", id)).list();
        if (rows.isEmpty()) {
            throw new ApiException.NotFound("no " + label.toLowerCase() + " " + id);
        }
        String from = rows.get(0).get("status").asString();
        if (to != null && !next.getOrDefault(from, Set.of()).contains(to)) {
            throw new ApiException.Conflict("a " + label.toLowerCase() + " in status '" + from + "' cannot move to '" + to
                    + "'; allowed: " + next.getOrDefault(from, Set.of()).stream().sorted().toList());
        }
        Map<String, Object> step = new HashMap<>(extra);
        step.put("seq", rows.get(0).get("seq").asLong());
        step.put("at", LocalDateTime.now(LegalAge.ZONE).withNano(0));
        step.put("by", by);
        step.put("from", from);
        step.put("to", to == null ? from : to);
        step.put("kind", kind);
        step.put("note", note == null ? "" : note);
        tx.run("MATCH (n:" + label + " {id: $id}) SET n.status = $step.to, n.statusChangedAt = $step.at "
                + "CREATE (n)-[:STEP]->(s:CaseStep) SET s = $step", Map.of("id", id, "step", step)).consume();
        return from;
    }

    /** The steps of a node, in order. */
    public static List<Map<String, Object>> list(TransactionContext tx, String label, String id) {
        return tx.run("MATCH (:" + label + " {id: $id})-[:STEP]->(s:CaseStep) RETURN properties(s) AS s ORDER BY s.seq",
                Map.of("id", id)).list(r -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) Values.plain(r.get("s"));
                    return m;
                });
    }
}

package org.tongxin.domain.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Statements;
import org.tongxin.domain.workflow.Step;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.domain.workflow.Transitions;
import org.tongxin.domain.graph.Values;
import org.tongxin.model.time.LegalAge;

/**
 * The former casework engine, now a thin adapter over the one workflow ({@link Flow} with
 * {@link Trail#casework}): each step a {@code (:X)-[:STEP]->(:CaseStep {seq, at, by, from, to, kind, note, …})}
 * written in the transaction that changes the status, after the node is locked by incrementing its step counter.
 * Kept with its signatures for the callers not yet on {@link Flow} (submissions, class bookings); new code uses
 * {@link Flow} with a state enum and {@link Transitions} (see the package {@code org.tongxin.domain.workflow}).
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
        Flow<State.Code> flow = new Flow<>(Trail.casework(label), Transitions.ofCodes(next));
        Flow.Move<State.Code> move = (to == null ? Flow.Move.<State.Code>keep(kind, by, note)
                : Flow.Move.to(new State.Code(to), kind, by, note)).withExtra(extra);
        Flow.Moved<State.Code> moved = flow.move(Statements.of(tx), id, move);
        return moved.step().from();
    }

    /** The steps of a node, in order. */
    public static List<Map<String, Object>> list(TransactionContext tx, String label, String id) {
        return new Flow<>(Trail.casework(label), Transitions.ofCodes(Map.of())).history(Statements.of(tx), id).stream()
                .map(Step::asMap).toList();
    }
}

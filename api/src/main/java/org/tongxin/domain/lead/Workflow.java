package org.tongxin.domain.lead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.problem.Check;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.Statements;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.domain.workflow.Transactions;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;

/**
 * Moves a lead along {@link LeadStatus} with the one workflow engine ({@link Flow}): each step is a
 * {@code (:Lead)-[:ACTION]->(:LeadAction)} node with who, when, from, to, the note and the department, written in
 * the same transaction as the new status after the lead is locked ({@code workflowSeq}), so two prosecutors acting
 * at once cannot both move it from the same status. Notes are sealed at rest (the analysts' console reads the
 * graph) and shown opened with identity and phone numbers masked, as orders' steps are.
 */
public final class Workflow {

    /** A requested step: target status code, who, a note, and for a referral the department code. */
    public record Step(String to, String by, String note, String department) {
    }

    /** One entry of a lead's history as the API shows it ({@code kind} status or report). */
    public record LeadAction(long seq, String at, String by, String from, String to, String note, String department,
                             String kind) {

        static LeadAction of(org.tongxin.domain.workflow.Step s, Pseudonyms p) {
            Object dept = s.extra("department");
            return new LeadAction(s.seq(), s.at(), s.by(), s.from(), s.to(), Masking.text(p, s.note()),
                    dept == null ? null : dept.toString(), s.kind());
        }
    }

    /** A lead after a step: its status and its whole history. */
    public record Moved(String ref, String status, List<LeadAction> actions) {
    }

    static final Flow<LeadStatus> FLOW = new Flow<>(Trail.lead(), LeadStatus.STEPS);

    private final Transactions transactions;
    private final Pseudonyms pseudonyms;
    private final Runnable onChange;

    /** {@code onChange} runs after every step and report (to drop cached lists). */
    public Workflow(Transactions transactions, Pseudonyms pseudonyms, Runnable onChange) {
        this.transactions = transactions;
        this.pseudonyms = pseudonyms;
        this.onChange = onChange;
    }

    /** Over the store's driver transactions. */
    public Workflow(GraphStore store, Runnable onChange) {
        this(Transactions.over(store), store.pseudonyms(), onChange);
    }

    /** A note as stored: sealed, an empty one left empty. */
    private String sealed(String note) {
        return note.isEmpty() ? note : pseudonyms.seal(PiiKind.TEXT, note);
    }

    public Moved move(String ref, Step step) {
        LeadStatus to = LeadStatus.of(step.to() == null ? "" : step.to())
                .orElseThrow(() -> Problem.invalid("workflow.lead-status", LeadStatus.codes().stream().sorted().toList()));
        String by = step.by() == null ? "" : step.by().strip();
        if (by.isEmpty() || by.length() > 64) {
            throw Problem.invalid("workflow.by");
        }
        String note = step.note() == null ? "" : Check.text(step.note(), "note", 4000, false);
        if (to == LeadStatus.DISMISSED && note.isEmpty()) {
            throw Problem.invalid("workflow.dismissal-reason");
        }
        String department = step.department() == null || step.department().isBlank() ? null : step.department().strip();
        if (to == LeadStatus.REFERRED && (department == null || !Departments.known(department))) {
            throw Problem.invalid("workflow.referral-department", Departments.all().keySet());
        }
        if (to != LeadStatus.REFERRED && department != null) {
            throw Problem.invalid("workflow.department-only-referral");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("department", department);
        Map<String, Object> node = to == LeadStatus.REFERRED ? Map.of("referredTo", department) : Map.of();
        Moved moved = transactions.write(tx -> {
            FLOW.move(tx, ref, Flow.Move.to(to, null, by, sealed(note)).withExtra(extra).withNode(node));
            return new Moved(ref, to.code(), history(tx, ref));
        });
        onChange.run();
        return moved;
    }

    /** A department's report on a lead referred to it: recorded as an action that does not change the status. */
    public Moved report(String ref, String by, String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw Problem.invalid("workflow.report-note");
        }
        Moved result = transactions.write(tx -> {
            Flow.Moved<LeadStatus> m = FLOW.move(tx, ref, Flow.Move.<LeadStatus>keep("report", by, sealed(text))
                    .copying("department", "referredTo"));
            return new Moved(ref, m.step().to(), history(tx, ref));
        });
        onChange.run();
        return result;
    }

    /** A lead's history, oldest first, notes opened and masked. */
    private List<LeadAction> history(Statements tx, String ref) {
        return FLOW.history(tx, ref).stream().map(s -> LeadAction.of(s, pseudonyms)).toList();
    }
}

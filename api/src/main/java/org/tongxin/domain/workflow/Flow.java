package org.tongxin.domain.workflow;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import org.tongxin.domain.problem.Localized;
import org.tongxin.domain.problem.Messages;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.mapping.Labels;
import org.tongxin.model.time.LegalAge;

/**
 * The one workflow engine: moves a node of one kind of casework ({@link Trail}) along its {@link Transitions} and
 * keeps its history of {@link Step}s. A move, inside the caller's transaction:
 * <ol>
 *   <li>locks the node by incrementing its step counter (a second transaction moving the same node waits here
 *       until the first commits, then sees the status the first wrote);</li>
 *   <li>checks the node's current status against the transitions ({@code workflow.not-allowed}, a conflict,
 *       when the step is not allowed; {@code workflow.not-found} when there is no such node);</li>
 *   <li>writes the new status and the step node, numbered by the counter.</li>
 * </ol>
 * So of two people moving the same node from the same status at once, exactly one succeeds.
 */
public final class Flow<S extends State> {

    private static final Labels LABELS = Labels.bundled();

    /**
     * A requested step: {@code to} the new state, or null for a step that keeps the status (a report, a visit, a
     * note); {@code kind} as stored on the step (null: not stored); {@code extra} more fields of the step (a null
     * value is not stored); {@code node} properties set on the node in the same write; {@code copied} step fields
     * taken from the locked node's properties (step field → node property, e.g. a report's department).
     */
    public record Move<S extends State>(S to, String kind, String by, String note, Map<String, Object> extra,
                                        Map<String, Object> node, Map<String, String> copied) {

        public Move {
            extra = extra == null ? Map.of() : extra;
            node = node == null ? Map.of() : node;
            copied = copied == null ? Map.of() : copied;
        }

        /** A change of status. */
        public static <S extends State> Move<S> to(S to, String kind, String by, String note) {
            return new Move<>(Objects.requireNonNull(to), kind, by, note, Map.of(), Map.of(), Map.of());
        }

        /** A step that keeps the status. */
        public static <S extends State> Move<S> keep(String kind, String by, String note) {
            return new Move<>(null, kind, by, note, Map.of(), Map.of(), Map.of());
        }

        public Move<S> withExtra(Map<String, Object> more) {
            return new Move<>(to, kind, by, note, more, node, copied);
        }

        public Move<S> withNode(Map<String, Object> properties) {
            return new Move<>(to, kind, by, note, extra, properties, copied);
        }

        /** The step's {@code field} is the locked node's {@code property} (read in the same transaction). */
        public Move<S> copying(String field, String property) {
            Map<String, String> more = new LinkedHashMap<>(copied);
            more.put(field, property);
            return new Move<>(to, kind, by, note, extra, node, more);
        }
    }

    /** What a move did: the state it left, the one it reached, and the step it wrote. */
    public record Moved<S extends State>(S from, S to, Step step) {
    }

    private final Trail trail;
    private final Transitions<S> transitions;
    private final String lock;
    private final String write;
    private final String writeKeeping;
    private final String history;

    public Flow(Trail trail, Transitions<S> transitions) {
        this.trail = trail;
        this.transitions = transitions;
        String node = "(n:" + trail.label() + " {" + trail.key() + ": $id})";
        this.lock = "MATCH " + node + " SET n." + trail.counter() + " = coalesce(n." + trail.counter() + ", 0) + 1 "
                + "RETURN n.status AS status, n." + trail.counter() + " AS seq, properties(n) AS node";
        String step = "CREATE (n)-[:" + trail.relationship() + "]->(s:" + trail.stepLabel() + ") SET s = $step";
        this.write = "MATCH " + node + " SET n.status = $to, n.statusChangedAt = $at SET n += $node " + step;
        this.writeKeeping = "MATCH " + node + " SET n += $node " + step;
        this.history = "MATCH (:" + trail.label() + " {" + trail.key() + ": $id})-[:" + trail.relationship() + "]->(s:"
                + trail.stepLabel() + ") RETURN properties(s) AS s ORDER BY s.seq";
    }

    public Trail trail() {
        return trail;
    }

    public Transitions<S> transitions() {
        return transitions;
    }

    /** Locks the node, checks the step against its current status, writes the status and the step (see above). */
    public Moved<S> move(Statements tx, String id, Move<S> m) {
        List<Map<String, Object>> rows = tx.run(lock, Map.of("id", id));
        if (rows.isEmpty()) {
            throw Problem.notFound("workflow.not-found", noun(), id);
        }
        Object stored = rows.get(0).get("status");
        S from = transitions.stored(stored == null ? null : stored.toString());
        if (m.to() != null && !transitions.allows(from, m.to())) {
            throw Problem.conflict("workflow.not-allowed", noun(), name(from, stored), name(m.to(), null),
                    Localized.list(transitions.next(from).stream().map(s -> name(s, null)).toList()));
        }
        S to = m.to() == null ? from : m.to();
        LocalDateTime at = LocalDateTime.now(LegalAge.ZONE);
        if (trail.wholeSeconds()) {
            at = at.withNano(0);
        }
        Map<String, Object> step = new LinkedHashMap<>(m.extra());
        @SuppressWarnings("unchecked")
        Map<String, Object> locked = (Map<String, Object>) rows.get(0).get("node");
        m.copied().forEach((field, property) -> step.put(field, locked.get(property)));
        step.put("seq", ((Number) rows.get(0).get("seq")).longValue());
        step.put("at", at);
        step.put("by", m.by());
        step.put("from", code(from, stored));
        step.put("to", m.to() == null ? code(from, stored) : to.code());
        step.put("kind", m.kind());
        step.put("note", m.note() == null ? "" : m.note());
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("to", step.get("to"));
        p.put("at", at);
        p.put("node", m.node());
        p.put("step", step);
        tx.run(m.to() != null || trail.stampEveryStep() ? write : writeKeeping, p);
        Map<String, Object> written = new LinkedHashMap<>(step);
        written.values().removeIf(Objects::isNull);
        return new Moved<>(from, to, Step.of(written, "status"));
    }

    /** The node's steps, oldest first; a step stored without a kind is a {@code status} step. */
    public List<Step> history(Statements tx, String id) {
        return tx.run(history, Map.of("id", id)).stream().map(r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) r.get("s");
            return Step.of(s, "status");
        }).toList();
    }

    /** The stored code of {@code from}: the node's own when it had one, else the initial state's. */
    /** The kind of casework as messages name it (线索, 令状 …), from labels.yaml. */
    private Localized noun() {
        return new Localized(LABELS.kind(trail.label(), Messages.CHINESE), LABELS.kind(trail.label(), Locale.ENGLISH));
    }

    /** A status by its names; a stored code the kind does not know (or none) as it is. */
    private static Localized name(State s, Object stored) {
        if (s != null) {
            return new Localized(s.zh(), s.en());
        }
        String raw = stored == null ? "—" : stored.toString();
        return new Localized(raw, raw);
    }

    private static String code(State from, Object stored) {
        return from == null ? (stored == null ? null : stored.toString()) : from.code();
    }
}

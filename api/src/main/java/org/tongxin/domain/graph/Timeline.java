package org.tongxin.domain.graph;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.schema.Records;

/**
 * A person's events on a time axis, as i2 draws them: every record that names the person (a school enrolment, a
 * hotel stay, a netbar session, a hospital visit, a penalty, a traffic violation …), and the criminal cases the
 * person is a party of, each dated by its dataset's event property (its end too, for stays and sessions), labelled
 * with the dataset's Chinese name and pointing at its record node, whose source row the explorer shows. Records
 * without a date are listed apart. Oldest first; capped; record numbers masked.
 */
public final class Timeline {

    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 2000;

    /** The person, the dated events (oldest first, at most {@code limit}), the undated records, the counts. */
    public record PersonTimeline(GNode person, List<TimelineEvent> events, List<TimelineEvent> undated, long total,
                                 int limit, boolean capped, String first, String last) {
    }

    /**
     * One event: its record node ({@code record}, for the source row), record number (masked), dataset, its Chinese
     * name ({@code title}) and department; how the record names the person ({@code relation} and its Chinese name,
     * and for a case the person's part, {@code role}); when ({@code at}, and {@code end} for what lasts, ISO local
     * date or date-time; a value recorded without a time of day is a date); and the place it happened, if any.
     */
    public record TimelineEvent(String record, String rid, String dataset, String title, String department,
                                String relation, String relationZh, String role, String at, String end,
                                String place) {
    }

    private final GraphStore store;
    private final Kinds kinds;
    private final GraphQueries graph;

    public Timeline(GraphStore store, Kinds kinds, GraphQueries graph) {
        this.store = store;
        this.kinds = kinds;
        this.graph = graph;
    }

    /** The timeline of a person node; 404 when there is no such node or it is not a person. */
    public PersonTimeline of(String personNode, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.invalid("graph.limit", MAX_LIMIT);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", personNode == null ? "" : personNode);
        p.put("start", kinds.eventProperties());
        p.put("end", kinds.eventEndProperties());
        p.put("limit", limit);
        return store.read(tx -> {
            var person = tx.run("MATCH (p:Person) WHERE elementId(p) = $id RETURN p", p).list();
            if (person.isEmpty()) {
                throw Problem.notFound("graph.person-not-found", personNode);
            }
            var row = tx.run("""
                    MATCH (p:Person) WHERE elementId(p) = $id
                    CALL (p) {
                      MATCH (r:Record)-[x]->(p) RETURN r, type(x) AS rel, x.role AS role
                      UNION
                      MATCH (p)<-[x:PARTY]-(:CaseParty)-[:IN_CASE]->(:Case)<-[:FILES]-(r:CriminalCase)
                      RETURN r, 'PARTY' AS rel, x.role AS role
                    }
                    WITH r, rel, role, head([l IN labels(r) WHERE l <> 'Record']) AS label
                    WITH r, rel, role, label, $start[label] AS sp, $end[label] AS ep
                    WITH r, rel, role, label, CASE WHEN sp IS NULL THEN null ELSE r[sp] END AS at,
                         CASE WHEN sp IS NULL THEN null ELSE r[sp + 'HasTime'] END AS atHasTime,
                         CASE WHEN ep IS NULL THEN null ELSE r[ep] END AS end,
                         CASE WHEN ep IS NULL THEN null ELSE r[ep + 'HasTime'] END AS endHasTime
                    OPTIONAL MATCH (r)-[:AT]->(place)
                    WITH r, rel, role, at, atHasTime, end, endHasTime, head(collect(place.name)) AS place
                    ORDER BY toString(at), r.rid, rel
                    WITH collect({r: r, rel: rel, role: role, at: at, atHasTime: atHasTime, end: end,
                                  endHasTime: endHasTime, place: place}) AS all
                    WITH [e IN all WHERE e.at IS NOT NULL] AS dated, [e IN all WHERE e.at IS NULL] AS undated
                    RETURN size(dated) AS total, dated[0..$limit] AS events, undated[0..$limit] AS undated,
                           CASE WHEN size(dated) = 0 THEN null ELSE dated[0].at END AS first,
                           CASE WHEN size(dated) = 0 THEN null ELSE dated[size(dated) - 1].at END AS last
                    """, p).single();
            long total = row.get("total").asLong();
            return new PersonTimeline(graph.node(person.get(0).get("p").asNode()), events(row.get("events")),
                    events(row.get("undated")), total, limit, total > limit, when(row.get("first"), null),
                    when(row.get("last"), null));
        });
    }

    private List<TimelineEvent> events(Value list) {
        List<TimelineEvent> out = new ArrayList<>();
        for (Value e : list.values()) {
            Node r = e.get("r").asNode();
            List<String> labels = Values.labels(r);
            var mapping = kinds.dataset(labels);
            String rel = e.get("rel").asString();
            out.add(new TimelineEvent(r.elementId(), Masking.text(store.pseudonyms(), r.get(Records.RID).asString("")),
                    r.get(Records.DATASET).asString(null), kinds.kindZh(labels),
                    mapping.map(m -> m.department()).orElse(null), rel, Relations.zh(rel),
                    e.get("role").isNull() ? null : e.get("role").asString(null),
                    when(e.get("at"), e.get("atHasTime")), when(e.get("end"), e.get("endHasTime")),
                    e.get("place").isNull() ? null : e.get("place").asString(null)));
        }
        return out;
    }

    /** A date or date-time as ISO text; a timestamp recorded without its time of day is written as its date. */
    private static String when(Value v, Value hasTime) {
        if (v == null || v.isNull()) {
            return null;
        }
        Object o = v.asObject();
        if (o instanceof LocalDateTime t) {
            boolean timed = hasTime == null || hasTime.isNull() || hasTime.asBoolean(true);
            return timed ? t.truncatedTo(ChronoUnit.SECONDS).toString() : t.toLocalDate().toString();
        }
        if (o instanceof LocalDate d) {
            return d.toString();
        }
        return String.valueOf(o);
    }
}

package org.tongxin.domain.lead;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.EvidencePaths;
import org.tongxin.model.lead.LeadKey;
import org.tongxin.analytics.model.Models;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.graph.Kinds;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Values;
import org.tongxin.domain.law.LegalBasis;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.user.Role;
import org.tongxin.ingest.store.GraphStore;

/**
 * Leads as the workbench reads them: a filtered, paged list with counts per model, status and severity, and one
 * lead in full — rules with their legal basis and article texts, workflow, evidence records with their source
 * rows, and the evidence graph. Keys, summaries and rows leave masked.
 */
public final class LeadQueries {

    /**
     * The filters of the list; every field optional. {@code current} keeps only leads that still hold;
     * {@code referredTo} keeps only leads referred to that department (the scope of department staff).
     */
    public record Filter(Optional<String> model, Optional<String> rule, Optional<String> severity,
                         Optional<String> status, Optional<LocalDate> from, Optional<LocalDate> to,
                         Optional<String> place, boolean current, Optional<String> referredTo) {
    }

    private record ListKey(Filter filter, int page, int size) {
    }

    private final GraphStore store;
    private final Kinds kinds;
    private final LegalBasis legalBasis;
    /** Lists for a few seconds (dropped at once when a lead's workflow moves), evidence graphs for a minute. */
    private final Cache<ListKey, LeadPage> lists = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();
    private final Cache<String, EvidenceGraph> graphs = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(60)).build();

    public LeadQueries(GraphStore store, Kinds kinds, LegalBasis legalBasis) {
        this.store = store;
        this.kinds = kinds;
        this.legalBasis = legalBasis;
    }

    /** Forgets cached lists, after a workflow step. */
    public void invalidate() {
        lists.invalidateAll();
    }

    /** One page of the list, each lead's subject as the explorer shows it (identity and phone numbers masked). */
    public LeadPage list(Filter f, int page, int size) {
        return lists.get(new ListKey(f, page, size), k -> query(f, page, size));
    }

    /**
     * The list with these filters for a download: the first {@code max} leads in the list's order (all pages), with
     * the counts and total of all that match (so the caller can tell that some were left out), each subject as it
     * may leave for the exporting role ({@link LeadSubject#exportedFor}). Not cached.
     */
    public LeadPage export(Filter f, int max, Role exporter) {
        LeadPage p = query(f, 1, max);
        return new LeadPage(p.total(), p.page(), p.size(), p.countsByModel(), p.countsByStatus(), p.countsBySeverity(),
                p.items().stream().map(i -> i.exportedFor(exporter)).toList());
    }

    private LeadPage query(Filter f, int page, int size) {
        Map<String, Object> p = new HashMap<>();
        p.put("model", f.model().orElse(null));
        p.put("rule", f.rule().orElse(null));
        p.put("severity", f.severity().orElse(null));
        p.put("status", f.status().orElse(null));
        p.put("from", f.from().orElse(null));
        p.put("to", f.to().orElse(null));
        p.put("place", f.place().orElse(null));
        p.put("current", f.current());
        p.put("referredTo", f.referredTo().orElse(null));
        p.put("eventProps", kinds.eventProperties());
        p.put("skip", (long) (page - 1) * size);
        p.put("size", size);
        return store.read(tx -> {
            Record r = tx.run("""
                    MATCH (l:Lead)
                    WHERE (NOT $current OR l.holds)
                      AND ($referredTo IS NULL OR l.referredTo = $referredTo)
                      AND ($model IS NULL OR l.model = $model)
                      AND ($rule IS NULL OR $rule IN l.rules)
                      AND ($severity IS NULL OR l.severity = $severity)
                      AND ($status IS NULL OR l.status = $status)
                      AND ($place IS NULL OR EXISTS {
                            MATCH (l)-[:EVIDENCE]->(:Record)-->(v) WHERE (v:Venue OR v:Unit)
                              AND (v.code = $place OR v.name CONTAINS $place OR v.address CONTAINS $place) })
                      AND ($from IS NULL AND $to IS NULL OR EXISTS {
                            MATCH (l)-[:EVIDENCE]->(e:Record)
                            WITH e, head([x IN labels(e) WHERE x <> 'Record']) AS label
                            WITH date(e[$eventProps[label]]) AS day WHERE day IS NOT NULL
                              AND ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to) })
                    WITH l ORDER BY CASE l.severity WHEN 'red' THEN 0 ELSE 1 END, l.lastSeenAt DESC, l.key
                    WITH collect(l) AS found
                    RETURN size(found) AS total,
                           [x IN found | x.model] AS models, [x IN found | x.status] AS statuses,
                           [x IN found | x.severity] AS severities,
                           [x IN found[$skip..$skip + $size] | x {.ref, .key, .model, .rules, .severity, .status,
                               .summary, .firstRaisedAt, .lastSeenAt, .holds, .clearedAt, .referredTo}] AS items
                    """, p).single();
            List<Object> found = r.get("items").asList(Values::plain);
            Map<String, LeadSubject> subjects = subjects(tx, found.stream()
                    .map(item -> str((Map<?, ?>) item, "key")).filter(k -> k != null).toList());
            List<LeadItem> items = new ArrayList<>();
            found.forEach(item -> items.add(item(masked(item), subjects.get(str((Map<?, ?>) item, "key")))));
            return new LeadPage(r.get("total").asLong(), page, size,
                    counts(r.get("models").asList(v -> v.asString(""))),
                    counts(r.get("statuses").asList(v -> v.asString(""))),
                    counts(r.get("severities").asList(v -> v.asString(""))), items);
        });
    }

    /** One lead in full, by its ref. */
    public LeadDetail detail(String ref) {
        LeadSummary lead = summary(ref);
        Model model = Models.byId(lead.model()).orElseThrow();
        List<LeadDetail.RuleDetail> rules = new ArrayList<>();
        for (String id : lead.rules()) {
            model.rule(id).ifPresent(rule -> rules.add(new LeadDetail.RuleDetail(rule.id(),
                    rule.severity().name().toLowerCase(), rule.zh(), rule.legalBasis(),
                    legalBasis.resolve(rule.legalBasis()))));
        }
        LeadStatus status = LeadStatus.of(lead.status()).orElse(LeadStatus.NEW);
        List<LeadDetail.NextStatus> next = status.next().stream()
                .map(s -> new LeadDetail.NextStatus(s.code(), s.zh())).toList();
        record Trail(List<LeadDetail.ActionEntry> actions, List<LeadDetail.EvidenceRecord> evidence) {
        }
        Trail trail = store.read(tx -> new Trail(
                tx.run("""
                        MATCH (:Lead {ref: $ref})-[:ACTION]->(a:LeadAction)
                        RETURN a.seq AS seq, a.at AS at, a.by AS by, a.from AS from, a.to AS to, a.note AS note,
                               a.department AS department, coalesce(a.kind, 'status') AS kind ORDER BY a.seq
                        """, Map.of("ref", ref)).list(x -> new LeadDetail.ActionEntry(
                        x.get("seq").isNull() ? null : x.get("seq").asLong(), text(x.get("at")), text(x.get("by")),
                        text(x.get("from")), text(x.get("to")), Masking.text(store.pseudonyms(), text(x.get("note"))),
                        text(x.get("department")),
                        text(x.get("kind")))),
                tx.run("""
                        MATCH (:Lead {ref: $ref})-[:EVIDENCE]->(r:Record)
                        RETURN elementId(r) AS id, r.rid AS rid, labels(r) AS labels ORDER BY r.rid
                        """, Map.of("ref", ref)).list(x -> new LeadDetail.EvidenceRecord(x.get("id").asString(),
                        Masking.text(store.pseudonyms(), x.get("rid").asString()),
                        kinds.kindZh(x.get("labels").asList(v -> v.asString()))))));
        return new LeadDetail(lead.ref(), lead.key(), lead.model(), lead.rules(), lead.severity(), lead.status(),
                lead.summary(), lead.legalBasis(), lead.firstRaisedAt(), lead.lastSeenAt(), lead.holds(),
                lead.clearedAt(), lead.history(), lead.asOf(), lead.engine(), lead.referredTo(), lead.modelTitle(),
                status.zh(), lead.referredToZh(), rules, next, trail.actions(), trail.evidence(),
                evidenceGraph(lead.rawKey()));
    }

    /** The lead's own fields (masked) plus its raw key, for the services that build on a lead (orders, exports). */
    public LeadSummary summary(String ref) {
        List<Record> rows = store.read(tx -> tx.run("""
                MATCH (l:Lead {ref: $ref})
                RETURN l {.ref, .key, .model, .rules, .severity, .status, .summary, .legalBasis, .firstRaisedAt,
                          .lastSeenAt, .holds, .clearedAt, .history, .asOf, .engine, .referredTo} AS l
                """, Map.of("ref", ref)).list());
        if (rows.isEmpty()) {
            throw Problem.notFound("lead.not-found", ref);
        }
        Object l = Values.plain(rows.get(0).get("l"));
        Map<?, ?> m = masked(l);
        return new LeadSummary(str(m, "ref"), str(m, "key"), str(m, "model"), strings(m, "rules"),
                str(m, "severity"), str(m, "status"), str(m, "summary"), strings(m, "legalBasis"),
                str(m, "firstRaisedAt"), str(m, "lastSeenAt"), (Boolean) m.get("holds"), str(m, "clearedAt"),
                strings(m, "history"), str(m, "asOf"), str(m, "engine"), str(m, "referredTo"), modelTitle(m),
                statusZh(m), referredToZh(m), str(((Map<?, ?>) l), "key"));
    }

    /**
     * Where a lead stands among the leads first raised in the same year, oldest first (ties by key): the sequence of
     * its case-file number. Leads are never deleted (cleared ones stay), so the number of a lead does not change.
     */
    public long yearSequence(String ref) {
        var rows = store.read(tx -> tx.run("""
                MATCH (l:Lead {ref: $ref})
                MATCH (o:Lead) WHERE o.firstRaisedAt.year = l.firstRaisedAt.year
                  AND (o.firstRaisedAt < l.firstRaisedAt OR o.firstRaisedAt = l.firstRaisedAt AND o.key <= l.key)
                RETURN count(o) AS n
                """, Map.of("ref", ref)).list());
        return rows.isEmpty() ? 0 : rows.get(0).get("n").asLong();
    }

    /** The ref of a lead given its key. */
    public String refOf(String key) {
        var rows = store.read(tx -> tx.run("MATCH (l:Lead {key: $key}) RETURN l.ref AS ref",
                Map.of("key", Masking.sealKeyIds(store.pseudonyms(), key))).list());
        if (rows.isEmpty()) {
            throw Problem.notFound("lead.key-not-found");
        }
        return rows.get(0).get("ref").asString();
    }

    /** The evidence graph: lead → records → the people, places and objects they name. */
    public EvidenceGraph evidenceGraph(String key) {
        return graphs.get(key, this::loadGraph);
    }

    private EvidenceGraph loadGraph(String key) {
        EvidencePaths.Path path = EvidencePaths.of(store, key).orElseThrow(() -> Problem.notFound("lead.key-not-found"));
        String subject = subject(path, key);
        Map<String, PersonRole> roles = LeadRoles.of(LeadKey.parse(key).model(), path, subject);
        List<EvidenceGraph.EvidenceNode> nodes = new ArrayList<>();
        for (EvidencePaths.PathNode n : path.nodes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) Values.plain(n.properties());
            @SuppressWarnings("unchecked")
            Map<String, Object> masked = (Map<String, Object>) Masking.value(store.pseudonyms(), props);
            nodes.add(EvidenceGraph.EvidenceNode.of(new GNode(n.id(), n.labels(), Kinds.kind(n.labels()),
                    kinds.kindZh(n.labels()), kinds.caption(n.labels(), masked), masked), roles.get(n.id())));
        }
        List<GEdge> edges = path.edges().stream()
                .map(e -> new GEdge(e.id(), e.type(), e.from(), e.to(), Map.of())).toList();
        return new EvidenceGraph(nodes, edges, subject);
    }

    /** Relationship types from a record to the person it is about (the minor, in most rules). */
    private static final List<String> ABOUT = List.of("VICTIM", "PATIENT", "GUEST", "USER", "FOUND", "STUDENT",
            "EMPLOYEE", "BUS", "STATUS_OF", "CONCERNS");

    /**
     * The node a lead is about, read from its key: a person or vehicle named in the key, else the person a keyed
     * record is about (the victim, patient, guest …), else the record itself.
     */
    static String subject(EvidencePaths.Path path, String key) {
        LeadKey parts = LeadKey.parse(key);
        Optional<String> named = parts.subject();
        String recordNo = parts.record();
        for (EvidencePaths.PathNode n : path.nodes()) {
            if (named.isPresent() && (n.labels().contains("Person") && named.get().equals(n.properties().get("id"))
                    || n.labels().contains("Vehicle") && named.get().equals(n.properties().get("plate")))) {
                return n.id();
            }
        }
        for (EvidencePaths.PathNode n : path.nodes()) {
            if (n.labels().contains("Record") && recordNo != null && recordNo.equals(n.properties().get("key"))) {
                for (String type : ABOUT) {
                    for (EvidencePaths.PathEdge e : path.edges()) {
                        if (e.from().equals(n.id()) && e.type().equals(type)) {
                            return e.to();
                        }
                    }
                }
                return n.id();
            }
        }
        return path.nodes().stream().filter(n -> !n.labels().contains("Lead")).map(EvidencePaths.PathNode::id)
                .findFirst().orElse(path.nodes().get(0).id());
    }

    /** A lead's fields from the store, identity numbers and other tokens masked. */
    private Map<?, ?> masked(Object item) {
        return (Map<?, ?>) Masking.value(store.pseudonyms(), item);
    }

    private static LeadItem item(Map<?, ?> m, LeadSubject subject) {
        return new LeadItem(str(m, "ref"), str(m, "key"), str(m, "model"), strings(m, "rules"), str(m, "severity"),
                str(m, "status"), str(m, "summary"), str(m, "firstRaisedAt"), str(m, "lastSeenAt"),
                (Boolean) m.get("holds"), str(m, "clearedAt"), str(m, "referredTo"), modelTitle(m), statusZh(m),
                referredToZh(m), subject);
    }

    /** Leads looked up together for their subjects. */
    private static final int SUBJECT_BATCH = 500;

    /**
     * The subject of each of these leads (by raw key), found as the evidence graph finds it ({@link #subject}) over
     * the lead's records and the nodes they point at, in batches; captions opened and masked as for any role (the
     * role's own rule for exports comes after, {@link LeadSubject#exportedFor}). A lead whose subject is only itself has none.
     */
    private Map<String, LeadSubject> subjects(TransactionContext tx, List<String> rawKeys) {
        Map<String, LeadSubject> out = new HashMap<>();
        for (int i = 0; i < rawKeys.size(); i += SUBJECT_BATCH) {
            List<String> batch = rawKeys.subList(i, Math.min(rawKeys.size(), i + SUBJECT_BATCH));
            Map<String, List<Record>> rows = new LinkedHashMap<>();
            tx.run("""
                    UNWIND $keys AS key
                    MATCH (l:Lead {key: key})
                    OPTIONAL MATCH (l)-[:EVIDENCE]->(r:Record)
                    OPTIONAL MATCH (r)-[x]->(e) WHERE NOT e:Lead
                    RETURN key, elementId(l) AS lid, elementId(r) AS rid, labels(r) AS rlabels, r.key AS rkey,
                           elementId(x) AS xid, type(x) AS type, elementId(e) AS eid, labels(e) AS elabels,
                           e {.id, .name, .plate, .code, .no, .key} AS eprops
                    """, Map.of("keys", batch)).list().forEach(row -> rows.computeIfAbsent(row.get("key").asString(),
                    k -> new ArrayList<>()).add(row));
            rows.forEach((key, list) -> {
                LeadSubject s = subjectOf(key, list);
                if (s != null) {
                    out.put(key, s);
                }
            });
        }
        return out;
    }

    /** The property a subject's caption is read from: a person's name (else the identity number), a plate, … */
    private static String captionProperty(String kind, Map<?, ?> props) {
        return switch (kind) {
            case "Person" -> str(props, "name") != null && !str(props, "name").isBlank() ? "name" : "id";
            case "Venue", "Unit" -> str(props, "name") != null && !str(props, "name").isBlank() ? "name" : "code";
            case "Vehicle" -> "plate";
            case "Record" -> "key";
            default -> str(props, "no") != null ? "no" : "name";
        };
    }

    private LeadSubject subjectOf(String key, List<Record> rows) {
        Map<String, EvidencePaths.PathNode> nodes = new LinkedHashMap<>();
        Map<String, EvidencePaths.PathEdge> edges = new LinkedHashMap<>();
        String lead = rows.get(0).get("lid").asString();
        nodes.put(lead, new EvidencePaths.PathNode(lead, List.of("Lead"), Map.of()));
        for (Record row : rows) {
            if (row.get("rid").isNull()) {
                continue;
            }
            String rid = row.get("rid").asString();
            Map<String, Object> rprops = new HashMap<>();
            if (!row.get("rkey").isNull()) {
                rprops.put("key", Values.plain(row.get("rkey")));
            }
            nodes.putIfAbsent(rid, new EvidencePaths.PathNode(rid, row.get("rlabels").asList(Value::asString), rprops));
            if (!row.get("eid").isNull()) {
                String eid = row.get("eid").asString();
                Map<String, Object> eprops = new HashMap<>();
                ((Map<?, ?>) Values.plain(row.get("eprops"))).forEach((k, v) -> {
                    if (v != null) {
                        eprops.put(k.toString(), v);
                    }
                });
                nodes.putIfAbsent(eid, new EvidencePaths.PathNode(eid, row.get("elabels").asList(Value::asString), eprops));
                String xid = row.get("xid").asString();
                edges.putIfAbsent(xid, new EvidencePaths.PathEdge(xid, row.get("type").asString(), rid, eid));
            }
        }
        EvidencePaths.PathNode n = nodes.get(subject(new EvidencePaths.Path(key, List.copyOf(nodes.values()),
                List.copyOf(edges.values())), key));
        String kind = n == null ? "Lead" : Kinds.kind(n.labels());
        if (kind.equals("Lead")) {
            return null;
        }
        Map<?, ?> shown = (Map<?, ?>) Masking.value(store.pseudonyms(), n.properties());
        String property = captionProperty(kind, shown);
        String caption = str(shown, property);
        if (caption == null || caption.isBlank()) {
            return null;
        }
        // Opened from a token or masked by shape (an identity number in place of a name): shown masked.
        return new LeadSubject(kind, kinds.kindZh(n.labels()), caption, !caption.equals(str(n.properties(), property)));
    }


    private static String modelTitle(Map<?, ?> m) {
        return Models.byId(str(m, "model")).map(Model::title).orElse(null);
    }

    private static String statusZh(Map<?, ?> m) {
        String status = str(m, "status");
        return status == null ? null : LeadStatus.of(status).map(LeadStatus::zh).orElse(null);
    }

    private static String referredToZh(Map<?, ?> m) {
        String dept = str(m, "referredTo");
        return dept == null ? null : Departments.all().get(dept);
    }

    private static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static List<String> strings(Map<?, ?> m, String key) {
        return m.get(key) instanceof List<?> l ? l.stream().map(x -> x == null ? null : x.toString()).toList() : null;
    }

    private static String text(Value v) {
        return v == null || v.isNull() ? null : String.valueOf(Values.plain(v));
    }

    private static Map<String, Long> counts(List<String> values) {
        Map<String, Long> out = new TreeMap<>();
        values.forEach(v -> out.merge(v, 1L, Long::sum));
        return out;
    }
}

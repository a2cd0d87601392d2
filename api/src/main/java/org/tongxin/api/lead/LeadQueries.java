package org.tongxin.api.lead;

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
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.EvidencePaths;
import org.tongxin.analytics.model.Models;
import org.tongxin.api.graph.GraphView.GEdge;
import org.tongxin.api.graph.GraphView.GNode;
import org.tongxin.api.graph.Kinds;
import org.tongxin.api.graph.Masking;
import org.tongxin.api.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.law.LegalBasis;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.lead.LeadKey;

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
    private final Cache<ListKey, Map<String, Object>> lists = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofSeconds(5)).build();
    private final Cache<String, Map<String, Object>> graphs = Caffeine.newBuilder().maximumSize(10_000)
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

    public Map<String, Object> list(Filter f, int page, int size) {
        return lists.get(new ListKey(f, page, size), k -> query(f, page, size));
    }

    private Map<String, Object> query(Filter f, int page, int size) {
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
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> {
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
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("total", r.get("total").asLong());
                out.put("page", page);
                out.put("size", size);
                out.put("countsByModel", counts(r.get("models").asList(v -> v.asString(""))));
                out.put("countsByStatus", counts(r.get("statuses").asList(v -> v.asString(""))));
                out.put("countsBySeverity", counts(r.get("severities").asList(v -> v.asString(""))));
                List<Object> items = new ArrayList<>();
                r.get("items").asList(v -> Values.plain(v)).forEach(item -> items.add(describe(item)));
                out.put("items", items);
                return out;
            });
        }
    }

    /** One lead in full, by its ref. */
    public Map<String, Object> detail(String ref) {
        Map<String, Object> lead = summary(ref);
        String key = (String) lead.get("rawKey");
        lead.remove("rawKey");
        Model model = Models.byId((String) lead.get("model")).orElseThrow();
        List<Map<String, Object>> rules = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> ruleIds = (List<String>) lead.get("rules");
        for (String id : ruleIds) {
            model.rule(id).ifPresent(rule -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", rule.id());
                m.put("severity", rule.severity().name().toLowerCase());
                m.put("zh", rule.zh());
                m.put("legalBasis", rule.legalBasis());
                m.put("articles", legalBasis.resolve(rule.legalBasis()));
                rules.add(m);
            });
        }
        lead.put("ruleDetails", rules);
        LeadStatus status = LeadStatus.of((String) lead.get("status")).orElse(LeadStatus.NEW);
        lead.put("statusZh", status.zh());
        lead.put("next", status.next().stream().map(s -> Map.of("code", s.code(), "zh", s.zh())).toList());
        try (Session s = store.driver().session(store.session())) {
            s.executeRead(tx -> {
                lead.put("actions", Workflow.actions(tx, ref));
                lead.put("evidence", tx.run("""
                        MATCH (:Lead {ref: $ref})-[:EVIDENCE]->(r:Record)
                        RETURN elementId(r) AS id, r.rid AS rid, labels(r) AS labels ORDER BY r.rid
                        """, Map.of("ref", ref)).list(x -> Map.of("id", x.get("id").asString(),
                        "rid", Masking.text(store.pseudonyms(), x.get("rid").asString()),
                        "title", kinds.kindZh(x.get("labels").asList(v -> v.asString())))));
                return null;
            });
        }
        lead.put("graph", evidenceGraph(key));
        return lead;
    }

    /** The lead's own fields (masked) plus its raw key under "rawKey", for internal use by exports. */
    public Map<String, Object> summary(String ref) {
        try (Session s = store.driver().session(store.session())) {
            List<Record> rows = s.executeRead(tx -> tx.run("""
                    MATCH (l:Lead {ref: $ref})
                    RETURN l {.ref, .key, .model, .rules, .severity, .status, .summary, .legalBasis, .firstRaisedAt,
                              .lastSeenAt, .holds, .clearedAt, .history, .asOf, .engine, .referredTo} AS l
                    """, Map.of("ref", ref)).list());
            if (rows.isEmpty()) {
                throw new ApiException.NotFound("no lead " + ref);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> l = (Map<String, Object>) Values.plain(rows.get(0).get("l"));
            Map<String, Object> out = describe(l);
            out.put("rawKey", l.get("key"));
            return out;
        }
    }

    /**
     * Where a lead stands among the leads first raised in the same year, oldest first (ties by key): the sequence of
     * its case-file number. Leads are never deleted (cleared ones stay), so the number of a lead does not change.
     */
    public long yearSequence(String ref) {
        try (Session s = store.driver().session(store.session())) {
            var rows = s.executeRead(tx -> tx.run("""
                    MATCH (l:Lead {ref: $ref})
                    MATCH (o:Lead) WHERE o.firstRaisedAt.year = l.firstRaisedAt.year
                      AND (o.firstRaisedAt < l.firstRaisedAt OR o.firstRaisedAt = l.firstRaisedAt AND o.key <= l.key)
                    RETURN count(o) AS n
                    """, Map.of("ref", ref)).list());
            return rows.isEmpty() ? 0 : rows.get(0).get("n").asLong();
        }
    }

    /** The ref of a lead given its key. */
    public String refOf(String key) {
        try (Session s = store.driver().session(store.session())) {
            var rows = s.run("MATCH (l:Lead {key: $key}) RETURN l.ref AS ref",
                    Map.of("key", Masking.sealClearIds(store.pseudonyms(), key))).list();
            if (rows.isEmpty()) {
                throw new ApiException.NotFound("no lead with that key");
            }
            return rows.get(0).get("ref").asString();
        }
    }

    /** The evidence graph: lead → records → the people, places and objects they name. */
    public Map<String, Object> evidenceGraph(String key) {
        return graphs.get(key, this::loadGraph);
    }

    private Map<String, Object> loadGraph(String key) {
        EvidencePaths.Path path = EvidencePaths.of(store, key).orElseThrow(() -> new ApiException.NotFound("no lead"));
        List<GNode> nodes = new ArrayList<>();
        for (EvidencePaths.PathNode n : path.nodes()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) Values.plain(n.properties());
            @SuppressWarnings("unchecked")
            Map<String, Object> masked = (Map<String, Object>) Masking.value(store.pseudonyms(), props);
            nodes.add(new GNode(n.id(), n.labels(), Kinds.kind(n.labels()), kinds.kindZh(n.labels()),
                    kinds.caption(n.labels(), masked), masked));
        }
        List<GEdge> edges = path.edges().stream()
                .map(e -> new GEdge(e.id(), e.type(), e.from(), e.to(), Map.of())).toList();
        return Map.of("nodes", nodes, "edges", edges, "subject", subject(path, key));
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

    private Map<String, Object> describe(Object item) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) Masking.value(store.pseudonyms(), item));
        Models.byId((String) m.get("model")).ifPresent(model -> m.put("modelTitle", model.title()));
        LeadStatus.of((String) m.get("status")).ifPresent(s -> m.put("statusZh", s.zh()));
        if (m.get("referredTo") != null) {
            m.put("referredToZh", Departments.all().get((String) m.get("referredTo")));
        }
        return m;
    }

    private static Map<String, Long> counts(List<String> values) {
        Map<String, Long> out = new java.util.TreeMap<>();
        values.forEach(v -> out.merge(v, 1L, Long::sum));
        return out;
    }
}

package org.tongxin.domain.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.load.SourceFiles;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.schema.Records;

/**
 * Reading the graph for the explorer: one node with its source row or provenance, one relationship with the
 * record it came from, a capped page of neighbours, and bounded shortest paths. Every value leaves masked.
 */
public final class GraphQueries {

    /** Neighbours per page when the caller does not say. */
    public static final int DEFAULT_PAGE = 25;
    /** Most neighbours one expansion returns; the explorer says how many more there are. */
    public static final int MAX_PAGE = 100;
    /** Longest path {@link #paths} searches. */
    public static final int MAX_PATH_LENGTH = 8;

    /** A page of neighbours: how many there are in all (after filters), and how many of each kind. */
    public record Neighbourhood(GNode centre, List<GNode> nodes, List<GEdge> edges, long total, int skip, int limit,
                                Map<String, Long> totalByKind, boolean capped) {
    }

    /** Shortest paths between two nodes, as the node ids of each path plus the drawn graph. */
    public record Paths(List<List<String>> paths, List<GNode> nodes, List<GEdge> edges, int maxLength) {
    }

    /**
     * A node with what proves it: for a record its original row ({@code source}), for a hub the record each
     * property came from ({@code provenance}); the other is left out.
     */
    public record NodeDetail(GNode node, long degree, @JsonInclude(JsonInclude.Include.NON_NULL) Source source,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<Provenance> provenance) {
    }

    /** A relationship, its two ends, and the record it belongs to with its source row (both left out when none). */
    public record EdgeDetail(GEdge edge, GNode from, GNode to, @JsonInclude(JsonInclude.Include.NON_NULL) GNode record,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Source source) {
    }

    /** A record and its original source row. */
    public record SourceRow(GNode record, Source source) {
    }

    /**
     * Where a record came from: its id, dataset (with the dataset's title and department when the mapping is known),
     * line, flags and file; when the file's header and the raw row are kept, the encoding, format and the row as
     * header → cell (masked unless opened for a reason).
     */
    public record Source(String rid, String dataset, @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String department, Long line, Object flags,
                         String file, @JsonInclude(JsonInclude.Include.NON_NULL) String encoding,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String format,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> row) {
    }

    /** The record a hub's property came from: the property, the record id (masked) and the record's node id. */
    public record Provenance(String property, String rid, String recordId) {
    }

    /** A minor assigned to a social worker or psychologist: the person node, the identity number (masked), the name. */
    public record AssignedMinor(String node, String id, String name) {
    }

    private final GraphStore store;
    private final Kinds kinds;

    public GraphQueries(GraphStore store, Kinds kinds) {
        this.store = store;
        this.kinds = kinds;
    }

    public GNode node(Node n) {
        return node(n, true);
    }

    @SuppressWarnings("unchecked")
    private GNode node(Node n, boolean mask) {
        Map<String, Object> props = Values.properties(n.asMap());
        List<String> labels = Values.labels(n);
        Map<String, Object> shown = (Map<String, Object>) (mask ? Masking.graphValue(store.pseudonyms(), props)
                : store.pseudonyms().revealAll(props, (kind, clear) -> clear));
        return new GNode(n.elementId(), labels, Kinds.kind(labels), kinds.kindZh(labels),
                kinds.caption(labels, shown), shown);
    }

    /** A relationship as the console shows it: its tokens only named, never opened (see {@link Masking#opaque}). */
    @SuppressWarnings("unchecked")
    public static GEdge edge(Relationship r) {
        return new GEdge(r.elementId(), r.type(), r.startNodeElementId(), r.endNodeElementId(),
                (Map<String, Object>) Masking.opaqueValue(Values.properties(r.asMap())));
    }

    /** A relationship as the explorer shows it: its values opened and masked. */
    @SuppressWarnings("unchecked")
    private GEdge shown(Relationship r) {
        return new GEdge(r.elementId(), r.type(), r.startNodeElementId(), r.endNodeElementId(),
                (Map<String, Object>) Masking.graphValue(store.pseudonyms(), Values.properties(r.asMap())));
    }

    /** Whether this element id is a person's node (the audit's filter by kind reads node ids of any kind). */
    public boolean isPersonNode(String nodeId) {
        return store.read(tx -> tx.run("MATCH (p:Person) WHERE elementId(p) = $id RETURN count(p) AS n",
                Map.of("id", nodeId)).single().get("n").asLong() > 0);
    }

    /**
     * The identity number of a person node: 404 when the node is no person, or when the person has no valid
     * identity number (only then is there nothing to key a profile or an assignment on).
     */
    public String personId(String nodeId) {
        Record row = store.read(tx -> single(tx.run("MATCH (p:Person) WHERE elementId(p) = $id RETURN p.id AS id",
                Map.of("id", nodeId == null ? "" : nodeId)).list(), "graph.person-not-found", nodeId));
        String id = row.get("id").asString(null);
        if (id == null) {
            throw Problem.notFound("graph.no-identity-number");
        }
        return store.pseudonyms().open(id).map(o -> o.value())
                .orElseThrow(() -> Problem.notFound("graph.identity-number-unreadable"));
    }

    /** The persons with these identity numbers (in clear), by identity number: their nodes, masked numbers, names. */
    public List<AssignedMinor> persons(List<String> identityNumbers) {
        return store.read(tx -> tx.run("MATCH (p:Person) WHERE p.id IN $ids RETURN elementId(p) AS node, p.id AS id, "
                        + "p.name AS name ORDER BY id", Map.of("ids", store.pseudonyms().sealAll(PiiKind.ID, identityNumbers)))
                .list(r -> new AssignedMinor(r.get("node").asString(), Masking.text(store.pseudonyms(), r.get("id").asString()),
                        r.get("name").asString(""))));
    }

    /** A node with what proves it: a record's original row, or for a hub the record each property came from. */
    public NodeDetail nodeDetail(String id) {
        return nodeDetail(id, true);
    }

    /**
     * The same, unmasked: for a prosecutor who states a reason (the caller audits it). Nothing else in the API
     * returns identity or mobile numbers in clear.
     */
    public NodeDetail nodeDetailUnmasked(String id) {
        return nodeDetail(id, false);
    }

    private NodeDetail nodeDetail(String id, boolean mask) {
        return store.read(tx -> {
            Record row = single(tx.run("MATCH (n) WHERE elementId(n) = $id RETURN n, COUNT { (n)--() } AS degree",
                    Map.of("id", id)).list(), "graph.node-not-found", id);
            Node n = row.get("n").asNode();
            boolean record = n.hasLabel(Records.LABEL);
            return new NodeDetail(node(n, mask), row.get("degree").asLong(), record ? source(tx, n, mask) : null,
                    record ? null : provenance(tx, n));
        });
    }

    /** A relationship, its two ends, and the source row of the record it belongs to. */
    public EdgeDetail edgeDetail(String id) {
        return store.read(tx -> {
            Record row = single(tx.run("""
                    MATCH (a)-[r]->(b) WHERE elementId(r) = $id
                    OPTIONAL MATCH (src:Record {rid: r.src})
                    RETURN a, r, b, src
                    """, Map.of("id", id)).list(), "graph.edge-not-found", id);
            Node a = row.get("a").asNode();
            Node b = row.get("b").asNode();
            Node record = !row.get("src").isNull() ? row.get("src").asNode()
                    : a.hasLabel(Records.LABEL) ? a : b.hasLabel(Records.LABEL) ? b : null;
            return new EdgeDetail(shown(row.get("r").asRelationship()), node(a), node(b),
                    record == null ? null : node(record), record == null ? null : source(tx, record, true));
        });
    }

    /** A record id as the store keeps it: identity numbers written in clear in it sealed. */
    public String sealedRid(String rid) {
        return Masking.sealClearIds(store.pseudonyms(), rid);
    }

    /** The original source row of a record: file, line, dataset, department, header → cell, flags. */
    public SourceRow sourceRow(String rid) {
        return store.read(tx -> {
            Record row = single(tx.run("MATCH (r:Record {rid: $rid}) RETURN r", Map.of("rid", sealedRid(rid))).list(),
                    "graph.record-not-found", Masking.text(rid));
            Node r = row.get("r").asNode();
            return new SourceRow(node(r), source(tx, r, true));
        });
    }

    @SuppressWarnings("unchecked")
    private Source source(TransactionContext tx, Node r, boolean mask) {
        String rid = mask ? Masking.text(store.pseudonyms(), r.get(Records.RID).asString())
                : store.pseudonyms().reveal(r.get(Records.RID).asString());
        var mapping = kinds.dataset(Values.labels(r));
        var header = tx.run("MATCH (f:SourceFile {sid: $sid}) RETURN f.header AS header, f.encoding AS encoding, "
                + "f.format AS format, f.file AS file", Map.of("sid", r.get(Records.SOURCE).asString(""))).list();
        String file = header.isEmpty() ? r.get(Records.FILE).asString(null) : header.get(0).get("file").asString(null);
        String encoding = null;
        String format = null;
        Map<String, Object> shownRow = null;
        if (!header.isEmpty() && !r.get(Records.RAW).isNull()) {
            encoding = header.get(0).get("encoding").asString(null);
            format = header.get(0).get("format").asString(null);
            Map<String, String> row = SourceFiles.originalRow(header.get(0).get("header").asString(), r.get(Records.RAW).asString());
            // A map of strings in, a map of strings out: masking and opening keep the shape.
            shownRow = (Map<String, Object>) (mask ? Masking.value(store.pseudonyms(), row)
                    : store.pseudonyms().revealAll(row, (kind, clear) -> clear));
        }
        return new Source(rid, r.get(Records.DATASET).asString(null), mapping.map(m -> m.title()).orElse(null),
                mapping.map(m -> m.department()).orElse(null),
                r.get(Records.LINE).isNull() ? null : r.get(Records.LINE).asLong(), Values.plain(r.get(Records.FLAGS)),
                file, encoding, format, shownRow);
    }

    private List<Provenance> provenance(TransactionContext tx, Node n) {
        Map<String, String> bySource = new LinkedHashMap<>();
        n.keys().forEach(k -> {
            if (k.startsWith(Records.VALUE_SRC_PREFIX)) {
                bySource.put(k.substring(Records.VALUE_SRC_PREFIX.length()), n.get(k).asString());
            }
        });
        if (bySource.isEmpty()) {
            return List.of();
        }
        Map<String, String> ids = new HashMap<>();
        tx.run("UNWIND $rids AS rid MATCH (r:Record {rid: rid}) RETURN rid, elementId(r) AS id",
                Map.of("rids", List.copyOf(new java.util.HashSet<>(bySource.values()))))
                .forEachRemaining(r -> ids.put(r.get("rid").asString(), r.get("id").asString()));
        return bySource.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new Provenance(e.getKey(),
                Masking.text(store.pseudonyms(), e.getValue()), ids.get(e.getValue()))).toList();
    }

    /**
     * One page of a node's neighbours, ordered by relationship type, kind and id so pages are stable. Filters:
     * neighbour kinds (hub labels, "Record", "Lead") and a time window applied to dated records by their event date
     * (a dated record whose date is unknown is outside any window; registers without dates are always shown).
     */
    public Neighbourhood neighbours(String id, List<String> kindFilter, Optional<LocalDate> from, Optional<LocalDate> to,
                                    int skip, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw Problem.invalid("graph.limit", MAX_PAGE);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("kinds", kindFilter.isEmpty() ? null : kindFilter);
        params.put("from", from.orElse(null));
        params.put("to", to.orElse(null));
        params.put("eventProps", kinds.eventProperties());
        params.put("skip", skip);
        params.put("limit", limit);
        return store.read(tx -> {
            Record centre = single(tx.run("MATCH (n) WHERE elementId(n) = $id RETURN n", params).list(),
                    "graph.node-not-found", id);
            List<Record> rows = tx.run("""
                    MATCH (n) WHERE elementId(n) = $id
                    MATCH (n)-[r]-(m)
                    WITH r, m,
                         CASE WHEN m:Record THEN 'Record' WHEN m:Lead THEN 'Lead'
                              ELSE head([l IN labels(m) WHERE l IN ['Person','Household','Venue','Unit','Vehicle','Case','Incident']] + labels(m)) END AS kind,
                         CASE WHEN m:Record THEN head([l IN labels(m) WHERE l <> 'Record']) END AS recordLabel
                    WITH r, m, kind, CASE WHEN recordLabel IS NOT NULL THEN $eventProps[recordLabel] END AS prop
                    WITH r, m, kind, prop, CASE WHEN prop IS NULL THEN null ELSE date(m[prop]) END AS day
                    WHERE ($kinds IS NULL OR kind IN $kinds)
                      AND (prop IS NULL OR (($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)))
                    WITH kind, r, m ORDER BY type(r), kind, day DESC, elementId(m)
                    WITH collect({r: r, m: m, kind: kind}) AS found
                    RETURN size(found) AS total, [x IN found | x.kind] AS kinds, found[$skip..$skip + $limit] AS page
                    """, params).list();
            Record row = rows.get(0);
            Map<String, Long> byKind = new LinkedHashMap<>();
            row.get("kinds").asList(v -> v.asString()).forEach(k -> byKind.merge(k, 1L, Long::sum));
            List<GNode> nodes = new ArrayList<>();
            List<GEdge> edges = new ArrayList<>();
            row.get("page").asList(v -> v).forEach(v -> {
                nodes.add(node(v.get("m").asNode()));
                edges.add(shown(v.get("r").asRelationship()));
            });
            long total = row.get("total").asLong();
            return new Neighbourhood(node(centre.get("n").asNode()), dedupe(nodes), edges, total, skip, limit, byKind,
                    skip + limit < total);
        });
    }

    /** Up to {@code limit} shortest paths of at most {@code maxLength} hops, not through leads. */
    public Paths paths(String fromId, String toId, int maxLength, int limit) {
        if (maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
            throw Problem.invalid("graph.max-length", MAX_PATH_LENGTH);
        }
        if (fromId.equals(toId)) {
            throw Problem.invalid("graph.same-node");
        }
        return store.read(tx -> {
            var ends = tx.run("MATCH (n) WHERE elementId(n) IN [$a, $b] RETURN count(n) AS n",
                    Map.of("a", fromId, "b", toId)).single().get("n").asLong();
            if (ends < 2) {
                throw Problem.notFound("graph.ends-not-found");
            }
            // The length bound cannot be a parameter; it is an int checked above.
            var rows = tx.run("""
                    MATCH (a) WHERE elementId(a) = $a
                    MATCH (b) WHERE elementId(b) = $b
                    MATCH p = allShortestPaths((a)-[*..%d]-(b))
                    WHERE none(x IN nodes(p) WHERE x:Lead OR x:SourceFile)
                    RETURN p LIMIT $limit
                    """.formatted(maxLength), Map.of("a", fromId, "b", toId, "limit", limit)).list();
            Map<String, GNode> nodes = new LinkedHashMap<>();
            Map<String, GEdge> edges = new LinkedHashMap<>();
            List<List<String>> paths = new ArrayList<>();
            for (Record r : rows) {
                List<String> ids = new ArrayList<>();
                r.get("p").asPath().nodes().forEach(n -> {
                    nodes.putIfAbsent(n.elementId(), node(n));
                    ids.add(n.elementId());
                });
                r.get("p").asPath().relationships().forEach(e -> edges.putIfAbsent(e.elementId(), shown(e)));
                paths.add(ids);
            }
            return new Paths(paths, List.copyOf(nodes.values()), List.copyOf(edges.values()), maxLength);
        });
    }

    /**
     * The nodes of these element ids that the explorer may draw (people, places, objects, records, leads: not the
     * casework, users' views or source files, nor nodes gone since), masked, with the relationships among them (at
     * most {@code maxEdges}); {@code missing} counts the ids left out.
     */
    public Subgraph subgraph(List<String> ids, int maxEdges) {
        Map<String, Object> p = new HashMap<>();
        p.put("ids", ids);
        p.put("hubs", List.copyOf(Kinds.hubs().keySet()));
        p.put("max", maxEdges);
        return store.read(tx -> {
            Map<String, GNode> found = new LinkedHashMap<>();
            tx.run("""
                    MATCH (n) WHERE elementId(n) IN $ids
                      AND (n:Record OR n:Lead OR any(l IN labels(n) WHERE l IN $hubs))
                    RETURN n
                    """, p).list().forEach(r -> found.put(r.get("n").asNode().elementId(), node(r.get("n").asNode())));
            p.put("found", List.copyOf(found.keySet()));
            List<GEdge> edges = tx.run("""
                    MATCH (a)-[r]->(b) WHERE elementId(a) IN $found AND elementId(b) IN $found
                    RETURN r ORDER BY elementId(r) LIMIT $max
                    """, p).list(r -> shown(r.get("r").asRelationship()));
            List<GNode> nodes = ids.stream().filter(found::containsKey).map(found::get).toList();
            return new Subgraph(nodes, edges, ids.size() - nodes.size());
        });
    }

    /** Nodes by id as {@link #subgraph} reads them, the relationships among them, and how many ids were left out. */
    public record Subgraph(List<GNode> nodes, List<GEdge> edges, int missing) {
    }

    private static List<GNode> dedupe(List<GNode> nodes) {
        Map<String, GNode> seen = new LinkedHashMap<>();
        nodes.forEach(n -> seen.putIfAbsent(n.id(), n));
        return List.copyOf(seen.values());
    }

    private static Record single(List<Record> rows, String code, String what) {
        if (rows.isEmpty()) {
            throw Problem.notFound(code, what);
        }
        return rows.get(0);
    }
}

package org.tongxin.api.cypher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.tongxin.api.graph.GraphQueries;
import org.tongxin.api.graph.GraphView.GEdge;
import org.tongxin.api.graph.GraphView.GNode;
import org.tongxin.api.graph.Masking;
import org.tongxin.api.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.ingest.store.GraphStore;

/**
 * The analysts' console: a query passes {@link CypherGuard}, then EXPLAIN must report a read-only query, then it
 * runs in a READ transaction with a time limit the caller may only shorten, and at most {@code rowCap} rows come
 * back (the rest are counted as cut, never silently dropped). Results come as a table and as a graph; every
 * string is masked.
 */
public final class ReadOnlyCypher {

    /** The console's limits: default and longest time limit, and the most rows returned. */
    public record Limits(Duration timeout, int rowCap) {
        public Limits {
            if (timeout.isNegative() || timeout.isZero() || rowCap < 1) {
                throw new IllegalArgumentException("timeout and row cap must be positive");
            }
        }
    }

    /** A result: columns, rows (masked), whether rows were cut at the cap, the graph in it, and the time taken. */
    public record Result(List<String> columns, List<List<Object>> rows, boolean truncated, int rowCap,
                         List<GNode> nodes, List<GEdge> edges, long millis) {
    }

    private final GraphStore store;
    private final GraphQueries graph;
    private final Limits limits;

    public ReadOnlyCypher(GraphStore store, GraphQueries graph, Limits limits) {
        this.store = store;
        this.graph = graph;
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    public Result run(String query, Map<String, Object> params, Duration requestedTimeout) {
        CypherGuard.refusal(query).ifPresent(reason -> {
            throw new ApiException.Refused(reason);
        });
        Duration timeout = requestedTimeout == null || requestedTimeout.compareTo(limits.timeout()) > 0
                ? limits.timeout() : requestedTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ApiException.BadRequest("the time limit must be positive");
        }
        Map<String, Object> p = params == null ? Map.of() : params;
        TransactionConfig tc = TransactionConfig.builder().withTimeout(timeout).build();
        SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        store.session().database().ifPresent(b::withDatabase);
        SessionConfig sc = b.build();
        long t0 = System.nanoTime();
        try (Session s = store.driver().session(sc)) {
            QueryType type = s.executeRead(tx -> tx.run("EXPLAIN " + query, p).consume().queryType(), tc);
            if (type != QueryType.READ_ONLY) {
                throw new ApiException.Refused("refused: the database plans this query as " + type
                        + "; the console runs read-only queries only");
            }
            return s.executeRead(tx -> {
                var result = tx.run(query, p);
                List<String> columns = result.keys();
                List<List<Object>> rows = new ArrayList<>();
                Map<String, GNode> nodes = new LinkedHashMap<>();
                Map<String, GEdge> edges = new LinkedHashMap<>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == limits.rowCap()) {
                        truncated = true;
                        break;
                    }
                    var record = result.next();
                    List<Object> row = new ArrayList<>(columns.size());
                    for (Value v : record.values()) {
                        collect(v.asObject(), nodes, edges);
                        row.add(Masking.opaqueValue(Values.plain(v)));
                    }
                    rows.add(row);
                }
                return new Result(columns, rows, truncated, limits.rowCap(), List.copyOf(nodes.values()),
                        List.copyOf(edges.values()), (System.nanoTime() - t0) / 1_000_000);
            }, tc);
        } catch (ClientException e) {
            String code = e.code() == null ? "" : e.code();
            if (code.contains("TransactionTimedOut") || code.contains("Terminated")) {
                throw new ApiException.Refused("stopped after " + timeout.toSeconds() + " s, the console's time limit");
            }
            if (code.contains("AccessMode") || code.contains("Forbidden")) {
                throw new ApiException.Refused("refused by the database: the console is read-only");
            }
            throw new ApiException.BadRequest("the database cannot run this query: " + e.getMessage());
        }
    }

    private void collect(Object o, Map<String, GNode> nodes, Map<String, GEdge> edges) {
        if (o instanceof Node n) {
            nodes.putIfAbsent(n.elementId(), graph.node(n));
        } else if (o instanceof Relationship r) {
            edges.putIfAbsent(r.elementId(), GraphQueries.edge(r));
        } else if (o instanceof Path path) {
            path.nodes().forEach(n -> collect(n, nodes, edges));
            path.relationships().forEach(r -> collect(r, nodes, edges));
        } else if (o instanceof List<?> l) {
            l.forEach(x -> collect(x, nodes, edges));
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(x -> collect(x, nodes, edges));
        }
    }
}

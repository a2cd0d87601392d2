package org.tongxin.domain.cypher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Values;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.store.ConsoleWatchdog;
import org.tongxin.ingest.store.GraphStore;

/**
 * The analysts' console. A query is checked in layers, each on the exact text Neo4j receives: its length
 * ({@value #MAX_QUERY_CHARS} characters at most), then {@link CypherGuard} on the text, then {@code EXPLAIN} with
 * the same parameters must report a read-only query whose every plan operator is an allowed read
 * ({@link PlanGuard}). It then runs in a READ transaction tagged as a console transaction (so the store's
 * {@link ConsoleWatchdog} really stops it at its limit) with a time limit the caller may only shorten, and at most
 * {@code rowCap} rows come back (the rest are counted as cut, never silently dropped). At most
 * {@value #PER_USER} queries per user and {@value #TOTAL} overall run at once. Transactions are explicit, never
 * retried: a query that failed or was stopped is not run a second time behind the caller's back. Results come as
 * a table and as a graph; every string is masked.
 */
public final class ReadOnlyCypher {

    /** What the plan check puts before the analyst's query; never shown back to them. */
    private static final String EXPLAIN = "EXPLAIN ";

    /** The longest query text accepted. */
    public static final int MAX_QUERY_CHARS = 10_000;
    /** Console queries one user may have running at once. */
    public static final int PER_USER = 2;
    /** Console queries that may run at once overall. */
    public static final int TOTAL = 4;

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
    private final ConsoleSlots slots = new ConsoleSlots(PER_USER, TOTAL);

    public ReadOnlyCypher(GraphStore store, GraphQueries graph, Limits limits) {
        this.store = store;
        this.graph = graph;
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Runs a query for the product itself (tests, tools), under the same checks and limits as a user's. */
    public Result run(String query, Map<String, Object> params, Duration requestedTimeout) {
        return run("internal", query, params, requestedTimeout);
    }

    /** Runs a query for this user, or throws the {@link Problem} that says why not. */
    public Result run(String user, String query, Map<String, Object> params, Duration requestedTimeout) {
        if (query != null && query.length() > MAX_QUERY_CHARS) {
            throw new Problem(Problem.Kind.TOO_LARGE, "cypher.too-long", query.length(), MAX_QUERY_CHARS);
        }
        CypherGuard.refusal(query).ifPresent(problem -> {
            throw problem;
        });
        Duration timeout = requestedTimeout == null || requestedTimeout.compareTo(limits.timeout()) > 0
                ? limits.timeout() : requestedTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw Problem.invalid("cypher.timeout-positive");
        }
        Map<String, Object> p = params == null ? Map.of() : params;
        checkParameters(p);
        TransactionConfig tc = TransactionConfig.builder().withTimeout(timeout)
                .withMetadata(Map.of(ConsoleWatchdog.TAG_KEY, ConsoleWatchdog.CONSOLE, "user", user)).build();
        SessionConfig.Builder b = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        store.session().database().ifPresent(b::withDatabase);
        try (ConsoleSlots.Slot slot = slots.take(user, Math.max(1, timeout.toSeconds()));
             Session s = store.driver().session(b.build())) {
            checkPlan(s, query, p, tc);
            return execute(s, query, p, tc, timeout);
        }
    }

    /**
     * Every parameter must be a value the driver can send (a whole number past 64 bits is not): refused up front
     * by name, rather than failing inside the plan check as if the query were not a read.
     */
    private static void checkParameters(Map<String, Object> p) {
        p.forEach((name, value) -> {
            try {
                org.neo4j.driver.Values.value(value);
            } catch (ClientException | IllegalArgumentException e) {
                throw Problem.invalid("cypher.param.unsupported", name);
            }
        });
    }

    /** EXPLAIN with the same parameters: the database's own reading of the query must be a plain read. */
    private static void checkPlan(Session s, String query, Map<String, Object> p, TransactionConfig tc) {
        ResultSummary plan;
        try (Transaction tx = s.beginTransaction(tc)) {
            plan = tx.run(EXPLAIN + query, p).consume();
        } catch (Neo4jException e) {
            String code = e.code() == null ? "" : e.code();
            // The query's own mistake, said in the analyst's terms; anything else is a refusal all the same.
            if (e instanceof ClientException && code.startsWith("Neo.ClientError.Statement.")) {
                throw EngineErrors.of(e, EXPLAIN);
            }
            throw Problem.refused("cypher.plan.not-read", code);
        }
        if (plan.queryType() != QueryType.READ_ONLY) {
            throw Problem.refused("cypher.plan.type", plan.queryType());
        }
        PlanGuard.refusal(plan.hasPlan() ? plan.plan() : null).ifPresent(problem -> {
            throw problem;
        });
    }

    private Result execute(Session s, String query, Map<String, Object> p, TransactionConfig tc, Duration timeout) {
        long t0 = System.nanoTime();
        try (Transaction tx = s.beginTransaction(tc)) {
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
        } catch (Neo4jException e) {
            String code = e.code() == null ? "" : e.code();
            boolean late = System.nanoTime() - t0 >= timeout.toNanos();
            if (code.contains("TransactionTimedOut") || code.contains("Terminated") || late) {
                throw Problem.refused("cypher.stopped.time", timeout.toSeconds());
            }
            if (code.contains("MemoryPoolOutOfMemoryError") || code.contains("OutOfMemory")) {
                throw Problem.refused("cypher.stopped.memory");
            }
            if (code.contains("AccessMode") || code.contains("Forbidden")) {
                throw Problem.refused("cypher.database-refused");
            }
            if (e instanceof ClientException) {
                throw EngineErrors.of(e, "");
            }
            // The database gave up on it (e.g. a string too large to build): the query's fault, not the server's.
            throw Problem.refused("cypher.stopped.database", code);
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

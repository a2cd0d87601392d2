package org.tongxin.ingest.store;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.kernel.api.KernelTransactionHandle;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.net.NetworkConnectionTracker;
import org.neo4j.kernel.api.net.TrackedNetworkConnection;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.api.KernelTransactions;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the console's time limit hold. Neo4j's transaction timeout only <em>marks</em> a transaction terminated;
 * the query stops when its code next checks the mark, which happens on kernel operations (reading a node, a
 * property, a page). An expression that loops without touching the store — {@code reduce} over a long range, a
 * list comprehension, string functions — never checks, and runs on after its limit for as long as it likes
 * (23 minutes at 100% of a core was seen). So this watchdog looks at the kernel's active transactions every
 * {@value #TICK_MILLIS} ms; for a console transaction (tagged with {@link #TAG_KEY}={@link #CONSOLE} metadata)
 * past its own timeout it marks it terminated, and if it is still executing {@link #GRACE} later it stops the
 * thread running the query with {@link Thread#stop()} — the only way to end a loop that never checks (it still
 * works on Java 17) — and closes the query's Bolt connection: the stopped Bolt worker never answers, so without
 * that the client would wait until the server's keep-alive gave up on the connection (two minutes, measured), and
 * closing it is also what makes Bolt roll the transaction back. Console transactions are read-only, so nothing is
 * left half-written. The thread is stopped only while its stack is in Cypher expression or value code, never
 * inside the storage, page-cache or lock code, so no shared structure is left half-updated.
 */
public final class ConsoleWatchdog implements AutoCloseable {

    /** The transaction metadata key and value that mark a console transaction. */
    public static final String TAG_KEY = "tongxin";
    public static final String CONSOLE = "console";

    static final long TICK_MILLIS = 100;
    static final Duration GRACE = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWatchdog.class);

    private final KernelTransactions transactions;
    private final NetworkConnectionTracker connections;
    private final ScheduledExecutorService timer;
    private final AtomicLong stopped = new AtomicLong();

    ConsoleWatchdog(GraphDatabaseAPI db) {
        this.transactions = db.getDependencyResolver().resolveDependency(KernelTransactions.class);
        this.connections = db.getDependencyResolver().resolveDependency(NetworkConnectionTracker.class);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tongxin-console-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::sweep, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** How many query threads this watchdog has stopped since the store opened. */
    public long stoppedThreads() {
        return stopped.get();
    }

    /** How many console transactions are open right now. */
    public int openConsoleTransactions() {
        return (int) transactions.activeTransactions().stream().filter(ConsoleWatchdog::isConsole).count();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (KernelTransactionHandle h : transactions.activeTransactions()) {
                long limit = h.timeout().timeoutNanos();
                if (!isConsole(h) || limit <= 0 || now - h.startTimeNanos() < limit) {
                    continue;
                }
                if (h.terminationMark().isEmpty()) {
                    h.markForTermination(Status.Transaction.TransactionTimedOut);
                }
                if (now - h.startTimeNanos() >= limit + GRACE.toNanos()) {
                    h.executingQuery().ifPresent(q -> stop(h, q));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("console watchdog sweep failed: {}", e.getClass().getName());
        }
    }

    private void stop(KernelTransactionHandle h, ExecutingQuery q) {
        Optional<Thread> thread = threadOf(q);
        if (thread.isEmpty() || !inExpressionCode(thread.get())) {
            return;
        }
        // The same query must still be running in this transaction at the moment of the stop.
        Optional<ExecutingQuery> now = h.executingQuery();
        if (now.isPresent() && now.get().internalQueryId() == q.internalQueryId() && h.isOpen()) {
            stopped.incrementAndGet();
            LOG.warn("stopping console query {} on thread {}: past its time limit and not checking for termination",
                    q.id(), thread.get().getName());
            stopThread(thread.get());
            h.clientInfo().map(ClientConnectionInfo::connectionId).map(connections::get)
                    .ifPresent(TrackedNetworkConnection::close);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThread(Thread t) {
        t.stop();
    }

    /** The live thread whose id Neo4j recorded for the query (a private field; its name is public and must agree). */
    private static Optional<Thread> threadOf(ExecutingQuery q) {
        long id;
        try {
            Field f = ExecutingQuery.class.getDeclaredField("threadExecutingTheQueryId");
            f.setAccessible(true);
            id = f.getLong(q);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getId() == id && t.getName().equals(q.threadExecutingTheQueryName()) && t.isAlive()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True when the innermost Neo4j frame on the thread is Cypher runtime, expression or value code. */
    static boolean inExpressionCode(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("org.neo4j.")) {
                return c.startsWith("org.neo4j.cypher.") || c.startsWith("org.neo4j.values.");
            }
        }
        return false;
    }

    private static boolean isConsole(KernelTransactionHandle h) {
        Map<String, Object> meta = h.getMetaData();
        return meta != null && CONSOLE.equals(meta.get(TAG_KEY));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

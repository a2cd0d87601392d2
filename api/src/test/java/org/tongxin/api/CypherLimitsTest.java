package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.domain.cypher.ReadOnlyCypher;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.user.Role;
import org.tongxin.ingest.store.ConsoleWatchdog;

/** The console's time, memory and concurrency limits hold: work past the limit really ends. */
class CypherLimitsTest {

    /** An expression loop that never touches the store, so never checks Neo4j's termination mark. */
    static final String RUNAWAY = "RETURN size(reduce(s = '', x IN range(1, 1000000) | s + 'xxxxxxxxxx')) AS n";

    private static TestCity city;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
    }

    @Test
    void aRunawayExpressionLoopEndsWithinTwoSecondsOfItsLimitAndBurnsNoMoreCpu() throws Exception {
        ConsoleWatchdog watchdog = city.store.watchdog().orElseThrow();
        ReadOnlyCypher oneSecond = new ReadOnlyCypher(city.store, city.services.graph(),
                new ReadOnlyCypher.Limits(Duration.ofSeconds(1), 10));
        long stoppedBefore = watchdog.stoppedThreads();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> oneSecond.run("analyst-a", RUNAWAY, Map.of(), null))
                .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.kind()).isEqualTo(Problem.Kind.REFUSED))
                .hasMessageContaining("stopped after 1 s");
        double answered = seconds(System.nanoTime() - t0) - 1;
        while (watchdog.openConsoleTransactions() > 0 && seconds(System.nanoTime() - t0) < 30) {
            Thread.sleep(20);
        }
        double ended = seconds(System.nanoTime() - t0) - 1;
        double cpu = cpuSecondsOverOneSecond();
        System.out.printf("runaway query: answered %.2f s after its limit, transaction gone %.2f s after it, "
                + "%.2f CPU-seconds used by the JVM in the following second, %d thread(s) stopped%n",
                answered, ended, cpu, watchdog.stoppedThreads() - stoppedBefore);
        assertThat(ended).as("seconds from the limit to the work ending").isLessThan(2.0);
        assertThat(watchdog.stoppedThreads()).isGreaterThan(stoppedBefore);
        assertThat(cpu).as("CPU-seconds in the second after").isLessThan(0.5);
        try (Session admin = city.store.driver().session()) {
            long console = admin.run("SHOW TRANSACTIONS YIELD metaData RETURN count(*) AS n, "
                    + "sum(CASE WHEN metaData.tongxin = 'console' THEN 1 ELSE 0 END) AS console").single()
                    .get("console").asLong();
            assertThat(console).isZero();
        }
        assertThat(oneSecond.run("RETURN 1 AS one", Map.of(), null).rows()).hasSize(1);
    }

    @Test
    void aQueryCollectingMoreThanATransactionMayHoldIsStopped() {
        ReadOnlyCypher console = city.services.cypher();
        assertThatThrownBy(() -> console.run("analyst-b", "UNWIND range(1, 200000000) AS i RETURN size(collect(i)) AS n",
                Map.of(), null)).isInstanceOfSatisfying(Problem.class, e -> assertThat(e.kind()).isEqualTo(Problem.Kind.REFUSED))
                .hasMessageContaining("memory");
    }

    @Test
    void aStringTooLargeToBuildIsRefusedNotAServerError() {
        Http.Response r = city.as(Role.ANALYST).post("/api/cypher",
                Map.of("query", "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s)) AS n"));
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).startsWith("cypher.stopped");
    }

    @Test
    void aThirdQueryOfOneUserIsTurnedAwayAtOnceWithRetryAfter() throws Exception {
        Http analyst = city.as(Role.ANALYST);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch sent = new CountDownLatch(2);
        try {
            Future<?>[] slow = new Future<?>[2];
            for (int i = 0; i < 2; i++) {
                slow[i] = pool.submit(() -> {
                    sent.countDown();
                    return analyst.post("/api/cypher", Map.of("query", RUNAWAY, "timeoutSeconds", 2));
                });
            }
            sent.await();
            Http.Response third = null;
            for (int tries = 0; tries < 50; tries++) {
                Thread.sleep(100);
                third = analyst.post("/api/cypher", Map.of("query", "RETURN 1 AS one"));
                if (third.status() == 429) {
                    break;
                }
            }
            assertThat(third.status()).as(third.text()).isEqualTo(429);
            assertThat(third.header("Retry-After")).isNotBlank();
            assertThat(third.json().get("code").asText()).isEqualTo("cypher.busy-user");
            assertThat(third.json().get("error").asText()).contains("最多 2 个");
            for (Future<?> f : slow) {
                assertThat(((Http.Response) f.get()).status()).isEqualTo(422);
            }
            assertThat(analyst.post("/api/cypher", Map.of("query", "RETURN 1 AS one")).status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** CPU time used by all of the JVM's threads over the next second. */
    private static double cpuSecondsOverOneSecond() throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long before = totalCpu(mx);
        Thread.sleep(1000);
        return seconds(totalCpu(mx) - before);
    }

    private static long totalCpu(ThreadMXBean mx) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            sum += Math.max(0, mx.getThreadCpuTime(id));
        }
        return sum;
    }
}

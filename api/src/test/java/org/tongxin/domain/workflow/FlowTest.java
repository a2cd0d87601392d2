package org.tongxin.domain.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.order.OrderStatus;
import org.tongxin.domain.persistence.Casework;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;

/** The one workflow: transitions as data, the history in order, and of two moves at once exactly one wins. */
class FlowTest {

    private static GraphStore store;
    private static Casework casework;
    private static final Flow<OrderStatus> ORDERS = new Flow<>(Trail.casework("Order"), OrderStatus.STEPS);
    private static final Flow<LeadStatus> LEADS = new Flow<>(Trail.lead(), LeadStatus.STEPS);

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("tongxin-flow");
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("16m").build());
        casework = Casework.over(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void transitionsAreDataBuiltOnce() {
        assertThat(OrderStatus.STEPS.allows(OrderStatus.DRAFT, OrderStatus.ISSUED)).isTrue();
        assertThat(OrderStatus.STEPS.allows(OrderStatus.DRAFT, OrderStatus.CLOSED)).isFalse();
        assertThat(OrderStatus.STEPS.nextCodes(OrderStatus.CLOSED)).isEmpty();
        assertThat(LeadStatus.STEPS.nextCodes(LeadStatus.REVIEWING)).containsExactly("case_filing_supervision",
                "pre_litigation_recommendation", "guardian_supervision_order", "referred", "dismissed");
        assertThat(LeadStatus.STEPS.stored(null)).isEqualTo(LeadStatus.NEW);
        assertThat(LeadStatus.STEPS.stored("lost")).isEqualTo(LeadStatus.NEW);
        assertThat(LeadStatus.STEPS.state("lost")).isEmpty();
        assertThatThrownBy(() -> OrderStatus.STEPS.next(OrderStatus.DRAFT).add(OrderStatus.CLOSED))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(OrderStatus.STEPS.codes()).containsExactly("draft", "issued", "acknowledged", "closed", "cancelled");
        assertThat(OrderStatus.STEPS.stored("lost")).isEqualTo(OrderStatus.DRAFT);
    }

    @Test
    void stepsAreAllowedOrRefusedAndTheHistoryKeepsTheirOrder() {
        Transactions tx = Transactions.over(store);
        String id = order("flow-1", "draft");
        tx.write(s -> ORDERS.move(s, id, Flow.Move.keep("drafted", "p1", "")));
        tx.write(s -> ORDERS.move(s, id, Flow.Move.to(OrderStatus.ISSUED, "status", "p1", "")));
        assertThatThrownBy(() -> tx.write(s -> ORDERS.move(s, id, Flow.Move.to(OrderStatus.ISSUED, "status", "p1", ""))))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT);
                    assertThat(p.code()).isEqualTo("workflow.not-allowed");
                    assertThat(p.getMessage()).isEqualTo("this Order is 'Issued' and cannot move to 'Issued'; allowed: "
                            + OrderStatus.ACKNOWLEDGED.en() + ", " + OrderStatus.CLOSED.en());
                    assertThat(p.message()).endsWith("当前状态为“" + OrderStatus.ISSUED.zh() + "”，不能转为“" + OrderStatus.ISSUED.zh()
                            + "”；可转为：" + OrderStatus.ACKNOWLEDGED.zh() + "、" + OrderStatus.CLOSED.zh());
                });
        tx.write(s -> ORDERS.move(s, id, Flow.Move.<OrderStatus>keep("visit", "p2", "走访").withExtra(Map.of("place", "家中"))));
        tx.write(s -> ORDERS.move(s, id, Flow.Move.to(OrderStatus.CLOSED, "status", "p1", "结案")));
        List<Step> history = tx.write(s -> ORDERS.history(s, id));
        assertThat(history).extracting(Step::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history).extracting(Step::kind).containsExactly("drafted", "status", "visit", "status");
        assertThat(history).extracting(Step::to).containsExactly("draft", "issued", "issued", "closed");
        assertThat(history.get(2).extra("place")).isEqualTo("家中");
        // The refused step rolled back: its counter increment is gone with it.
        long counter = store.read(t -> t.run("MATCH (o:Order {id: $id}) RETURN o.stepSeq AS n", Map.of("id", id))
                .single().get("n").asLong());
        assertThat(counter).isEqualTo(4L);
        assertThatThrownBy(() -> tx.write(s -> ORDERS.move(s, "nobody", Flow.Move.keep("note", "p", ""))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("workflow.not-found"));
    }

    @Test
    void leadsKeepTheirOwnShape() {
        store.writeOnly(t -> t.run("CREATE (:Lead {ref: 'flowlead1'})").consume());
        Transactions tx = casework.transactions();
        tx.write(s -> LEADS.move(s, "flowlead1", Flow.Move.to(LeadStatus.REVIEWING, null, "p", "")));
        tx.write(s -> LEADS.move(s, "flowlead1", Flow.Move.<LeadStatus>to(LeadStatus.REFERRED, null, "p", "")
                .withExtra(java.util.Collections.singletonMap("department", "education"))
                .withNode(Map.of("referredTo", "education"))));
        tx.write(s -> LEADS.move(s, "flowlead1", Flow.Move.<LeadStatus>keep("report", "dept", "已整改")
                .copying("department", "referredTo")));
        var row = store.read(t -> t.run("""
                MATCH (l:Lead {ref: 'flowlead1'})-[:ACTION]->(a:LeadAction)
                RETURN l.workflowSeq AS seq, l.status AS status, collect(a.kind) AS kinds, collect(a.department) AS depts
                """).single());
        assertThat(row.get("seq").asLong()).isEqualTo(3L);
        assertThat(row.get("status").asString()).isEqualTo("referred");
        assertThat(row.get("kinds").asList()).containsExactly("report");
        assertThat(row.get("depts").asList()).containsExactlyInAnyOrder("education", "education");
        List<Step> history = tx.write(s -> LEADS.history(s, "flowlead1"));
        assertThat(history).extracting(Step::kind).containsExactly("status", "status", "report");
        assertThat(history).extracting(Step::from).containsExactly("new", "reviewing", "referred");
    }

    @Test
    void ofTwoMovesFromTheSameStatusExactlyOneWinsInDriverTransactions() throws Exception {
        race(Transactions.over(store), "race-driver");
    }

    @Test
    void ofTwoMovesFromTheSameStatusExactlyOneWinsInSpringTransactions() throws Exception {
        race(casework.transactions(), "race-spring");
    }

    private static void race(Transactions tx, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = order(prefix + round, "issued");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (OrderStatus to : List.of(OrderStatus.ACKNOWLEDGED, OrderStatus.CLOSED)) {
                    Callable<String> move = () -> {
                        go.await();
                        try {
                            tx.write(s -> ORDERS.move(s, id, Flow.Move.to(to, "status", "p-" + to.code(), "")));
                            return "won";
                        } catch (Problem p) {
                            return p.code();
                        }
                    };
                    results.add(pool.submit(move));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                // Acknowledged → closed is allowed, so the loser may still follow the winner; issued → issued never.
                long won = outcomes.stream().filter("won"::equals).count();
                List<Step> history = tx.write(s -> ORDERS.history(s, id));
                assertThat(history).filteredOn(st -> "issued".equals(st.from())).hasSize(1);
                assertThat(won).isBetween(1L, 2L);
                if (won == 1) {
                    assertThat(outcomes).contains("workflow.not-allowed");
                }
            }
            // Two moves to the same status from the same status: exactly one wins, always.
            for (int round = 0; round < 10; round++) {
                String id = order(prefix + "-same" + round, "issued");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            tx.write(s -> ORDERS.move(s, id, Flow.Move.to(OrderStatus.CLOSED, "status", "p", "")));
                            return "won";
                        } catch (Problem p) {
                            return p.code();
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsExactlyInAnyOrder("won", "workflow.not-allowed");
                List<Step> steps = tx.write(s -> ORDERS.history(s, id));
                assertThat(steps).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String order(String id, String status) {
        store.writeOnly(t -> t.run("CREATE (:Order {id: $id, status: $status})", Map.of("id", id, "status", status)).consume());
        return id;
    }
}

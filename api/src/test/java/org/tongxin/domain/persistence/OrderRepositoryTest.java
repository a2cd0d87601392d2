package org.tongxin.domain.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.order.OrderStatus;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;

/** An order round-trips through Spring Data Neo4j against the embedded store, in the graph shape the API has always had. */
class OrderRepositoryTest {

    private static GraphStore store;
    private static Casework casework;

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("tongxin-sdn");
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("16m").build());
        casework = Casework.over(store);
        store.writeOnly(tx -> tx.run("CREATE (:Person {id: 'minor-1', name: '某甲'}), (:Lead {ref: 'lead-1'})").consume());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void anOrderIsSavedReadAndListedThroughSpringData() {
        Flow<OrderStatus> flow = new Flow<>(Trail.casework("Order"), OrderStatus.STEPS);
        LocalDateTime created = LocalDateTime.of(2026, 11, 27, 9, 30, 5);
        OrderEntity draft = new OrderEntity("O2026TEST01", "supervision", "minor-1", "〔name〕", "〔guardian〕", "父亲",
                "guardian-1", "lead-1", "事实", List.of("一", "二"), LocalDate.of(2026, 12, 27), created, "p1");
        casework.orders().saveDraft(draft, () -> casework.transactions()
                .write(tx -> flow.move(tx, "O2026TEST01", Flow.Move.keep("drafted", "p1", ""))));

        OrderStore.Stored read = casework.orders().find("O2026TEST01").orElseThrow();
        OrderEntity o = read.order();
        assertThat(o.getStatus()).isEqualTo("draft");
        assertThat(o.getRequirements()).containsExactly("一", "二");
        assertThat(o.getDueBy()).isEqualTo(LocalDate.of(2026, 12, 27));
        assertThat(o.getCreatedAt()).isEqualTo(created);
        assertThat(o.getSteps()).extracting(CaseStepEntity::getKind).containsExactly("drafted");
        assertThat(read.minorNode()).isNotBlank();

        // The graph has the shape the driver code always wrote: native temporal values, the links, the counter.
        var row = store.read(tx -> tx.run("""
                MATCH (o:Order {id: 'O2026TEST01'})-[:FOR_MINOR]->(:Person {id: 'minor-1'}), (o)-[:FROM_LEAD]->(:Lead {ref: 'lead-1'}),
                      (o)-[:STEP]->(s:CaseStep)
                RETURN o.stepSeq AS seq, valueType(o.createdAt) AS created, valueType(o.dueBy) AS due, s.to AS to,
                       labels(o) AS labels, size(keys(o)) AS n
                """).single());
        assertThat(row.get("seq").asLong()).isEqualTo(1L);
        assertThat(row.get("created").asString()).startsWith("LOCAL DATETIME");
        assertThat(row.get("due").asString()).startsWith("DATE");
        assertThat(row.get("to").asString()).isEqualTo("draft");
        assertThat(row.get("labels").asList()).containsExactly("Order");

        assertThat(casework.orders().list(null)).extracting(s -> s.order().getId()).contains("O2026TEST01");
        assertThat(casework.orders().list("guardian-1")).isEmpty();
        casework.transactions().write(tx -> flow.move(tx, "O2026TEST01", Flow.Move.<OrderStatus>to(OrderStatus.ISSUED, "status", "p1", "")
                .withNode(Map.of("issuedAt", created.plusDays(1)))));
        List<OrderStore.Stored> mine = casework.orders().list("guardian-1");
        assertThat(mine).extracting(s -> s.order().getStatus()).containsExactly("issued");
        assertThat(mine.get(0).order().getIssuedAt()).isEqualTo(created.plusDays(1));
        assertThat(mine.get(0).order().getSteps()).extracting(CaseStepEntity::getTo).containsExactly("draft", "issued");
        assertThat(casework.orders().list("guardian-2")).isEmpty();
        assertThat(casework.orders().find("O2026NONE")).isEmpty();
    }
}

package org.tongxin.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI command ends when its store closes: the embedded Bolt server used to wait 5 s of quiet per Netty event-loop
 * group (two of them, up to 15 s each) before the JVM could exit, 40–95 s on a busy machine.
 */
class StoreShutdownTest {

    @TempDir
    Path dir;

    @Test
    void closingAStoreThatAnsweredOverBoltDoesNotWaitForQuietPeriods() {
        GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).stateDir(dir.resolve("state"))
                .pageCache("16m").build());
        store.read(tx -> tx.run("RETURN 1 AS one").single().get("one").asInt());
        long t0 = System.nanoTime();
        store.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // Two quiet periods alone took 10 s; what is left is flushing a near-empty store.
        assertThat(millis).as("close took %d ms", millis).isLessThan(8_000);
    }
}

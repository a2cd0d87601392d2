package org.tongxin.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;

/** The same ingest code against a separate Neo4j server (Neo4j Harness) reached only over Bolt. */
class HarnessServerIngestTest {

    private static Neo4j server;

    @BeforeAll
    static void start() {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aGeneratedCityLoadsOverBoltIntoAnExternalServer(@TempDir Path tmp) throws Exception {
        CityGenerator.generate(new CityGenerator.Config(300, 9, LocalDate.of(2026, 11, 27), tmp.resolve("city")));
        try (GraphStore store = GraphStore.open(StoreConfig.builder().uri(server.boltURI()).stateDir(tmp.resolve("state")).build())) {
            assertThat(store.isEmbedded()).isFalse();
            LoadReport r = new FolderLoader(store, Mappings.bundled(), tmp.resolve("q"), 500, false).load(tmp.resolve("city"));
            assertThat(r.files()).hasSize(19).allSatisfy(f -> assertThat(f.error()).isNull());
            GraphStats stats = GraphStats.of(store);
            assertThat(stats.labels().get("Record")).isEqualTo(r.loaded() - r.files().stream()
                    .mapToLong(f -> f.flags().getOrDefault("duplicate-key", 0L)).sum());
            LoadReport again = new FolderLoader(store, Mappings.bundled(), tmp.resolve("q"), 500, false).load(tmp.resolve("city"));
            assertThat(GraphStats.of(store)).isEqualTo(stats);
            assertThat(again.files()).allSatisfy(f -> assertThat(f.created()).isZero());
        }
    }
}

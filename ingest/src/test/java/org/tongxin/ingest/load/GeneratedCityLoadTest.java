package org.tongxin.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongxin.ingest.EmbeddedStoreTest;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.synth.CityGenerator;

/** A generated city of 20,000 persons: every row accounted for, and a second load changes no count. */
class GeneratedCityLoadTest extends EmbeddedStoreTest {

    @Test
    void aTwentyThousandPersonCityLoadsAccountsForEveryRowAndReloadsWithoutChange(@TempDir Path tmp) throws Exception {
        Path city = tmp.resolve("city");
        CityGenerator.generate(new CityGenerator.Config(20_000, 42, LocalDate.of(2026, 11, 27), city));
        JsonNode files = new ObjectMapper().readTree(city.resolve("expected-leads.json").toFile()).get("files");
        FolderLoader loader = new FolderLoader(neo4j.store(), Mappings.bundled(), tmp.resolve("q"), 2000, false);

        LoadReport first = loader.load(city);
        assertThat(first.files()).hasSize(19);
        for (FileReport f : first.files()) {
            assertThat(f.read()).as(f.file() + " read = rows written").isEqualTo(files.get(f.file()).asLong());
            assertThat(f.loaded() + f.rejected()).as(f.file() + " read = loaded + rejected").isEqualTo(f.read());
            assertThat(f.created() + f.updated() + f.unchanged() + f.flags().getOrDefault("duplicate-key", 0L))
                    .as(f.file() + " every loaded row written once").isEqualTo(f.loaded());
        }
        assertThat(first.rejected()).as("the generator plants rows that must be rejected").isPositive();
        assertThat(first.flagged()).isPositive();
        assertThat(first.skipped()).extracting(LoadReport.SkippedFile::file).containsExactly("expected-leads.json");
        GraphStats before = GraphStats.of(neo4j.store());
        assertThat(before.labels().get("Person")).isGreaterThan(19_000);

        LoadReport second = loader.load(city);
        assertThat(GraphStats.of(neo4j.store())).isEqualTo(before);
        assertThat(second.files()).allSatisfy(f -> assertThat(f.created() + f.updated()).as(f.file()).isZero());
        assertThat(second.read()).isEqualTo(first.read());
    }
}

package org.tongxin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.engine.GremlinEngine;
import org.tongxin.analytics.model.venue.VenueLevels;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.model.Model;
import org.tongxin.analytics.model.Models;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;

/** On a generated city, the models raise exactly the planted leads with their rules, and nothing else. */
class AnswerKeyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static Path dir;
    private static GraphStore store;
    private static JsonNode key;

    @BeforeAll
    static void loadCity() throws Exception {
        dir = Files.createTempDirectory("tongxin-answer-key");
        CityGenerator.generate(new CityGenerator.Config(3000, 21, AS_OF, dir.resolve("city")));
        key = new ObjectMapper().readTree(dir.resolve("city/expected-leads.json").toFile());
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("128m").build());
        new FolderLoader(store, Mappings.bundled(), dir.resolve("q"), 1000, false).load(dir.resolve("city"));
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static Map<String, List<String>> expected() {
        Map<String, List<String>> out = new TreeMap<>();
        key.get("leads").fields().forEachRemaining(e -> {
            List<String> rules = new ArrayList<>();
            e.getValue().forEach(r -> rules.add(r.asText()));
            out.put(e.getKey(), rules);
        });
        return out;
    }

    @Test
    void gremlinOnTheProjectedTinkerGraphRaisesTheSameLeadsAsCypherEvidenceAndAll() {
        CypherEngine cypher = new CypherEngine(store);
        GremlinEngine gremlin = GremlinEngine.projected(store);
        for (Model m : Models.all()) {
            assertThat(gremlin.leads(m, AS_OF)).as(m.id()).isEqualTo(cypher.leads(m, AS_OF));
        }
    }

    @Test
    void venueLevelsFollowTheAnswerKey() {
        List<String> venues = new ArrayList<>();
        key.get("venues").fieldNames().forEachRemaining(venues::add);
        var hits = new CypherEngine(store).hits(Models.byId("venue").orElseThrow(), AS_OF);
        for (VenueLevels.Level l : VenueLevels.of(venues, hits, AS_OF)) {
            JsonNode expected = key.get("venues").get(l.venue());
            assertThat(l.level()).as(l.venue()).isEqualTo(expected.get("level").asText());
            assertThat(l.leads()).as(l.venue()).isEqualTo(expected.get("leads").asInt());
        }
    }

    @Test
    void cypherRaisesExactlyThePlantedLeads() {
        CypherEngine engine = new CypherEngine(store);
        Map<String, List<String>> actual = new TreeMap<>();
        for (Model m : Models.all()) {
            for (Lead l : engine.leads(m, AS_OF)) {
                actual.put(l.key(), l.rules());
            }
        }
        assertThat(actual).isEqualTo(expected());
    }
}

package org.tongxin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.engine.GremlinEngine;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.lead.LeadFacts;
import org.tongxin.analytics.model.Models;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.KeyRotation;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;

/**
 * Another seed, size and as-of date (a leap day): both engines equal each other and the answer key, and the leads the
 * operator prints are the same after the store's key is rotated.
 */
class SecondCityTest {

    @Test
    void anotherSeedSizeAndDateGivesTheAnswerKeyOnBothEngines(@TempDir Path dir) throws Exception {
        LocalDate asOf = LocalDate.of(2028, 2, 29);
        CityGenerator.generate(new CityGenerator.Config(1500, 77, asOf, dir.resolve("city")));
        JsonNode key = new ObjectMapper().readTree(dir.resolve("city/expected-leads.json").toFile());
        Map<String, List<String>> expected = new TreeMap<>();
        key.get("leads").fields().forEachRemaining(e -> {
            List<String> rules = new ArrayList<>();
            e.getValue().forEach(r -> rules.add(r.asText()));
            expected.put(e.getKey(), rules);
        });
        StoreConfig config = StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("64m").build();
        List<Lead> printed;
        try (GraphStore store = GraphStore.open(config)) {
            new FolderLoader(store, Mappings.bundled(), dir.resolve("q"), 1000, false).load(dir.resolve("city"));
            CypherEngine cypher = new CypherEngine(store);
            GremlinEngine gremlin = GremlinEngine.projected(store, Models.all());
            Map<String, List<String>> actual = new TreeMap<>();
            for (Model m : Models.all()) {
                List<Lead> leads = cypher.leads(m, asOf);
                assertThat(gremlin.leads(m, asOf)).as(m.id()).isEqualTo(leads);
                leads.forEach(l -> actual.put(store.pseudonyms().reveal(l.key()), l.rules()));
            }
            assertThat(actual).isEqualTo(expected);
            printed = printed(store, cypher, asOf);
            KeyRotation.rotate(store, config.stateDir(), false);
        }
        try (GraphStore store = GraphStore.open(config)) {
            assertThat(printed(store, new CypherEngine(store), asOf)).as("the operator's leads after a key rotation")
                    .isEqualTo(printed);
        }
    }

    /** The leads as `tongxin leads` prints them: facts added, tokens opened, sorted by key. */
    private static List<Lead> printed(GraphStore store, CypherEngine engine, LocalDate asOf) {
        List<Lead> all = new ArrayList<>();
        for (Model m : Models.all()) {
            LeadFacts.withFacts(store, engine.leads(m, asOf)).forEach(l -> all.add(l.revealed(store.pseudonyms())));
        }
        all.sort(java.util.Comparator.comparing(Lead::key));
        return all;
    }
}

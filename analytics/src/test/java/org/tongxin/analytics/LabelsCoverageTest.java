package org.tongxin.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.model.Models;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Labels;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;

/**
 * Every node label, relationship type and property key of a generated city, with its stored leads, has a name in
 * labels.yaml: a new dataset column, link or node kind without one fails here rather than showing its raw key.
 */
class LabelsCoverageTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static final Labels LABELS = Labels.bundled();
    private static Path dir;
    private static GraphStore store;

    @BeforeAll
    static void loadCityAndLeads() throws Exception {
        dir = Files.createTempDirectory("tongxin-labels");
        CityGenerator.generate(new CityGenerator.Config(800, 5, AS_OF, dir.resolve("city")));
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("64m").build());
        new FolderLoader(store, Mappings.bundled(), dir.resolve("q"), 1000, false).load(dir.resolve("city"));
        CypherEngine engine = new CypherEngine(store);
        for (Model m : Models.all()) {
            new LeadStore(store).save(m.id(), engine.leads(m, AS_OF), AS_OF, "cypher");
        }
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static TreeSet<String> strings(String cypher) {
        try (Session s = store.driver().session(store.session())) {
            return new TreeSet<>(s.run(cypher).single().get(0).asList(Value::asString));
        }
    }

    @Test
    void everyNodeLabelIsNamed() {
        TreeSet<String> labels = strings("MATCH (n) UNWIND labels(n) AS l RETURN collect(DISTINCT l)");
        assertThat(labels).contains("Person", "Record", "Lead", "HotelStay");
        assertThat(labels.stream().filter(l -> !LABELS.namesKind(l)).toList()).isEmpty();
    }

    @Test
    void everyRelationshipTypeIsNamed() {
        TreeSet<String> types = strings("MATCH ()-[r]->() RETURN collect(DISTINCT type(r))");
        assertThat(types).contains("VICTIM", "EVIDENCE");
        assertThat(types.stream().filter(t -> !LABELS.namesRelation(t)).toList()).isEmpty();
    }

    @Test
    void everyPropertyKeyOfNodesAndRelationshipsIsNamed() {
        TreeSet<String> keys = strings("MATCH (n) UNWIND keys(n) AS k RETURN collect(DISTINCT k)");
        keys.addAll(strings("MATCH ()-[r]->() UNWIND keys(r) AS k RETURN collect(DISTINCT k)"));
        assertThat(keys).contains("address", "birthDate", "rid");
        List<String> unnamed = keys.stream().filter(k -> !LABELS.namesProperty(k)).toList();
        assertThat(unnamed).isEmpty();
    }
}

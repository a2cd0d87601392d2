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
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.EvidencePaths;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.model.Models;
import org.tongxin.analytics.model.venue.VenueLevels;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;
import org.tongxin.model.lead.LeadKey;

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
        GremlinEngine gremlin = GremlinEngine.projected(store, Models.all());
        for (Model m : Models.all()) {
            assertThat(gremlin.leads(m, AS_OF)).as(m.id()).isEqualTo(cypher.leads(m, AS_OF));
        }
    }

    /**
     * The Cypher models write their keys as strings, the Gremlin models and the planted cases build them with
     * LeadKey: every model's Cypher keys parse to that model's LeadKey and print back unchanged, so they equal the
     * LeadKey-built ones the other test compares them with.
     */
    @Test
    void everyKeyEitherEngineRaisesOrThePlantedCasesNameIsALeadKey() {
        List<String> keys = new ArrayList<>(expected().keySet());
        CypherEngine cypher = new CypherEngine(store);
        GremlinEngine gremlin = GremlinEngine.projected(store, Models.all());
        for (Model m : Models.all()) {
            List<Lead> raised = cypher.leads(m, AS_OF);
            assertThat(raised).as(m.id()).isNotEmpty();
            for (Lead l : raised) {
                assertThat(LeadKey.parse(l.key()).model()).as(l.key()).isEqualTo(m.id());
                keys.add(l.key());
            }
            gremlin.leads(m, AS_OF).forEach(l -> keys.add(l.key()));
        }
        assertThat(keys).hasSizeGreaterThan(expected().size()).allSatisfy(k ->
                assertThat(LeadKey.parse(k)).as(k).hasToString(k));
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
    void storedLeadsKeepTheirKeyStatusAndHistoryAndAreMarkedWhenTheyNoLongerHold() {
        CypherEngine engine = new CypherEngine(store);
        LeadStore leads = new LeadStore(store);
        Model guardianship = Models.byId("guardianship").orElseThrow();
        List<Lead> now = engine.leads(guardianship, AS_OF);
        assertThat(leads.save(guardianship.id(), now, AS_OF, "cypher").raised()).isEqualTo(now.size());
        String key = now.get(0).key();
        try (var s = store.driver().session()) {
            s.run("MATCH (l:Lead {key: $k}) SET l.status = 'reviewing'", Map.of("k", key)).consume();
        }
        LeadStore.Outcome again = leads.save(guardianship.id(), engine.leads(guardianship, AS_OF), AS_OF, "cypher");
        assertThat(again.raised()).isZero();
        assertThat(again.updated()).isEqualTo(now.size());
        LocalDate later = AS_OF.plusYears(30);
        LeadStore.Outcome grownUp = leads.save(guardianship.id(), engine.leads(guardianship, later), later, "cypher");
        assertThat(grownUp.cleared()).as("every ward is an adult 30 years on").isEqualTo(now.size());
        try (var s = store.driver().session()) {
            var rec = s.run("MATCH (l:Lead {key: $k}) RETURN l.status AS status, l.holds AS holds, l.history AS h, "
                    + "count { (l)-[:EVIDENCE]->(:Record) } AS evidence", Map.of("k", key)).single();
            assertThat(rec.get("status").asString()).isEqualTo("reviewing");
            assertThat(rec.get("holds").asBoolean()).isFalse();
            assertThat(rec.get("h").asList()).hasSize(2).last().asString().contains("no longer holds");
            assertThat(rec.get("evidence").asLong()).isPositive();
        }
        leads.save(guardianship.id(), now, AS_OF, "cypher");
    }

    @Test
    void aLeadsEvidencePathRunsFromTheLeadThroughItsRecordsToThePeopleTheyAreAbout() {
        CypherEngine engine = new CypherEngine(store);
        Model venue = Models.byId("venue").orElseThrow();
        List<Lead> leads = engine.leads(venue, AS_OF);
        new LeadStore(store).save(venue.id(), leads, AS_OF, "cypher");
        Lead r61 = leads.stream().filter(l -> l.rules().contains("R6.1")).findFirst().orElseThrow();
        EvidencePaths.Path path = EvidencePaths.of(store, r61.key()).orElseThrow();
        assertThat(path.nodes()).filteredOn(n -> n.labels().contains("HotelStay")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(path.nodes()).filteredOn(n -> n.labels().contains("Person")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(path.nodes()).filteredOn(n -> n.labels().contains("Venue")).hasSize(1);
        assertThat(path.edges()).extracting(EvidencePaths.PathEdge::type).contains("EVIDENCE", "GUEST", "AT");
        assertThat(EvidencePaths.of(store, "venue:no-such-lead")).isEmpty();
    }

    @Test
    void theProfileOfAChildWhoseGuardiansAreDeadSuggestsReferralToCivilAffairs() {
        String key = expected().entrySet().stream().filter(e -> e.getValue().equals(List.of("R7.2")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String id = LeadKey.parse(key).person();
        AssistanceProfile.Profile p = AssistanceProfile.of(store, id, AS_OF).orElseThrow();
        assertThat(p.identity().get("id")).isEqualTo(id.substring(0, 6) + "*".repeat(11) + id.substring(17));
        assertThat(p.guardians()).isNotEmpty().allSatisfy(g -> assertThat(g.get("deceased")).isEqualTo(true));
        assertThat(p.riskFactors()).extracting(AssistanceProfile.RiskFactor::code).contains("guardians-deceased");
        assertThat(p.riskFactors().get(0).evidence()).allMatch(rid -> rid.startsWith("edu_students:"));
        assertThat(p.measures()).anyMatch(m -> m.contains("转介民政"));
    }

    @Test
    void cypherRaisesExactlyThePlantedLeads() {
        CypherEngine engine = new CypherEngine(store);
        Map<String, List<String>> actual = new TreeMap<>();
        for (Model m : Models.all()) {
            for (Lead l : engine.leads(m, AS_OF)) {
                actual.put(store.pseudonyms().reveal(l.key()), l.rules());
            }
        }
        assertThat(actual).isEqualTo(expected());
    }
}

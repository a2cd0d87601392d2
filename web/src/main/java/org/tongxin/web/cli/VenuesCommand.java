package org.tongxin.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neo4j.driver.Session;
import org.tongxin.analytics.model.Models;
import org.tongxin.analytics.model.venue.VenueLevels;
import org.tongxin.ingest.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "venues", mixinStandardHelpOptions = true,
        description = "Venue levels (green/yellow/red) as of a date, one JSON object a line, sorted by venue code.")
final class VenuesCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default)")
    String format;

    @Override
    public Integer call() throws Exception {
        ModelOptions.requireJsonl(format);
        try (GraphStore store = storeOptions.open()) {
            List<String> venues = new ArrayList<>();
            try (Session s = store.driver().session(store.session())) {
                s.run("MATCH (:VenueRegistration)-[:REGISTERS]->(v:Venue) RETURN DISTINCT v.code AS code ORDER BY code")
                        .forEachRemaining(r -> venues.add(r.get("code").asString()));
            }
            List<org.tongxin.analytics.lead.RuleHit> hits;
            try (var engine = modelOptions.engine(store)) {
                hits = engine.hits(Models.byId("venue").orElseThrow(), modelOptions.asOf());
            }
            ObjectMapper json = new ObjectMapper();
            StringBuilder out = new StringBuilder();
            for (VenueLevels.Level l : VenueLevels.of(venues, hits, modelOptions.asOf())) {
                out.append(json.writeValueAsString(l)).append('\n');
            }
            System.out.print(out);
        }
        return 0;
    }
}

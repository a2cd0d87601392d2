package org.tongxin.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.tongxin.analytics.engine.Engine;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.lead.LeadFacts;
import org.tongxin.analytics.model.Models;
import org.tongxin.ingest.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "leads", mixinStandardHelpOptions = true,
        description = "Evaluate the models as of a date with one engine and print the leads, one JSON object a line, sorted by key.")
final class LeadsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default)")
    String format;

    @Override
    public Integer call() throws Exception {
        ModelOptions.requireJsonl(format);
        try (GraphStore store = storeOptions.open(); Engine engine = modelOptions.engine(store)) {
            List<Lead> all = new ArrayList<>();
            for (Model m : Models.all()) {
                LeadFacts.withFacts(store, engine.leads(m, modelOptions.asOf()))
                        .forEach(l -> all.add(l.revealed(store.pseudonyms())));
            }
            all.sort(Comparator.comparing(Lead::key));
            ObjectMapper json = new ObjectMapper();
            StringBuilder out = new StringBuilder();
            for (Lead l : all) {
                out.append(json.writeValueAsString(l)).append('\n');
            }
            System.out.print(out);
        }
        return 0;
    }
}

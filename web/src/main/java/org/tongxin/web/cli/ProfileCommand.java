package org.tongxin.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.concurrent.Callable;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.ingest.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "The precise-assistance profile of one minor as JSON (identity numbers masked).")
final class ProfileCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The minor's identity number.")
    String id;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        try (GraphStore store = storeOptions.open()) {
            var profile = AssistanceProfile.of(store, id, modelOptions.asOf())
                    .orElseThrow(() -> new IllegalArgumentException("no person with that identity number in the graph"));
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .enable(SerializationFeature.INDENT_OUTPUT);
            // The record ids in it hold identity numbers as tokens; the operator's command line opens them.
            Object tree = json.convertValue(profile, Object.class);
            System.out.println(json.writeValueAsString(store.pseudonyms().revealAll(tree, (kind, clear) -> clear)));
        }
        return 0;
    }
}

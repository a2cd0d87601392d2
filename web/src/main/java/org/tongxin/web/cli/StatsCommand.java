package org.tongxin.web.cli;

import java.util.concurrent.Callable;
import org.tongxin.ingest.load.GraphStats;
import org.tongxin.ingest.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Count nodes per label and relationships per type.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() {
        try (GraphStore store = storeOptions.open()) {
            System.out.print(GraphStats.of(store).toText());
        }
        return 0;
    }
}

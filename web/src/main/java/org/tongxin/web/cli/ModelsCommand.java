package org.tongxin.web.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tongxin.analytics.engine.Engine;
import org.tongxin.analytics.run.ModelRun;
import org.tongxin.ingest.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "'models run': run every model, store the leads in the graph, print counts per model and rule.")
final class ModelsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ACTION", description = "run")
    String action;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        if (!action.equals("run")) {
            throw new IllegalArgumentException("unknown action '" + action + "' (run)");
        }
        try (GraphStore store = storeOptions.open(); Engine engine = modelOptions.engine(store)) {
            run(store, engine, modelOptions.asOf());
        }
        return 0;
    }

    static void run(GraphStore store, Engine engine, LocalDate asOf) {
        System.out.printf("models as of %s, engine %s%n", asOf, engine.name());
        ModelRun.all(store, engine, asOf, o -> {
            StringBuilder perRule = new StringBuilder();
            for (var r : o.model().rules()) {
                long n = o.leads().stream().filter(l -> l.rules().contains(r.id())).count();
                perRule.append(String.format(" %s=%d", r.id(), n));
            }
            System.out.printf("  %-18s %5d leads (%d new, %d still, %d cleared) in %.2f s;%s%n", o.model().id(),
                    o.leads().size(), o.stored().raised(), o.stored().updated(), o.stored().cleared(), o.seconds(), perRule);
        });
    }
}

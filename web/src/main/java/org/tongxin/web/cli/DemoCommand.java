package org.tongxin.web.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tongxin.ingest.load.GraphStats;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;
import org.tongxin.model.time.LegalAge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a small synthetic city, load it into a fresh embedded store, print the load report, run the models and serve the web view.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: a new temporary folder).")
    Path dir;

    @Option(names = "--persons", defaultValue = "3000", description = "City size (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bolt-port", defaultValue = "0",
            description = "Bolt port of the demo store on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--no-serve", description = "Stop after running the models instead of serving the web view.")
    boolean noServe;

    @picocli.CommandLine.Mixin
    ServeCommand.ServerOptions serverOptions;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("tongxin-demo");
        Path city = work.resolve("city");
        Path storeDir = work.resolve("store");
        if (Files.exists(storeDir)) {
            throw new IllegalArgumentException(storeDir + " already exists; the demo needs a fresh folder");
        }
        LocalDate today = serverOptions.asOf != null ? serverOptions.asOf : LocalDate.now(LegalAge.ZONE);
        CityGenerator.Result r = CityGenerator.generate(new CityGenerator.Config(persons, seed, today, city));
        System.out.printf("1. generated a city of %,d persons in %s (%d planted leads, %d near misses)%n", r.persons(),
                city, r.expectedLeads(), r.nearMisses());
        GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(storeDir).boltPort(boltPort).build());
        try {
            System.out.println("2. embedded Neo4j in " + storeDir + ", Bolt " + store.boltUri());
            System.out.println("3. load report:");
            IngestCommand.ingest(store, city, work.resolve("quarantine"), 2000, work.resolve("load-report.json"));
            System.out.println("4. graph:");
            System.out.print(GraphStats.of(store).toText());
            System.out.println("5. models:");
            ModelsCommand.run(store, new org.tongxin.analytics.engine.CypherEngine(store), today);
            System.out.println("demo folder: " + work.toAbsolutePath());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        if (noServe) {
            store.close();
            return 0;
        }
        Path state = work.resolve("state");
        System.out.println("6. demo users (one per role; passwords shown once):");
        UsersCommand.demoUsers(state).forEach((name, line) -> System.out.println("   " + line));
        System.out.println("7. web view:");
        ServeCommand.serve(store, serverOptions, today, state, services -> {
            System.out.println("8. demo content in the observer platform, co-education garden and education base:");
            org.tongxin.web.demo.Showcase.add(services, today).forEach(line -> System.out.println("   " + line));
            System.out.flush();
        });
        return 0;
    }
}

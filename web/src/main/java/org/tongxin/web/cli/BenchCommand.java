package org.tongxin.web.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongxin.ingest.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (not tests): 'bench ingest --persons N', 'bench models --persons N'.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "What to measure: ingest or models.")
    String what;

    @Option(names = "--persons", defaultValue = "100000", description = "City size (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--batch", defaultValue = "2000", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--page-cache", defaultValue = "2g")
    String pageCache;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working folder (default: a new temporary folder).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("tongxin-bench");
        switch (what) {
            case "ingest" -> System.out.print(IngestBenchmark.run(persons, seed, work, batch, pageCache).toText());
            case "models" -> System.out.print(org.tongxin.analytics.bench.ModelBenchmark.run(persons, seed, work, pageCache, 200));
            default -> throw new IllegalArgumentException("unknown benchmark '" + what + "' (ingest or models)");
        }
        System.out.println("work folder: " + work.toAbsolutePath());
        return 0;
    }
}

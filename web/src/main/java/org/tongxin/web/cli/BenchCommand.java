package org.tongxin.web.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongxin.ingest.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (not tests): 'bench ingest --persons N'.")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "What to measure: ingest.")
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
        if (!what.equals("ingest")) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "' (known: ingest)");
        }
        Path work = dir != null ? dir : Files.createTempDirectory("tongxin-bench");
        System.out.print(IngestBenchmark.run(persons, seed, work, batch, pageCache).toText());
        System.out.println("work folder: " + work.toAbsolutePath());
        return 0;
    }
}

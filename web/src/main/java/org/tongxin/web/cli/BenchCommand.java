package org.tongxin.web.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongxin.ingest.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (not tests): 'bench ingest --persons N', 'bench models --persons N', "
                + "'bench api --url URL --user U --password P [--rate 200] [--seconds 60]' against a running server, "
                + "'bench classifier' (held-out and cross-validated accuracy of the observers' category suggestion).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "WHAT", description = "What to measure: ingest, models, api or classifier.")
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

    @Option(names = "--url", paramLabel = "URL", description = "api: the running server (e.g. http://127.0.0.1:8080/).")
    String url;

    @Option(names = "--user", description = "api: a prosecutor's user name (the demo prints one).")
    String user;

    @Option(names = "--password", description = "api: that user's password (or TONGXIN_PASSWORD).")
    String password;

    @Option(names = "--rate", defaultValue = "200", description = "api: requests per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "60", description = "api: how long to measure (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "api: seconds of load before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (what.equals("api")) {
            String pw = password != null ? password : System.getenv("TONGXIN_PASSWORD");
            if (url == null || user == null || pw == null) {
                throw new IllegalArgumentException("bench api needs --url, --user and --password (or TONGXIN_PASSWORD)");
            }
            System.out.print(org.tongxin.web.bench.ApiBenchmark.run(url, user, pw, rate, seconds, warmup));
            return 0;
        }
        if (what.equals("classifier")) {
            var held = org.tongxin.domain.observer.Classifier.heldOut(4);
            var cross = org.tongxin.domain.observer.Classifier.crossValidated(4);
            System.out.printf("held out (every 4th example of each category): %d of %d right, accuracy %.3f (trained on %d)%n",
                    held.correct(), held.heldOut(), held.accuracy(), held.trained());
            System.out.printf("4-fold cross-validation over all examples: %d of %d right, accuracy %.3f%n",
                    cross.correct(), cross.heldOut(), cross.accuracy());
            cross.misses().forEach(m -> System.out.println("  miss " + m));
            return 0;
        }
        Path work = dir != null ? dir : Files.createTempDirectory("tongxin-bench");
        switch (what) {
            case "ingest" -> System.out.print(IngestBenchmark.run(persons, seed, work, batch, pageCache).toText());
            case "models" -> System.out.print(org.tongxin.analytics.bench.ModelBenchmark.run(persons, seed, work, pageCache, 200));
            default -> throw new IllegalArgumentException("unknown benchmark '" + what + "' (ingest, models, api or classifier)");
        }
        System.out.println("work folder: " + work.toAbsolutePath());
        return 0;
    }
}

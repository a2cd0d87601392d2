package org.tongxin.web.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.tongxin.ingest.synth.CityGenerator;
import org.tongxin.model.time.LegalAge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a deterministic synthetic city in the exchange format, with planted cases and "
                + "expected-leads.json.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--persons", defaultValue = "2000", description = "Approximate number of residents (default: ${DEFAULT-VALUE}).")
    int persons;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Date the answer key is for (default: today, Asia/Shanghai).")
    LocalDate asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        LocalDate date = asOf == null ? LocalDate.now(LegalAge.ZONE) : asOf;
        long t0 = System.nanoTime();
        CityGenerator.Result r = CityGenerator.generate(new CityGenerator.Config(persons, seed, date, out));
        System.out.printf("generated %,d persons into %s in %.1f s (as of %s, seed %d)%n", r.persons(),
                out.toAbsolutePath(), (System.nanoTime() - t0) / 1e9, date, seed);
        r.rowsPerFile().forEach((f, n) -> System.out.printf("  %-34s %,10d rows%n", f, n));
        System.out.printf("answer key: %d leads, %d near misses (expected-leads.json)%n", r.expectedLeads(), r.nearMisses());
        return 0;
    }
}

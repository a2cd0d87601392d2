package org.tongxin.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.load.LoadReport;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Load a folder of department files into the graph and print the load report.")
final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "Folder with <dataset>.csv / <dataset>.xlsx files.")
    Path folder;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the load report as JSON.")
    Path report;

    @Option(names = "--quarantine", paramLabel = "DIR",
            description = "Where rejected rows go (default: quarantine/ beside the store, or ./quarantine).")
    Path quarantine;

    @Option(names = "--batch", defaultValue = "2000", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
        try (GraphStore store = storeOptions.open()) {
            LoadReport r = ingest(store, folder, quarantineDir(), batch, report);
            return r.files().stream().anyMatch(f -> f.error() != null) ? 1 : 0;
        }
    }

    Path quarantineDir() {
        if (quarantine != null) {
            return quarantine;
        }
        return storeOptions.uri == null ? storeOptions.store.toAbsolutePath().resolveSibling("quarantine")
                : Path.of("quarantine");
    }

    static LoadReport ingest(GraphStore store, Path folder, Path quarantine, int batch, Path reportFile) throws Exception {
        boolean interactive = System.console() != null;
        LoadReport r = new FolderLoader(store, Mappings.bundled(), quarantine, batch, interactive).load(folder, f -> {
            if (!interactive) {
                System.err.printf("loaded %s: %d of %d rows in %.1f s%n", f.file(), f.loaded(), f.read(), f.millis() / 1000.0);
            }
        });
        System.out.print(r.toText());
        if (reportFile != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(reportFile.toFile(), r);
            System.out.println("report: " + reportFile.toAbsolutePath());
        }
        return r;
    }
}

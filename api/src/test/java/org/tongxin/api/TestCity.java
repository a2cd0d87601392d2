package org.tongxin.api;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.run.ModelRun;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;

/**
 * One generated city per test JVM: 1,200 persons, loaded into an embedded Neo4j, models run, and the real server
 * started on a free port. Test classes share it (it takes about ten seconds to build); the tests that change
 * lead workflow each use leads no other test touches.
 */
public final class TestCity {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static TestCity instance;

    public final Path dir;
    public final GraphStore store;
    public final ApiServices services;
    public final Javalin app;
    public final Http http;

    private TestCity(String webRoot) throws Exception {
        dir = Files.createTempDirectory("tongxin-api-city");
        CityGenerator.generate(new CityGenerator.Config(1200, 7, AS_OF, dir.resolve("city")));
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("64m").build());
        new FolderLoader(store, Mappings.bundled(), dir.resolve("quarantine"), 1000, false).load(dir.resolve("city"));
        ModelRun.all(store, new CypherEngine(store), AS_OF, o -> { });
        ApiOptions.Builder options = ApiOptions.builder().port(0).asOf(AS_OF);
        if (webRoot != null) {
            options.webRoot(webRoot);
        }
        services = ApiServices.over(store, options.build());
        services.search().rebuild();
        app = ApiServer.start(services);
        http = new Http("http://127.0.0.1:" + app.port());
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** The shared city with the API only. */
    public static synchronized TestCity get() throws Exception {
        return get(null);
    }

    /** The shared city; the first caller decides whether the web view is served too. */
    public static synchronized TestCity get(String webRoot) throws Exception {
        if (instance == null) {
            instance = new TestCity(webRoot);
        }
        return instance;
    }

    public Path cityFolder() {
        return dir.resolve("city");
    }

    private void close() {
        app.stop();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            // a temporary folder left behind is harmless
        }
    }
}

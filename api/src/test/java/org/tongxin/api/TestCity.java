package org.tongxin.api;

import org.tongxin.api.config.ApiOptions;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.neo4j.driver.Session;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.run.ModelRun;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.domain.user.Role;
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
    /** The procuratorate the server's documents come from. */
    public static final String UNIT_NAME = "烟台市牟平区人民检察院";
    private static TestCity instance;

    public final Path dir;
    public final GraphStore store;
    public final ApiServices services;
    public final Javalin app;
    /** A prosecutor's session. */
    public final Http http;
    /** One user per role (department staff: education), with their passwords. */
    public final Map<Role, String[]> users = new EnumMap<>(Role.class);

    private TestCity(String webRoot) throws Exception {
        dir = Files.createTempDirectory("tongxin-api-city");
        CityGenerator.generate(new CityGenerator.Config(1200, 7, AS_OF, dir.resolve("city")));
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("64m").build());
        new FolderLoader(store, Mappings.bundled(), dir.resolve("quarantine"), 1000, false).load(dir.resolve("city"));
        ModelRun.all(store, new CypherEngine(store), AS_OF, o -> { });
        ApiOptions.Builder options = ApiOptions.builder().port(0).asOf(AS_OF).stateDir(dir.resolve("state"))
                .unitName(UNIT_NAME);
        if (webRoot != null) {
            options.webRoot(webRoot);
        }
        services = ApiServices.over(store, options.build());
        services.search().rebuild();
        for (Role r : Role.values()) {
            String name = "test-" + r.code().replace('_', '-');
            String password = services.access().users().add(name, r, "370612-JCY", r == Role.DEPARTMENT ? "education" : null);
            users.put(r, new String[] {name, password});
        }
        app = ApiServer.start(services);
        http = as(Role.PROSECUTOR);
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

    /** A fresh session of the test user with this role. */
    public Http as(Role role) {
        return Http.loggedIn(base(), users.get(role)[0], users.get(role)[1]);
    }

    public String base() {
        return "http://127.0.0.1:" + app.port();
    }

    public Path cityFolder() {
        return dir.resolve("city");
    }

    /** How many audit entries this user has with one of these actions. */
    public int audited(String user, String... actions) {
        Predicate<AuditLog.Entry> match =
                e -> user.equals(e.user()) && List.of(actions).contains(e.action());
        return services.access().audit().recent(match, Integer.MAX_VALUE).size();
    }

    /** Counts of nodes and relationships and a hash over every node's and relationship's properties. */
    public String checksum() {
        try (Session s = store.driver().session()) {
            return s.run("""
                    CALL () { MATCH (n) RETURN count(n) AS nodes,
                              sum(size(labels(n)) + size(keys(n))) AS shape,
                              sum(toInteger(reduce(h = 0, k IN keys(n) | (h * 31 + size(coalesce(toStringOrNull(n[k]), reduce(t = '', x IN n[k] | t + toString(x))))) % 1000003))) AS values }
                    CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS relShape }
                    RETURN nodes, shape, values, rels, relShape
                    """).single().asMap().toString();
        }
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

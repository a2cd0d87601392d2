package org.tongxin.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;

/**
 * A load killed with SIGKILL at seeded random moments — after the n-th file, plus a few milliseconds — then run again, leaves the same graph as one clean load of
 * the same folder: the same nodes per label and relationships per type, and the same checksum over every node's
 * and relationship's keys and values (the load times aside). Nothing lost, nothing doubled.
 */
class CrashDuringLoadTest {

    private static final long SEED = 20261127L;
    private static final int KILLS = 5;
    private static final Set<String> LOAD_TIMES = Set.of("loadedAt", "firstLoadedAt", "lastLoadedAt");

    @TempDir
    static Path dir;
    private static Path city;
    private static Fingerprint clean;

    /** Counts per label and type, and a SHA-256 over the sorted node and relationship descriptions. */
    record Fingerprint(Map<String, Long> labels, Map<String, Long> types, String checksum) {
    }

    @BeforeAll
    static void cleanLoad() throws Exception {
        city = dir.resolve("city");
        CityGenerator.generate(new CityGenerator.Config(600, 11, LocalDate.of(2026, 11, 27), city));
        try (GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("clean")).pageCache("64m").build())) {
            new FolderLoader(store, Mappings.bundled(), dir.resolve("q-clean"), 200, false).load(city);
            clean = fingerprint(store);
        }
    }

    @Test
    void aLoadKilledAtSeededMomentsAndRunAgainEqualsACleanLoad() throws Exception {
        Random random = new Random(SEED);
        List<String> killedAt = new ArrayList<>();
        int attempt = 0;
        while (killedAt.size() < KILLS && attempt < 3 * KILLS) {
            attempt++;
            int files = 1 + random.nextInt(15);
            long delay = random.nextInt(500);
            Path store = dir.resolve("crash-" + attempt);
            Process p = ingest(store, "kill-" + attempt);
            awaitFiles(p, dir.resolve("kill-" + attempt + ".log"), files);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String stage = rowsIn(store);
                killedAt.add(delay + " ms after file " + files + " (" + stage + ")");
            } else {
                continue;
            }
            Process again = ingest(store, "rerun-" + attempt);
            assertThat(again.waitFor(180, TimeUnit.SECONDS)).as("the rerun finishes").isTrue();
            assertThat(again.exitValue()).as(Files.readString(dir.resolve("rerun-" + attempt + ".log"))).isZero();
            try (GraphStore s = GraphStore.open(StoreConfig.builder().storeDir(store).pageCache("64m").build())) {
                assertThat(fingerprint(s)).as("after a kill at " + killedAt.get(killedAt.size() - 1)).isEqualTo(clean);
            }
        }
        System.out.println("killed at: " + killedAt);
        assertThat(killedAt).hasSize(KILLS);
    }

    /** Waits until the load has written {@code files} files (it prints a line for each). */
    private static void awaitFiles(Process p, Path log, int files) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until && p.isAlive()) {
            if (Files.exists(log) && Files.readString(log).split("\nloaded ", -1).length > files) {
                return;
            }
            Thread.sleep(10);
        }
        assertThat(p.isAlive()).as("the load had not written " + files + " files after 120 s: " + Files.readString(log)).isFalse();
    }

    /** How far the killed load got, read from the store afterwards (which must open and recover). */
    private static String rowsIn(Path store) {
        if (!Files.exists(store.resolve("bolt-password"))) {
            return "before the store existed";
        }
        try (GraphStore s = GraphStore.open(StoreConfig.builder().storeDir(store).pageCache("64m").build());
             Session session = s.driver().session()) {
            return session.run("MATCH (r:Record) RETURN count(r) AS n").single().get("n").asLong() + " of "
                    + clean.labels().get("Record") + " records";
        }
    }

    private static Process ingest(Path store, String name) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "org.tongxin.web.Main", "ingest", city.toString(),
                "--store", store.toString(), "--bolt-port", "0", "--page-cache", "64m", "--batch", "200",
                "--quarantine", dir.resolve("q-" + name).toString());
        File log = dir.resolve(name + ".log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }

    static Fingerprint fingerprint(GraphStore store) throws Exception {
        Map<String, Long> labels = new TreeMap<>();
        Map<String, Long> types = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        try (Session s = store.driver().session()) {
            s.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props").forEachRemaining(r -> {
                List<String> ls = new ArrayList<>(r.get("labels").asList(v -> v.asString()));
                ls.sort(null);
                ls.forEach(l -> labels.merge(l, 1L, Long::sum));
                lines.add("N" + ls + describe(r.get("props").asMap()));
            });
            s.run("""
                    MATCH (a)-[r]->(b)
                    RETURN type(r) AS type, properties(r) AS props,
                           coalesce(a.rid, a.id, a.no, a.code, a.plate, a.sid, a.key) AS from,
                           coalesce(b.rid, b.id, b.no, b.code, b.plate, b.sid, b.key) AS to
                    """).forEachRemaining(r -> {
                types.merge(r.get("type").asString(), 1L, Long::sum);
                lines.add("R" + r.get("type").asString() + " " + r.get("from") + "→" + r.get("to") + describe(r.get("props").asMap()));
            });
        }
        lines.sort(null);
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        lines.forEach(l -> d.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Fingerprint(labels, types, HexFormat.of().formatHex(d.digest()));
    }

    private static String describe(Map<String, Object> props) {
        Map<String, Object> sorted = new TreeMap<>(props);
        LOAD_TIMES.forEach(sorted::remove);
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v instanceof List<?> l ? l.toString() : String.valueOf(v)));
        return sb.toString();
    }
}

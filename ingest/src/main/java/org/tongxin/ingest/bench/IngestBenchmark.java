package org.tongxin.ingest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.driver.Session;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.load.LoadReport;
import org.tongxin.ingest.load.ParsedRow;
import org.tongxin.ingest.load.RowParser;
import org.tongxin.ingest.load.SchemaInstaller;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.LinkSpec;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.read.FileRejectedException;
import org.tongxin.ingest.read.RawRow;
import org.tongxin.ingest.read.Table;
import org.tongxin.ingest.read.TableReader;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;
import org.tongxin.model.privacy.Keyring;
import org.tongxin.model.privacy.Pseudonyms;
import org.tongxin.model.time.LegalAge;

/**
 * Measures the product's ingest against a bare batched {@code UNWIND … MERGE} of the same rows through the same
 * driver, each into a fresh embedded store with the same constraints. The baseline writes the same nodes,
 * relationships and values (row properties, entity names, relationship properties) but no provenance: no raw
 * row, hash, file and line, flags, history or per-value sources. Its rows are parsed before its clock starts;
 * the product's time includes reading, decoding and validating the files.
 */
public final class IngestBenchmark {

    /** Figures of one run. */
    public record Figures(int persons, long rows, double productSeconds, double baselineSeconds, long peakHeapBytes,
                          long peakRssBytes, double generateSeconds) {
        public double productRowsPerSecond() {
            return rows / productSeconds;
        }

        public double baselineRowsPerSecond() {
            return rows / baselineSeconds;
        }

        public String toText() {
            return String.format("""
                    ingest benchmark, %,d persons, %,d rows (generated in %.1f s)
                      product ingest : %8.1f s  %,10.0f rows/s
                      bare UNWIND    : %8.1f s  %,10.0f rows/s
                      ratio          : %8.2f × the bare baseline (target ≥ 0.80)
                      peak heap      : %,d MiB; peak RSS %,d MiB
                    """, persons, rows, generateSeconds, productSeconds, productRowsPerSecond(), baselineSeconds,
                    baselineRowsPerSecond(), productRowsPerSecond() / baselineRowsPerSecond(), peakHeapBytes >> 20,
                    peakRssBytes >> 20);
        }
    }

    private IngestBenchmark() {
    }

    public static Figures run(int persons, long seed, Path work, int batch, String pageCache) throws Exception {
        // Warm the JIT on a small city with both writers first, so that neither pays for it in the timing.
        Path warm = work.resolve("warm-up");
        CityGenerator.generate(new CityGenerator.Config(1000, seed + 1, LocalDate.now(LegalAge.ZONE), warm.resolve("city")));
        measure(warm, batch, "64m");
        return measure(work, persons, seed, batch, pageCache);
    }

    private static Figures measure(Path work, int persons, long seed, int batch, String pageCache) throws Exception {
        long g0 = System.nanoTime();
        CityGenerator.generate(new CityGenerator.Config(persons, seed, LocalDate.now(LegalAge.ZONE), work.resolve("city")));
        double generate = (System.nanoTime() - g0) / 1e9;
        Figures f = measure(work, batch, pageCache);
        return new Figures(persons, f.rows(), f.productSeconds(), f.baselineSeconds(), f.peakHeapBytes(),
                f.peakRssBytes(), generate);
    }

    /** Times both writers over the city in {@code work/city}, each into a fresh store under {@code work}. */
    private static Figures measure(Path work, int batch, String pageCache) throws Exception {
        Path city = work.resolve("city");
        double generate = 0;
        int persons = 0;
        Mappings mappings = Mappings.bundled();

        double product;
        long rows;
        try (GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(work.resolve("product"))
                .pageCache(pageCache).build())) {
            SchemaInstaller.install(store, mappings);
            long t0 = System.nanoTime();
            LoadReport r = new FolderLoader(store, mappings, work.resolve("quarantine"), batch, false).load(city);
            product = (System.nanoTime() - t0) / 1e9;
            rows = r.loaded();
        }

        Map<DatasetMapping, List<ParsedRow>> parsed = parseAll(city, mappings,
                new Pseudonyms(Keyring.open(work.resolve("state"))));
        double baseline;
        try (GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(work.resolve("baseline"))
                .pageCache(pageCache).build())) {
            SchemaInstaller.install(store, mappings);
            long t0 = System.nanoTime();
            for (Map.Entry<DatasetMapping, List<ParsedRow>> e : parsed.entrySet()) {
                bare(store, e.getKey(), e.getValue(), batch);
            }
            baseline = (System.nanoTime() - t0) / 1e9;
        }
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new Figures(persons, rows, product, baseline, heap, peakRss(), generate);
    }

    private static Map<DatasetMapping, List<ParsedRow>> parseAll(Path city, Mappings mappings,
                                                               Pseudonyms pseudonyms)
            throws IOException, FileRejectedException {
        Map<DatasetMapping, List<ParsedRow>> out = new java.util.LinkedHashMap<>();
        for (DatasetMapping m : mappings.all()) {
            Path f = Files.exists(city.resolve(m.dataset() + ".csv")) ? city.resolve(m.dataset() + ".csv")
                    : city.resolve(m.dataset() + ".xlsx");
            if (!Files.exists(f)) {
                continue;
            }
            Table t = TableReader.read(f);
            RowParser p = new RowParser(m, t.header(), LocalDate.now(LegalAge.ZONE), pseudonyms);
            Map<String, ParsedRow> last = new java.util.LinkedHashMap<>();
            for (RawRow raw : t.rows()) {
                ParsedRow row = p.parse(raw);
                if (!row.rejected()) {
                    last.put(row.rid(), row);
                }
            }
            out.put(m, new ArrayList<>(last.values()));
        }
        return out;
    }

    /** The hand-written baseline: one MERGE of the rows, one per link type, in the same batches. */
    private static void bare(GraphStore store, DatasetMapping m, List<ParsedRow> rows, int batch) {
        String rowsCypher = "UNWIND $rows AS row MERGE (r:Record {rid: row.rid}) SET r:" + m.label() + ", r += row.props";
        List<String> linkCypher = new ArrayList<>();
        for (LinkSpec l : m.links()) {
            linkCypher.add(l.betweenEntities()
                    ? ("UNWIND $links AS l MATCH (a:%s {%s: l.fromKey}) MATCH (e:%s {%s: l.key}) "
                            + "MERGE (a)-[x:%s]->(e) SET x += l.rel")
                            .formatted(l.fromEntity().label(), l.fromEntity().key(), l.entity().label(), l.entity().key(), l.type())
                    : ("UNWIND $links AS l MATCH (r:Record {rid: l.rid}) MERGE (e:%s {%s: l.key}) SET e += l.set "
                            + "MERGE (r)-[x:%s]->(e) SET x += l.rel")
                            .formatted(l.entity().label(), l.entity().key(), l.type()));
        }
        for (int from = 0; from < rows.size(); from += batch) {
            List<ParsedRow> slice = rows.subList(from, Math.min(rows.size(), from + batch));
            List<Map<String, Object>> params = new ArrayList<>();
            List<List<Map<String, Object>>> links = new ArrayList<>();
            m.links().forEach(l -> links.add(new ArrayList<>()));
            for (ParsedRow r : slice) {
                params.add(Map.of("rid", r.rid(), "props", r.props()));
                for (ParsedRow.LinkRow l : r.links()) {
                    Map<String, Object> p = new HashMap<>();
                    p.put("rid", r.rid());
                    p.put("key", l.key());
                    p.put("fromKey", l.fromKey());
                    Map<String, Object> set = new HashMap<>(l.set());
                    set.values().removeIf(java.util.Objects::isNull);
                    p.put("set", set);
                    p.put("rel", l.relProps());
                    links.get(l.link()).add(p);
                }
            }
            try (Session s = store.driver().session(store.session())) {
                s.executeWriteWithoutResult(tx -> {
                    tx.run(rowsCypher, Map.of("rows", params)).consume();
                    for (int i = 0; i < linkCypher.size(); i++) {
                        if (!links.get(i).isEmpty()) {
                            tx.run(linkCypher.get(i), Map.of("links", links.get(i))).consume();
                        }
                    }
                });
            }
        }
    }

    /** Peak resident set size of this process (VmHWM), 0 where /proc is not there. */
    static long peakRss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmHWM:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

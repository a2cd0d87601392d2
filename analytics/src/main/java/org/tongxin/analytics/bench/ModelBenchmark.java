package org.tongxin.analytics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.engine.GremlinEngine;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.engine.TinkerProjection;
import org.tongxin.analytics.lead.EvidencePaths;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.model.Models;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;
import org.tongxin.model.time.LegalAge;

/**
 * Times every model on both engines over a generated city, the TinkerGraph projection (time and heap), and the
 * fetch of stored leads' evidence paths (p50/p95). Prints figures; asserts nothing.
 */
public final class ModelBenchmark {

    private ModelBenchmark() {
    }

    public static String run(int persons, long seed, Path work, String pageCache, int pathSamples) throws Exception {
        StringBuilder out = new StringBuilder();
        LocalDate asOf = LocalDate.now(LegalAge.ZONE);
        long t0 = System.nanoTime();
        CityGenerator.generate(new CityGenerator.Config(persons, seed, asOf, work.resolve("city")));
        try (GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(work.resolve("store")).pageCache(pageCache).build())) {
            new FolderLoader(store, Mappings.bundled(), work.resolve("q"), 2000, false).load(work.resolve("city"));
            out.append(String.format("models benchmark, %,d persons (generated and loaded in %.1f s), as of %s%n",
                    persons, (System.nanoTime() - t0) / 1e9, asOf));
            CypherEngine cypher = new CypherEngine(store);
            LeadStore leadStore = new LeadStore(store);
            double cypherTotal = 0;
            List<double[]> times = new ArrayList<>();
            for (Model m : Models.all()) {
                cypher.leads(m, asOf);  // warm the plan cache, as a running server would have it
                long a = System.nanoTime();
                List<Lead> leads = cypher.leads(m, asOf);
                double s = (System.nanoTime() - a) / 1e9;
                cypherTotal += s;
                leadStore.save(m.id(), leads, asOf, "cypher");
                times.add(new double[] {s, leads.size()});
            }
            long heapBefore = usedHeap();
            long p0 = System.nanoTime();
            TinkerGraph projection = TinkerProjection.build(store, Models.all());
            double projectSeconds = (System.nanoTime() - p0) / 1e9;
            System.gc();
            long projectionHeap = usedHeap() - heapBefore;
            double gremlinTotal = 0;
            try (GremlinEngine gremlin = new GremlinEngine(projection.traversal())) {
                int i = 0;
                out.append(String.format("  %-18s %10s %10s %8s%n", "model", "cypher s", "gremlin s", "leads"));
                for (Model m : Models.all()) {
                    gremlin.leads(m, asOf);
                    long a = System.nanoTime();
                    gremlin.leads(m, asOf);
                    double s = (System.nanoTime() - a) / 1e9;
                    gremlinTotal += s;
                    out.append(String.format("  %-18s %10.2f %10.2f %8d%n", m.id(), times.get(i)[0], s, (long) times.get(i)[1]));
                    i++;
                }
            }
            out.append(String.format("  %-18s %10.2f %10.2f   (gremlin/cypher %.2f×; target ≤ 2×, cypher target < 30 s)%n",
                    "all models", cypherTotal, gremlinTotal, gremlinTotal / cypherTotal));
            out.append(String.format("  TinkerGraph projection: built in %.1f s, about %,d MiB of heap%n", projectSeconds,
                    Math.max(0, projectionHeap) >> 20));
            List<String> keys = new ArrayList<>();
            try (var s = store.driver().session()) {
                s.run("MATCH (l:Lead) RETURN l.key AS k").forEachRemaining(r -> keys.add(r.get("k").asString()));
            }
            Collections.shuffle(keys, new java.util.Random(seed));
            List<Double> ms = new ArrayList<>();
            for (String k : keys.subList(0, Math.min(pathSamples, keys.size()))) {
                EvidencePaths.of(store, k);
            }
            for (int i = 0; i < Math.min(pathSamples, keys.size()); i++) {
                long a = System.nanoTime();
                EvidencePaths.of(store, keys.get(i));
                ms.add((System.nanoTime() - a) / 1e6);
            }
            Collections.sort(ms);
            if (!ms.isEmpty()) {
                out.append(String.format("  evidence path over %d leads: p50 %.1f ms, p95 %.1f ms (target p95 < 50 ms)%n",
                        ms.size(), ms.get(ms.size() / 2), ms.get((int) Math.min(ms.size() - 1, Math.round(ms.size() * 0.95)))));
            }
        }
        return out.toString();
    }

    private static long usedHeap() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}

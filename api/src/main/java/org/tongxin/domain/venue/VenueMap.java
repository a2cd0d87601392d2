package org.tongxin.domain.venue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Session;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.model.Models;
import org.tongxin.analytics.model.venue.VenueLevels;
import org.tongxin.ingest.store.GraphStore;

/**
 * The venue heat map's data: every registered venue with its coordinates, kind and level (green/yellow/red, by
 * the venue model's rule of models.md), counts per level, and an outline of the district drawn as the convex hull
 * of every known place — there are no map tiles to draw on. Levels for one as-of date are computed once.
 *
 * <p>Cost: one run of the venue model (under a second for the demo city) per as-of date, then a map lookup.
 */
public final class VenueMap {

    private final GraphStore store;
    private final Map<LocalDate, Map<String, Object>> cache = new ConcurrentHashMap<>();

    public VenueMap(GraphStore store) {
        this.store = store;
    }

    /** Forgets computed levels (after the models run again). */
    public void invalidate() {
        cache.clear();
    }

    public Map<String, Object> of(LocalDate asOf) {
        return cache.computeIfAbsent(asOf, this::compute);
    }

    private Map<String, Object> compute(LocalDate asOf) {
        List<Map<String, Object>> venues = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        try (Session s = store.driver().session(store.session())) {
            s.run("""
                    MATCH (:VenueRegistration)-[:REGISTERS]->(v:Venue)
                    RETURN DISTINCT elementId(v) AS id, v.code AS code, v.name AS name, v.kind AS kind,
                           v.address AS address, v.lon AS lon, v.lat AS lat
                    ORDER BY code
                    """).forEachRemaining(r -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("id", r.get("id").asString());
                v.put("code", r.get("code").asString());
                v.put("name", r.get("name").asString(null));
                v.put("kind", r.get("kind").asString(null));
                v.put("address", r.get("address").asString(null));
                v.put("lon", r.get("lon").isNull() ? null : r.get("lon").asDouble());
                v.put("lat", r.get("lat").isNull() ? null : r.get("lat").asDouble());
                venues.add(v);
            });
            s.run("MATCH (u) WHERE (u:Venue OR u:Unit) AND u.lon IS NOT NULL AND u.lat IS NOT NULL RETURN u.lon AS x, u.lat AS y")
                    .forEachRemaining(r -> points.add(new double[] {r.get("x").asDouble(), r.get("y").asDouble()}));
        }
        var hits = new CypherEngine(store).hits(Models.byId("venue").orElseThrow(), asOf);
        Map<String, VenueLevels.Level> levels = new HashMap<>();
        VenueLevels.of(venues.stream().map(v -> (String) v.get("code")).toList(), hits, asOf)
                .forEach(l -> levels.put(l.venue(), l));
        Map<String, Long> counts = new TreeMap<>();
        List<Map<String, Object>> unplaced = new ArrayList<>();
        for (Map<String, Object> v : venues) {
            VenueLevels.Level l = levels.get((String) v.get("code"));
            v.put("level", l.level());
            v.put("leads", l.leads());
            counts.merge(l.level(), 1L, Long::sum);
            if (v.get("lon") == null || v.get("lat") == null) {
                unplaced.add(v);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", asOf.toString());
        out.put("counts", counts);
        out.put("venues", venues);
        out.put("unplaced", unplaced.size());
        out.put("outline", hull(points));
        return out;
    }

    /** Convex hull (Andrew's monotone chain), counter-clockwise, as [lon, lat] pairs. */
    static List<double[]> hull(List<double[]> pts) {
        List<double[]> p = new ArrayList<>(pts);
        p.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
        if (p.size() < 3) {
            return p;
        }
        double[][] h = new double[2 * p.size()][];
        int k = 0;
        for (double[] q : p) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], q) <= 0) {
                k--;
            }
            h[k++] = q;
        }
        for (int i = p.size() - 2, t = k + 1; i >= 0; i--) {
            while (k >= t && cross(h[k - 2], h[k - 1], p.get(i)) <= 0) {
                k--;
            }
            h[k++] = p.get(i);
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < k - 1; i++) {
            out.add(h[i]);
        }
        return out;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}

package org.tongxin.domain.venue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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

    /** A registered venue: node id, code, name, kind, address, coordinates (null when unknown), level and leads. */
    public record Venue(String id, String code, String name, String kind, String address, Double lon, Double lat,
                        String level, int leads) {
    }

    /**
     * The map for one as-of date: venues per level, every venue, how many have no coordinates, and the district's
     * outline as [lon, lat] pairs.
     */
    public record MapView(String asOf, Map<String, Long> counts, List<Venue> venues, int unplaced,
                      List<double[]> outline) {
    }

    private final GraphStore store;
    private final Map<LocalDate, MapView> cache = new ConcurrentHashMap<>();

    public VenueMap(GraphStore store) {
        this.store = store;
    }

    /** Forgets computed levels (after the models run again). */
    public void invalidate() {
        cache.clear();
    }

    public MapView of(LocalDate asOf) {
        return cache.computeIfAbsent(asOf, this::compute);
    }

    private MapView compute(LocalDate asOf) {
        record Place(String id, String code, String name, String kind, String address, Double lon, Double lat) {
        }
        List<Place> places = store.read(tx -> tx.run("""
                MATCH (:VenueRegistration)-[:REGISTERS]->(v:Venue)
                RETURN DISTINCT elementId(v) AS id, v.code AS code, v.name AS name, v.kind AS kind,
                       v.address AS address, v.lon AS lon, v.lat AS lat
                ORDER BY code
                """).list(r -> new Place(r.get("id").asString(), r.get("code").asString(), r.get("name").asString(null),
                r.get("kind").asString(null), r.get("address").asString(null),
                r.get("lon").isNull() ? null : r.get("lon").asDouble(), r.get("lat").isNull() ? null : r.get("lat").asDouble())));
        List<double[]> points = store.read(tx -> tx.run(
                "MATCH (u) WHERE (u:Venue OR u:Unit) AND u.lon IS NOT NULL AND u.lat IS NOT NULL RETURN u.lon AS x, u.lat AS y")
                .list(r -> new double[] {r.get("x").asDouble(), r.get("y").asDouble()}));
        var hits = new CypherEngine(store).hits(Models.byId("venue").orElseThrow(), asOf);
        Map<String, VenueLevels.Level> levels = new HashMap<>();
        VenueLevels.of(places.stream().map(Place::code).toList(), hits, asOf).forEach(l -> levels.put(l.venue(), l));
        Map<String, Long> counts = new TreeMap<>();
        List<Venue> venues = new ArrayList<>();
        int unplaced = 0;
        for (Place v : places) {
            VenueLevels.Level l = levels.get(v.code());
            venues.add(new Venue(v.id(), v.code(), v.name(), v.kind(), v.address(), v.lon(), v.lat(), l.level(), l.leads()));
            counts.merge(l.level(), 1L, Long::sum);
            if (v.lon() == null || v.lat() == null) {
                unplaced++;
            }
        }
        return new MapView(asOf.toString(), counts, List.copyOf(venues), unplaced, hull(points));
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

package org.tongxin.api.observer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.tongxin.api.casework.Steps;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.domain.lead.Departments;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.time.LegalAge;

/**
 * Volunteers' submissions in the graph: {@code (:Submission)-[:ABOUT_PLACE]->(:Venue|:Unit)}, so a report shows
 * up around the place like any department record. A point on the map is linked to the nearest venue or school
 * within 200 m; farther than that it stays a point. The trail of each is {@link Steps}: submitted → acknowledged →
 * referred to a department or proposed (as a procuratorial recommendation or a special supervision campaign, for
 * a recurring cluster) → closed with the reply; or dismissed with the reason. Acknowledgement is due in 3 days and
 * a result in 3 months from submission; later ones are flagged.
 */
public final class Submissions {

    /**
     * What a volunteer sends. Place: a place key from {@link #places(String)} or a point; photos or one video by id.
     */
    public record Submit(String category, String description, String place, Double lat, Double lon,
                         String at, List<String> media) {
    }

    /** A place a volunteer can pick: its key, name, kind (venue or school), sort and coordinates. */
    public record Place(String key, String node, String name, String kind, String sort, Double lat, Double lon) {
    }

    static final Map<String, Set<String>> NEXT = Map.of(
            "submitted", Set.of("acknowledged", "dismissed", "proposed"),
            "acknowledged", Set.of("referred", "dismissed", "proposed"),
            "referred", Set.of("closed"),
            "proposed", Set.of("closed"));
    public static final double LINK_METRES = 200;
    static final int CLUSTER_DAYS = 90;
    static final int ACK_DAYS = 3;
    static final int RESULT_MONTHS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final GraphStore store;
    private final MediaStore media;
    private final Classifier classifier;
    private final Clock clock;

    public Submissions(GraphStore store, MediaStore media, Classifier classifier, Clock clock) {
        this.store = store;
        this.media = media;
        this.classifier = classifier;
        this.clock = clock;
    }

    public Classifier classifier() {
        return classifier;
    }

    public MediaStore media() {
        return media;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(LegalAge.ZONE)).withNano(0);
    }

    /** Records a submission by {@code user}; answers it as its submitter sees it. */
    public Map<String, Object> submit(String user, Submit s) {
        Category category = Category.of(s.category() == null ? "" : s.category())
                .orElseThrow(() -> new ApiException.BadRequest("'category' is one of " + codes()));
        String description = Bodies.text(s.description(), "description", 2000, true);
        if (description.length() < 5) {
            throw new ApiException.BadRequest("'description' says what happened, at least 5 characters");
        }
        LocalDateTime at = eventTime(s.at());
        List<String> ids = s.media() == null ? List.of() : List.copyOf(s.media());
        List<MediaStore.Media> files = new ArrayList<>();
        for (String id : ids) {
            MediaStore.Media m = media.get(id == null ? "" : id).filter(x -> media.uploadedBy(x.id(), user))
                    .orElseThrow(() -> new ApiException.BadRequest("no upload " + id + " of yours; upload it first"));
            files.add(m);
        }
        long videos = files.stream().filter(MediaStore.Media::video).count();
        if (videos > 1 || (videos == 1 && files.size() > 1)) {
            throw new ApiException.BadRequest("attach 1–5 photos or one video, not both");
        }
        if (files.size() > 5) {
            throw new ApiException.BadRequest("at most 5 photos");
        }
        int places = (s.place() == null || s.place().isBlank() ? 0 : 1) + (s.lat() == null && s.lon() == null ? 0 : 1);
        if (places != 1) {
            throw new ApiException.BadRequest("give the place once: a 'place' key (from the place list) or 'lat' and 'lon'");
        }
        if ((s.lat() == null) != (s.lon() == null) || (s.lat() != null && (Math.abs(s.lat()) > 90 || Math.abs(s.lon()) > 180))) {
            throw new ApiException.BadRequest("a point needs both 'lat' (−90–90) and 'lon' (−180–180)");
        }
        Classifier.Suggestion suggested = classifier.suggest(description);
        String id = "S" + now().format(DAY) + HexFormat.of().formatHex(RANDOM.generateSeed(3)).toUpperCase();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("category", category.code());
        p.put("suggested", suggested.category().code());
        // Sealed: the analysts' console reads the graph, and volunteers' reports are not theirs to read.
        p.put("description", store.pseudonyms().seal(PiiKind.TEXT, description));
        p.put("at", at);
        p.put("submittedAt", now());
        p.put("by", user);
        p.put("media", files.stream().map(MediaStore.Media::id).toList());
        p.put("mediaTypes", files.stream().map(MediaStore.Media::type).toList());
        try (Session session = store.driver().session(store.session())) {
            return session.executeWrite(tx -> {
                Map<String, Object> place = place(tx, s);
                p.put("placeKey", place.get("key"));
                p.put("placeName", place.get("name"));
                p.put("placeKind", place.get("kind"));
                p.put("distance", place.get("distance"));
                p.put("lat", place.get("lat"));
                p.put("lon", place.get("lon"));
                tx.run("CREATE (s:Submission) SET s = $p, s.status = 'submitted'", Map.of("p", p)).consume();
                if (place.get("node") != null) {
                    tx.run("MATCH (s:Submission {id: $id}), (v) WHERE elementId(v) = $node CREATE (s)-[:ABOUT_PLACE]->(v)",
                            Map.of("id", id, "node", place.get("node"))).consume();
                }
                return detail(tx, id);
            });
        }
    }

    /** The place a submission names: a known venue or school, or the nearest one within 200 m of a point. */
    private Map<String, Object> place(TransactionContext tx, Submit s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s.place() != null && !s.place().isBlank()) {
            Place p = places(tx, "").stream().filter(x -> x.key().equals(s.place().strip())).findFirst()
                    .orElseThrow(() -> new ApiException.BadRequest("no place " + s.place() + "; pick one from the place list"));
            out.put("node", p.node());
            out.put("key", p.key());
            out.put("name", p.name());
            out.put("kind", p.kind());
            out.put("lat", p.lat());
            out.put("lon", p.lon());
            return out;
        }
        var near = tx.run("""
                MATCH (v) WHERE (v:Venue OR v:Unit) AND v.lat IS NOT NULL AND v.lon IS NOT NULL
                WITH v, point.distance(point({latitude: v.lat, longitude: v.lon}), point({latitude: $lat, longitude: $lon})) AS d
                WHERE d <= $max
                RETURN elementId(v) AS node, v.code AS code, v.name AS name, v:Venue AS venue, d ORDER BY d, v.code LIMIT 1
                """, Map.of("lat", s.lat(), "lon", s.lon(), "max", LINK_METRES)).list();
        out.put("lat", s.lat());
        out.put("lon", s.lon());
        if (near.isEmpty()) {
            // No known place within 200 m: a cell of about 200 m gathers reports about the same spot.
            out.put("key", String.format("cell:%.3f,%.3f", Math.round(s.lat() * 500) / 500.0, Math.round(s.lon() * 500) / 500.0));
            out.put("name", String.format("地图点位 %.5f, %.5f", s.lat(), s.lon()));
            out.put("kind", "point");
            return out;
        }
        var r = near.get(0);
        boolean venue = r.get("venue").asBoolean();
        out.put("node", r.get("node").asString());
        out.put("key", key(venue ? "venue" : "school", r.get("code").asString()));
        out.put("name", r.get("name").asString(venue ? "场所" : "单位"));
        out.put("kind", venue ? "venue" : "school");
        out.put("distance", Math.round(r.get("d").asDouble()));
        return out;
    }

    /**
     * A place's key: its kind and a hash of its code. School codes (unified social credit codes) have the shape of
     * identity numbers and are masked wherever they are shown; the key lets a place be chosen and grouped without it.
     */
    static String key(String kind, String code) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Venues and schools whose name contains {@code q} (all when blank), venues first, by name. */
    public List<Place> places(String q) {
        try (Session session = store.driver().session(store.session())) {
            return places(session, q);
        }
    }

    private static List<Place> places(org.neo4j.driver.SimpleQueryRunner runner, String q) {
        return runner.run("""
                    CALL {
                      MATCH (v:Venue) WHERE v.name IS NOT NULL RETURN elementId(v) AS node, v.code AS code, v.name AS name,
                            'venue' AS kind, v.kind AS sort, v.lat AS lat, v.lon AS lon
                      UNION
                      MATCH (:Enrolment)-[:AT]->(u:Unit) RETURN DISTINCT elementId(u) AS node, u.code AS code,
                            coalesce(u.name, '学校') AS name, 'school' AS kind, '学校' AS sort, u.lat AS lat, u.lon AS lon
                    }
                    WITH * WHERE $q = '' OR name CONTAINS $q
                    RETURN node, code, name, kind, sort, lat, lon ORDER BY kind DESC, name, code
                    """, Map.of("q", q == null ? "" : q.strip())).list(r -> new Place(key(r.get("kind").asString(), r.get("code").asString()),
                    r.get("node").asString(), r.get("name").asString(), r.get("kind").asString(), r.get("sort").asString(""),
                    r.get("lat").isNull() ? null : r.get("lat").asDouble(), r.get("lon").isNull() ? null : r.get("lon").asDouble()));
    }

    private LocalDateTime eventTime(String at) {
        if (at == null || at.isBlank()) {
            return now();
        }
        LocalDateTime t = Bodies.dateTime(at, "at");
        if (t.isAfter(now().plusMinutes(10)) || t.isBefore(now().minusYears(1))) {
            throw new ApiException.BadRequest("'at' is within the last year and not in the future");
        }
        return t;
    }

    /** One submission with its place, steps and deadline flags. */
    public Map<String, Object> detail(String id) {
        try (Session session = store.driver().session(store.session())) {
            return session.executeRead(tx -> detail(tx, id));
        }
    }

    private Map<String, Object> detail(TransactionContext tx, String id) {
        var rows = tx.run("MATCH (s:Submission {id: $id}) OPTIONAL MATCH (s)-[:ABOUT_PLACE]->(v) "
                + "RETURN properties(s) AS s, elementId(v) AS node", Map.of("id", id)).list();
        if (rows.isEmpty()) {
            throw new ApiException.NotFound("no submission " + id);
        }
        Map<String, Object> out = view(rows.get(0).get("s"), rows.get(0).get("node").asString(null));
        out.put("steps", Masking.value(store.pseudonyms(), Steps.list(tx, "Submission", id)));
        return out;
    }

    /** Who submitted it (for the scope check of volunteers). */
    public String submitter(String id) {
        try (Session session = store.driver().session(store.session())) {
            var rows = session.run("MATCH (s:Submission {id: $id}) RETURN s.by AS by", Map.of("id", id)).list();
            if (rows.isEmpty()) {
                throw new ApiException.NotFound("no submission " + id);
            }
            return rows.get(0).get("by").asString();
        }
    }

    /** Submissions, newest first: a volunteer's own ({@code by}), or all with optional status and overdue filters. */
    public List<Map<String, Object>> list(String by, String status, boolean overdueOnly) {
        try (Session session = store.driver().session(store.session())) {
            List<Map<String, Object>> out = new ArrayList<>();
            session.run("""
                    MATCH (s:Submission) WHERE ($by IS NULL OR s.by = $by) AND ($status IS NULL OR s.status = $status)
                    OPTIONAL MATCH (s)-[:ABOUT_PLACE]->(v)
                    RETURN properties(s) AS s, elementId(v) AS node ORDER BY s.submittedAt DESC, s.id LIMIT 1000
                    """, org.neo4j.driver.Values.parameters("by", by, "status", status)).forEachRemaining(r -> {
                        Map<String, Object> v = view(r.get("s"), r.get("node").asString(null));
                        if (!overdueOnly || (boolean) v.get("ackOverdue") || (boolean) v.get("resultOverdue")) {
                            out.add(v);
                        }
                    });
            return out;
        }
    }

    private Map<String, Object> view(org.neo4j.driver.Value node, String placeNode) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = new LinkedHashMap<>((Map<String, Object>) Masking.value(store.pseudonyms(), Values.plain(node)));
        s.remove("stepSeq");
        s.put("placeNode", placeNode);
        Category c = Category.of((String) s.get("category")).orElse(Category.OTHER);
        s.put("categoryZh", c.zh());
        s.put("suggestedZh", Category.of((String) s.get("suggested")).orElse(Category.OTHER).zh());
        LocalDateTime submitted = LocalDateTime.parse(s.get("submittedAt").toString());
        LocalDateTime ackDue = submitted.plusDays(ACK_DAYS);
        LocalDateTime resultDue = submitted.plusMonths(RESULT_MONTHS);
        String status = (String) s.get("status");
        s.put("ackDue", ackDue.toString());
        s.put("resultDue", resultDue.toString());
        s.put("ackOverdue", status.equals("submitted") && now().isAfter(ackDue));
        s.put("resultOverdue", !Set.of("closed", "dismissed").contains(status) && now().isAfter(resultDue));
        return s;
    }

    /** A prosecutor's step on one submission: acknowledge, refer (department; default the category's), dismiss, close. */
    public Map<String, Object> move(String id, String to, String by, String note, String department) {
        if (to == null || !Set.of("acknowledged", "referred", "dismissed", "closed").contains(to)) {
            throw new ApiException.BadRequest("'to' is acknowledged, referred, dismissed or closed"
                    + " (a recurring cluster is proposed as a whole: POST /api/observer/clusters/propose)");
        }
        String text = store.pseudonyms().seal(PiiKind.TEXT,
                Bodies.text(note, "note", 4000, to.equals("dismissed") || to.equals("closed")));
        try (Session session = store.driver().session(store.session())) {
            return session.executeWrite(tx -> {
                Map<String, Object> extra = new LinkedHashMap<>();
                if (to.equals("referred")) {
                    String category = tx.run("MATCH (s:Submission {id: $id}) RETURN s.category AS c", Map.of("id", id))
                            .list(r -> r.get("c").asString()).stream().findFirst()
                            .orElseThrow(() -> new ApiException.NotFound("no submission " + id));
                    String dept = department == null || department.isBlank()
                            ? Category.of(category).orElse(Category.OTHER).department() : department.strip();
                    if (!Departments.known(dept)) {
                        throw new ApiException.BadRequest("'department' is one of " + Departments.all().keySet());
                    }
                    extra.put("department", dept);
                    tx.run("MATCH (s:Submission {id: $id}) SET s.department = $d", Map.of("id", id, "d", dept)).consume();
                }
                String from = Steps.apply(tx, "Submission", id, NEXT, to, "status", by, text, extra);
                if (from.equals("submitted")) {
                    tx.run("MATCH (s:Submission {id: $id}) SET s.acknowledgedAt = $at", Map.of("id", id, "at", now())).consume();
                }
                if (to.equals("closed")) {
                    tx.run("MATCH (s:Submission {id: $id}) SET s.result = $note, s.closedAt = $at",
                            Map.of("id", id, "note", text, "at", now())).consume();
                }
                return detail(tx, id);
            });
        }
    }

    /**
     * Submissions grouped by place × category over the last 90 days (by when it happened). A group with at least 3
     * submissions from at least 2 volunteers is recurring.
     */
    public List<Map<String, Object>> clusters() {
        try (Session session = store.driver().session(store.session())) {
            return session.run("""
                    MATCH (s:Submission) WHERE s.at >= $since
                    WITH s.placeKey AS place, s.category AS category, collect(s) AS subs
                    WITH place, category, subs, size(subs) AS n,
                         size(reduce(u = [], x IN subs | CASE WHEN x.by IN u THEN u ELSE u + x.by END)) AS volunteers
                    RETURN place, category, n, volunteers, head(subs).placeName AS name,
                           [x IN subs | x.id] AS ids,
                           size([x IN subs WHERE x.status IN ['submitted', 'acknowledged']]) AS open,
                           [x IN subs WHERE x.proposal IS NOT NULL | x.proposal][0] AS proposal
                    ORDER BY n DESC, place, category
                    """,
                    Map.of("since", now().minusDays(CLUSTER_DAYS))).list(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("place", r.get("place").asString());
                        m.put("name", r.get("name").asString(""));
                        m.put("category", r.get("category").asString());
                        m.put("categoryZh", Category.of(r.get("category").asString()).orElse(Category.OTHER).zh());
                        m.put("submissions", r.get("n").asLong());
                        m.put("volunteers", r.get("volunteers").asLong());
                        m.put("recurring", r.get("n").asLong() >= 3 && r.get("volunteers").asLong() >= 2);
                        m.put("open", r.get("open").asLong());
                        m.put("proposal", r.get("proposal").asString(null));
                        m.put("ids", r.get("ids").asList(org.neo4j.driver.Value::asString));
                        return m;
                    });
        }
    }

    /** Proposes a recurring cluster as a recommendation or a campaign: every open submission in it moves to proposed. */
    public Map<String, Object> propose(String place, String category, String kind, String by, String note) {
        if (kind == null || !Set.of("recommendation", "campaign").contains(kind)) {
            throw new ApiException.BadRequest("'kind' is recommendation (检察建议) or campaign (专项监督)");
        }
        String text = Bodies.text(note, "note", 4000, false);
        Map<String, Object> cluster = clusters().stream()
                .filter(c -> c.get("place").equals(place) && c.get("category").equals(category)).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("no submissions at " + place + " about " + category + " in the last 90 days"));
        if (!(boolean) cluster.get("recurring")) {
            throw new ApiException.Conflict("not recurring: " + cluster.get("submissions") + " submissions from "
                    + cluster.get("volunteers") + " volunteers (needs ≥ 3 from ≥ 2); refer it to the department instead");
        }
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) cluster.get("ids");
        try (Session session = store.driver().session(store.session())) {
            int moved = session.executeWrite(tx -> {
                int n = 0;
                for (String id : ids) {
                    String status = tx.run("MATCH (s:Submission {id: $id}) RETURN s.status AS s", Map.of("id", id)).single().get("s").asString();
                    if (!NEXT.getOrDefault(status, Set.of()).contains("proposed")) {
                        continue;
                    }
                    Steps.apply(tx, "Submission", id, NEXT, "proposed", "status", by, text, Map.of("proposal", kind));
                    tx.run("MATCH (s:Submission {id: $id}) SET s.proposal = $kind, s.acknowledgedAt = coalesce(s.acknowledgedAt, $at)",
                            Map.of("id", id, "kind", kind, "at", now())).consume();
                    n++;
                }
                return n;
            });
            Map<String, Object> out = new LinkedHashMap<>(cluster);
            out.put("proposal", kind);
            out.put("moved", moved);
            return out;
        }
    }

    static List<String> codes() {
        return java.util.Arrays.stream(Category.values()).map(Category::code).toList();
    }
}

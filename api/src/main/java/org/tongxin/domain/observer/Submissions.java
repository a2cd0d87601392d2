package org.tongxin.domain.observer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.tongxin.domain.persistence.CaseStepEntity;
import org.tongxin.domain.persistence.Casework;
import org.tongxin.domain.persistence.SubmissionEntity;
import org.tongxin.domain.persistence.SubmissionStore;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.domain.workflow.Transactions;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.lead.Departments;
import org.tongxin.domain.problem.Check;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.time.LegalAge;

/**
 * Volunteers' submissions in the graph: {@code (:Submission)-[:ABOUT_PLACE]->(:Venue|:Unit)}, so a report shows
 * up around the place like any department record. A point on the map is linked to the nearest venue or school
 * within 200 m; farther than that it stays a point. The trail of each is a {@link Flow} over {@link SubmissionStatus}: submitted → acknowledged →
 * referred to a department or proposed (as a procuratorial recommendation or a special supervision campaign, for
 * a recurring cluster) → closed with the reply; or dismissed with the reason. Acknowledgement is due in 3 days and
 * a result in 3 months from submission; later ones are flagged. Read, listed and saved through Spring Data
 * ({@link SubmissionStore}); each step in a transaction of the Spring transaction manager. The places to pick and
 * the clusters are counted and matched in Cypher over the driver.
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

    /**
     * A submission as its submitter and the prosecutors see it: what is stored on it (the description revealed and
     * masked), the place's node, the categories in Chinese, the deadlines and whether they are missed, and — in the
     * detail, not in lists — its steps. Fields set only at some point of its life are left out until then.
     */
    public record View(String id, String category, String suggested, String description, String at, String submittedAt,
                       String by, List<String> media, List<String> mediaTypes, String placeKey, String placeName,
                       String placeKind, @JsonInclude(JsonInclude.Include.NON_NULL) Long distance,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double lat,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double lon, String status,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String statusChangedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String acknowledgedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String department,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String result,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String closedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String proposal,
                       String placeNode, String categoryZh, String suggestedZh, String ackDue, String resultDue,
                       boolean ackOverdue, boolean resultOverdue,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<SubmissionStep> steps) {

        View withSteps(List<SubmissionStep> trail) {
            return new View(id, category, suggested, description, at, submittedAt, by, media, mediaTypes, placeKey,
                    placeName, placeKind, distance, lat, lon, status, statusChangedAt, acknowledgedAt, department, result,
                    closedAt, proposal, placeNode, categoryZh, suggestedZh, ackDue, resultDue, ackOverdue, resultOverdue,
                    trail);
        }
    }

    /**
     * Submissions at one place about one category in the last 90 days: how many, from how many volunteers, whether
     * that makes it recurring, how many are still open, the proposal made for it, if any, and the submissions' ids.
     */
    public record Cluster(String place, String name, String category, String categoryZh, long submissions,
                          long volunteers, boolean recurring, long open, String proposal, List<String> ids) {
    }

    /** A cluster just proposed: the cluster with its proposal and how many submissions moved to proposed. */
    public record Proposed(String place, String name, String category, String categoryZh, long submissions,
                           long volunteers, boolean recurring, long open, String proposal, List<String> ids, int moved) {
    }

    /** Where a submission is: the node it is linked to (if any), the place key and name, and the point. */
    private record Located(String node, String key, String name, String kind, Double lat, Double lon, Long distance) {
    }

    static final Flow<SubmissionStatus> FLOW = new Flow<>(Trail.casework("Submission"), SubmissionStatus.STEPS);
    public static final double LINK_METRES = 200;
    static final int CLUSTER_DAYS = 90;
    static final int ACK_DAYS = 3;
    static final int RESULT_MONTHS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final GraphStore store;
    private final SubmissionStore saved;
    private final Transactions transactions;
    private final MediaStore media;
    private final Classifier classifier;
    private final Clock clock;

    public Submissions(GraphStore store, Casework casework, MediaStore media, Classifier classifier, Clock clock) {
        this.store = store;
        this.saved = casework.submissions();
        this.transactions = casework.transactions();
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
    public View submit(String user, Submit s) {
        Category category = Category.of(s.category() == null ? "" : s.category())
                .orElseThrow(() -> Problem.invalid("observer.category", codes()));
        String description = Check.text(s.description(), "description", 2000, true);
        if (description.length() < 5) {
            throw Problem.invalid("observer.description-short");
        }
        LocalDateTime at = eventTime(s.at());
        List<String> ids = s.media() == null ? List.of() : List.copyOf(s.media());
        List<MediaStore.Media> files = new ArrayList<>();
        for (String id : ids) {
            MediaStore.Media m = media.get(id == null ? "" : id).filter(x -> media.uploadedBy(x.id(), user))
                    .orElseThrow(() -> Problem.invalid("observer.not-your-upload", id));
            files.add(m);
        }
        long videos = files.stream().filter(MediaStore.Media::video).count();
        if (videos > 1 || (videos == 1 && files.size() > 1)) {
            throw Problem.invalid("observer.media-mixed");
        }
        if (files.size() > 5) {
            throw Problem.invalid("observer.media-too-many");
        }
        int places = (s.place() == null || s.place().isBlank() ? 0 : 1) + (s.lat() == null && s.lon() == null ? 0 : 1);
        if (places != 1) {
            throw Problem.invalid("observer.place-once");
        }
        if ((s.lat() == null) != (s.lon() == null) || (s.lat() != null && (Math.abs(s.lat()) > 90 || Math.abs(s.lon()) > 180))) {
            throw Problem.invalid("observer.point");
        }
        Classifier.Suggestion suggested = classifier.suggest(description);
        String id = "S" + now().format(DAY) + HexFormat.of().formatHex(RANDOM.generateSeed(3)).toUpperCase();
        Located place = store.read(tx -> place(tx, s));
        // Sealed: the analysts' console reads the graph, and volunteers' reports are not theirs to read.
        saved.create(new SubmissionEntity(id, category.code(), suggested.category().code(),
                store.pseudonyms().seal(PiiKind.TEXT, description), at, now(), user,
                files.stream().map(MediaStore.Media::id).toList(), files.stream().map(MediaStore.Media::type).toList(),
                place.key(), place.name(), place.kind(), place.distance(), place.lat(), place.lon()), place.node());
        return detail(id);
    }

    /** The place a submission names: a known venue or school, or the nearest one within 200 m of a point. */
    private Located place(TransactionContext tx, Submit s) {
        if (s.place() != null && !s.place().isBlank()) {
            Place p = places(tx, "").stream().filter(x -> x.key().equals(s.place().strip())).findFirst()
                    .orElseThrow(() -> Problem.invalid("observer.place-unknown", s.place()));
            return new Located(p.node(), p.key(), p.name(), p.kind(), p.lat(), p.lon(), null);
        }
        var near = tx.run("""
                MATCH (v) WHERE (v:Venue OR v:Unit) AND v.lat IS NOT NULL AND v.lon IS NOT NULL
                WITH v, point.distance(point({latitude: v.lat, longitude: v.lon}), point({latitude: $lat, longitude: $lon})) AS d
                WHERE d <= $max
                RETURN elementId(v) AS node, v.code AS code, v.name AS name, v:Venue AS venue, d ORDER BY d, v.code LIMIT 1
                """, Map.of("lat", s.lat(), "lon", s.lon(), "max", LINK_METRES)).list();
        if (near.isEmpty()) {
            // No known place within 200 m: a cell of about 200 m gathers reports about the same spot.
            return new Located(null,
                    String.format("cell:%.3f,%.3f", Math.round(s.lat() * 500) / 500.0, Math.round(s.lon() * 500) / 500.0),
                    String.format("地图点位 %.5f, %.5f", s.lat(), s.lon()), "point", s.lat(), s.lon(), null);
        }
        var r = near.get(0);
        boolean venue = r.get("venue").asBoolean();
        return new Located(r.get("node").asString(), key(venue ? "venue" : "school", r.get("code").asString()),
                r.get("name").asString(venue ? "场所" : "单位"), venue ? "venue" : "school", s.lat(), s.lon(),
                Math.round(r.get("d").asDouble()));
    }

    /**
     * A place's key: its kind and a hash of its code. School codes (unified social credit codes) have the shape of
     * identity numbers and are masked wherever they are shown; the key lets a place be chosen and grouped without it.
     */
    public static String key(String kind, String code) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Venues and schools whose name contains {@code q} (all when blank), venues first, by name. */
    public List<Place> places(String q) {
        return store.read(tx -> places(tx, q));
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
        LocalDateTime t = Check.dateTime(at, "at");
        if (t.isAfter(now().plusMinutes(10)) || t.isBefore(now().minusYears(1))) {
            throw Problem.invalid("observer.at-range");
        }
        return t;
    }

    /** One submission with its place, steps and deadline flags. */
    public View detail(String id) {
        return saved.find(id).map(s -> view(s).withSteps(s.submission().getSteps().stream().map(this::masked).toList()))
                .orElseThrow(() -> Problem.notFound("observer.submission-not-found", id));
    }

    /** Who submitted it (for the scope check of volunteers). */
    public String submitter(String id) {
        return saved.find(id).map(s -> s.submission().getSubmitter())
                .orElseThrow(() -> Problem.notFound("observer.submission-not-found", id));
    }

    /** Submissions, newest first: a volunteer's own ({@code by}), or all with optional status and overdue filters. */
    public List<View> list(String by, SubmissionStatus status, boolean overdueOnly) {
        return saved.list(by, status == null ? null : status.code()).stream().map(this::view)
                .filter(v -> !overdueOnly || v.ackOverdue() || v.resultOverdue()).toList();
    }

    /** A step with sealed texts revealed and identity numbers and phones masked (a step stored without a kind is a status step). */
    private SubmissionStep masked(CaseStepEntity s) {
        return new SubmissionStep(s.getSeq(), shown(s.getAt()), shown(s.getBy()), shown(s.getFrom()), shown(s.getTo()),
                shown(s.getKind() == null ? "status" : s.getKind()), shown(s.getNote()), shown(s.getDepartment()),
                shown(s.getProposal()));
    }

    /** A value as shown: sealed text revealed, identity numbers and phones masked, times in ISO form; absent is null. */
    private String shown(Object v) {
        return v == null ? null : Masking.text(store.pseudonyms(), v.toString());
    }

    private List<String> shown(List<String> values) {
        return values == null ? List.of() : values.stream().map(x -> Masking.text(store.pseudonyms(), x)).toList();
    }

    private View view(SubmissionStore.Stored stored) {
        SubmissionEntity s = stored.submission();
        Category c = Category.of(s.getCategory()).orElse(Category.OTHER);
        LocalDateTime ackDue = s.getSubmittedAt().plusDays(ACK_DAYS);
        LocalDateTime resultDue = s.getSubmittedAt().plusMonths(RESULT_MONTHS);
        String status = shown(s.getStatus());
        return new View(shown(s.getId()), shown(s.getCategory()), shown(s.getSuggested()), shown(s.getDescription()),
                shown(s.getAt()), shown(s.getSubmittedAt()), shown(s.getSubmitter()), shown(s.getMedia()),
                shown(s.getMediaTypes()), shown(s.getPlaceKey()), shown(s.getPlaceName()), shown(s.getPlaceKind()),
                s.getDistance(), s.getLat(), s.getLon(), status, shown(s.getStatusChangedAt()),
                shown(s.getAcknowledgedAt()), shown(s.getDepartment()), shown(s.getResult()), shown(s.getClosedAt()),
                shown(s.getProposal()), stored.placeNode(), c.zh(),
                Category.of(s.getSuggested()).orElse(Category.OTHER).zh(), ackDue.toString(), resultDue.toString(),
                status.equals("submitted") && now().isAfter(ackDue),
                !Set.of("closed", "dismissed").contains(status) && now().isAfter(resultDue), null);
    }

    /** A prosecutor's step on one submission: acknowledge, refer (department; default the category's), dismiss, close. */
    public View move(String id, String to, String by, String note, String department) {
        SubmissionStatus target = SubmissionStatus.of(to)
                .filter(s -> s != SubmissionStatus.SUBMITTED && s != SubmissionStatus.PROPOSED)
                .orElseThrow(() -> Problem.invalid("observer.move-to"));
        String text = store.pseudonyms().seal(PiiKind.TEXT,
                Check.text(note, "note", 4000, target == SubmissionStatus.DISMISSED || target == SubmissionStatus.CLOSED));
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Object> node = new LinkedHashMap<>();
        if (target == SubmissionStatus.REFERRED) {
            // The category never changes once submitted: read before the step's transaction.
            String category = saved.find(id).map(s -> s.submission().getCategory())
                    .orElseThrow(() -> Problem.notFound("observer.submission-not-found", id));
            String dept = department == null || department.isBlank()
                    ? Category.of(category).orElse(Category.OTHER).department() : department.strip();
            if (!Departments.known(dept)) {
                throw Problem.invalid("observer.department", Departments.all().keySet());
            }
            extra.put("department", dept);
            node.put("department", dept);
        }
        if (target == SubmissionStatus.CLOSED) {
            node.put("result", text);
            node.put("closedAt", now());
        }
        transactions.write(tx -> {
            Flow.Moved<SubmissionStatus> moved = FLOW.move(tx, id,
                    Flow.Move.to(target, "status", by, text).withExtra(extra).withNode(node));
            if (moved.from() == SubmissionStatus.SUBMITTED) {
                tx.run("MATCH (s:Submission {id: $id}) SET s.acknowledgedAt = $at", Map.of("id", id, "at", now()));
            }
            return moved;
        });
        return detail(id);
    }

    /**
     * Submissions grouped by place × category over the last 90 days (by when it happened). A group with at least 3
     * submissions from at least 2 volunteers is recurring.
     */
    public List<Cluster> clusters() {
        return store.read(tx -> tx.run("""
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
                Map.of("since", now().minusDays(CLUSTER_DAYS))).list(r -> new Cluster(r.get("place").asString(),
                        r.get("name").asString(""), r.get("category").asString(),
                        Category.of(r.get("category").asString()).orElse(Category.OTHER).zh(), r.get("n").asLong(),
                        r.get("volunteers").asLong(), r.get("n").asLong() >= 3 && r.get("volunteers").asLong() >= 2,
                        r.get("open").asLong(), r.get("proposal").asString(null),
                        r.get("ids").asList(org.neo4j.driver.Value::asString))));
    }

    /** Proposes a recurring cluster as a recommendation or a campaign: every open submission in it moves to proposed. */
    public Proposed propose(String place, String category, String kind, String by, String note) {
        if (kind == null || !Set.of("recommendation", "campaign").contains(kind)) {
            throw Problem.invalid("observer.proposal-kind");
        }
        String text = Check.text(note, "note", 4000, false);
        Cluster cluster = clusters().stream()
                .filter(c -> c.place().equals(place) && c.category().equals(category)).findFirst()
                .orElseThrow(() -> Problem.notFound("observer.cluster-not-found", place, category));
        if (!cluster.recurring()) {
            throw Problem.conflict("observer.not-recurring", cluster.submissions(), cluster.volunteers());
        }
        int moved = transactions.write(tx -> {
            int n = 0;
            for (String id : cluster.ids()) {
                Object status = tx.run("MATCH (s:Submission {id: $id}) RETURN s.status AS s", Map.of("id", id)).get(0).get("s");
                if (!SubmissionStatus.STEPS.state(status == null ? null : status.toString())
                        .map(s -> SubmissionStatus.STEPS.allows(s, SubmissionStatus.PROPOSED)).orElse(false)) {
                    continue;
                }
                FLOW.move(tx, id, Flow.Move.to(SubmissionStatus.PROPOSED, "status", by, text)
                        .withExtra(Map.of("proposal", kind)).withNode(Map.of("proposal", kind)));
                tx.run("MATCH (s:Submission {id: $id}) SET s.acknowledgedAt = coalesce(s.acknowledgedAt, $at)",
                        Map.of("id", id, "at", now()));
                n++;
            }
            return n;
        });
        return new Proposed(cluster.place(), cluster.name(), cluster.category(), cluster.categoryZh(),
                cluster.submissions(), cluster.volunteers(), cluster.recurring(), cluster.open(), kind, cluster.ids(), moved);
    }

    static List<String> codes() {
        return java.util.Arrays.stream(Category.values()).map(Category::code).toList();
    }
}

package org.tongxin.api.education;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.tongxin.api.casework.Steps;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Values;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.time.LegalAge;

/**
 * The rule-of-law education base: a class catalogue ({@code (:Course)}, seeded from {@code courses.tsv}), classes
 * schools order and prosecutors schedule ({@code (:ClassBooking)-[:OF_COURSE]->(:Course)}, with a {@link Steps}
 * trail: requested → scheduled → delivered, or cancelled), and the classes an assistance plan assigns to a minor
 * ({@code (:Person)-[:PLAN_CLASS]->(:Course)}) with the attendance recorded
 * ({@code (:Person)<-[:ATTENDEE]-(:Attendance)-[:OF_COURSE]->(:Course)}).
 */
public final class Education {

    public static final Set<String> TOPICS = Set.of("防性侵", "防欺凌", "网络安全", "禁毒", "交通安全", "法治教育", "心理健康");
    public static final Map<String, String> FORMS = Map.of("onsite", "现场授课", "live", "直播", "recorded", "录播视频");
    static final Map<String, Set<String>> NEXT = Map.of(
            "requested", Set.of("scheduled", "cancelled"),
            "scheduled", Set.of("delivered", "cancelled"));
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new course. */
    public record Course(String title, String topic, String form, Integer minutes, String description) {
    }

    /** A school's order for a class. */
    public record Booking(String course, String date, String audience, Integer size, String school) {
    }

    private final GraphStore store;

    public Education(GraphStore store) {
        this.store = store;
    }

    /** Adds the bundled catalogue's courses that are not in the graph yet (never overwrites edits). */
    public int seed() {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (var in = Objects.requireNonNull(Education.class.getResourceAsStream("/org/tongxin/api/education/courses.tsv"));
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (f.length == 6) {
                    rows.add(Map.of("id", f[0], "title", f[1], "topic", f[2], "form", f[3], "minutes", Long.parseLong(f[4]), "description", f[5]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> tx.run("UNWIND $rows AS row MERGE (c:Course {id: row.id}) ON CREATE SET c += row, c.created = true "
                    + "WITH c WHERE c.created REMOVE c.created RETURN count(c) AS n", Map.of("rows", rows)).single().get("n").asInt());
        }
    }

    public List<Map<String, Object>> courses() {
        try (Session s = store.driver().session(store.session())) {
            return s.run("MATCH (c:Course) RETURN properties(c) AS c ORDER BY c.id").list(r -> course(r.get("c")));
        }
    }

    public Map<String, Object> course(String id) {
        try (Session s = store.driver().session(store.session())) {
            var rows = s.run("MATCH (c:Course {id: $id}) RETURN properties(c) AS c", Map.of("id", id)).list();
            if (rows.isEmpty()) {
                throw new ApiException.NotFound("no course " + id);
            }
            return course(rows.get(0).get("c"));
        }
    }

    private static Map<String, Object> course(org.neo4j.driver.Value v) {
        @SuppressWarnings("unchecked")
        Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) Values.plain(v));
        c.put("formZh", FORMS.getOrDefault((String) c.get("form"), ""));
        c.put("hasVideo", c.get("video") != null);
        return c;
    }

    public Map<String, Object> addCourse(Course c) {
        String title = Bodies.text(c.title(), "title", 100, true);
        if (c.topic() == null || !TOPICS.contains(c.topic())) {
            throw new ApiException.BadRequest("'topic' is one of " + TOPICS.stream().sorted().toList());
        }
        if (c.form() == null || !FORMS.containsKey(c.form())) {
            throw new ApiException.BadRequest("'form' is onsite, live or recorded");
        }
        if (c.minutes() == null || c.minutes() < 5 || c.minutes() > 240) {
            throw new ApiException.BadRequest("'minutes' is 5–240");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("topic", c.topic());
        p.put("form", c.form());
        p.put("minutes", c.minutes());
        p.put("description", Bodies.text(c.description(), "description", 2000, false));
        try (Session s = store.driver().session(store.session())) {
            String id = s.executeWrite(tx -> {
                long n = tx.run("MATCH (c:Course) RETURN count(c) AS n").single().get("n").asLong();
                String next = String.format("C%03d", n + 1);
                while (!tx.run("MATCH (c:Course {id: $id}) RETURN c LIMIT 1", Map.of("id", next)).list().isEmpty()) {
                    next = next + "A";
                }
                Map<String, Object> props = new HashMap<>(p);
                props.put("id", next);
                tx.run("CREATE (c:Course) SET c = $p", Map.of("p", props)).consume();
                return next;
            });
            return course(id);
        }
    }

    public Map<String, Object> attachVideo(String courseId, String mediaId) {
        try (Session s = store.driver().session(store.session())) {
            s.executeWrite(tx -> {
                if (tx.run("MATCH (c:Course {id: $id}) SET c.video = $m RETURN c", Map.of("id", courseId, "m", mediaId)).list().isEmpty()) {
                    throw new ApiException.NotFound("no course " + courseId);
                }
                return null;
            });
        }
        return course(courseId);
    }

    public Map<String, Object> book(String by, String unit, Booking b, LocalDate today) {
        Map<String, Object> course = course(b.course() == null ? "" : b.course());
        LocalDate date = Bodies.date(b.date(), "date");
        if (date.isBefore(today)) {
            throw new ApiException.BadRequest("'date' cannot be in the past");
        }
        if (b.size() == null || b.size() < 1 || b.size() > 2000) {
            throw new ApiException.BadRequest("'size' (how many attend) is 1–2000");
        }
        String school = unit != null && !unit.isBlank() ? unit : Bodies.text(b.school(), "school", 100, true);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", "B" + HexFormat.of().formatHex(RANDOM.generateSeed(4)).toUpperCase());
        p.put("course", course.get("id"));
        p.put("courseTitle", course.get("title"));
        p.put("date", date);
        p.put("audience", Bodies.text(b.audience(), "audience", 100, true));
        p.put("size", b.size());
        p.put("school", school);
        p.put("by", by);
        p.put("requestedAt", LocalDateTime.now(LegalAge.ZONE).withNano(0));
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> {
                tx.run("MATCH (c:Course {id: $p.course}) CREATE (b:ClassBooking) SET b = $p, b.status = 'requested' "
                        + "CREATE (b)-[:OF_COURSE]->(c)", Map.of("p", p)).consume();
                return booking(tx, (String) p.get("id"));
            });
        }
    }

    /** Bookings, soonest first; {@code school} limits them to one school's. */
    public List<Map<String, Object>> bookings(String school) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> tx.run("MATCH (b:ClassBooking) WHERE $school IS NULL OR b.school = $school "
                    + "RETURN b.id AS id ORDER BY b.date, b.id LIMIT 500", org.neo4j.driver.Values.parameters("school", school)).list(r -> r.get("id").asString())
                    .stream().map(id -> booking(tx, id)).toList());
        }
    }

    public Map<String, Object> booking(String id) {
        try (Session s = store.driver().session(store.session())) {
            return s.executeRead(tx -> booking(tx, id));
        }
    }

    private static Map<String, Object> booking(TransactionContext tx, String id) {
        var rows = tx.run("MATCH (b:ClassBooking {id: $id}) RETURN properties(b) AS b", Map.of("id", id)).list();
        if (rows.isEmpty()) {
            throw new ApiException.NotFound("no booking " + id);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> b = new LinkedHashMap<>((Map<String, Object>) Values.plain(rows.get(0).get("b")));
        b.remove("stepSeq");
        b.put("steps", Steps.list(tx, "ClassBooking", id));
        return b;
    }

    /** A prosecutor schedules a booking: who teaches and when. */
    public Map<String, Object> schedule(String id, String by, String prosecutor, String at) {
        LocalDateTime when = Bodies.dateTime(at, "at");
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> {
                Steps.apply(tx, "ClassBooking", id, NEXT, "scheduled", "status", by, prosecutor + " " + when, Map.of());
                tx.run("MATCH (b:ClassBooking {id: $id}) SET b.prosecutor = $p, b.scheduledAt = $at",
                        Map.of("id", id, "p", prosecutor, "at", when)).consume();
                return booking(tx, id);
            });
        }
    }

    public Map<String, Object> move(String id, String to, String by, String note) {
        if (to == null || !Set.of("delivered", "cancelled").contains(to)) {
            throw new ApiException.BadRequest("'to' is delivered or cancelled (scheduling has its own step)");
        }
        try (Session s = store.driver().session(store.session())) {
            return s.executeWrite(tx -> {
                Steps.apply(tx, "ClassBooking", id, NEXT, to, "status", by, Bodies.text(note, "note", 2000, to.equals("cancelled")), Map.of());
                return booking(tx, id);
            });
        }
    }

    /** An assistance plan assigns a course to a minor (by identity number). */
    public void plan(String personId, String course, String by) {
        course(course);
        try (Session s = store.driver().session(store.session())) {
            s.executeWrite(tx -> tx.run("MATCH (p:Person {id: $pid}), (c:Course {id: $c}) MERGE (p)-[r:PLAN_CLASS]->(c) "
                    + "ON CREATE SET r.assignedAt = $at, r.by = $by",
                    Map.of("pid", sealed(personId), "c", course, "at", LocalDateTime.now(LegalAge.ZONE).withNano(0), "by", by)).consume());
        }
    }

    /** Records whether the minor attended a course on a day. */
    public void attend(String personId, String course, String date, boolean attended, String note, String by, LocalDate today) {
        course(course);
        LocalDate d = Bodies.date(date, "date");
        if (d.isAfter(today)) {
            throw new ApiException.BadRequest("attendance is recorded for a day that has come");
        }
        try (Session s = store.driver().session(store.session())) {
            s.executeWrite(tx -> tx.run("""
                    MATCH (p:Person {id: $pid}), (c:Course {id: $c})
                    MERGE (a:Attendance {person: $pid, course: $c, date: $date})
                    SET a.attended = $attended, a.note = $note, a.by = $by, a.at = $at
                    MERGE (a)-[:ATTENDEE]->(p) MERGE (a)-[:OF_COURSE]->(c)
                    """, Map.of("pid", sealed(personId), "c", course, "date", d, "attended", attended,
                    "note", store.pseudonyms().seal(PiiKind.TEXT, Bodies.text(note, "note", 500, false)), "by", by, "at", LocalDateTime.now(LegalAge.ZONE).withNano(0))).consume());
        }
    }

    /** The token the store keys a person by (attendance is kept by it too, never by the clear number). */
    private String sealed(String personId) {
        return store.pseudonyms().seal(PiiKind.ID, personId);
    }

    /** What the profile shows: the planned courses, each with its attendance, and the rate attended. */
    public Map<String, Object> forPerson(String personId) {
        try (Session s = store.driver().session(store.session())) {
            List<Map<String, Object>> planned = s.run("""
                    MATCH (p:Person {id: $pid})-[r:PLAN_CLASS]->(c:Course)
                    OPTIONAL MATCH (a:Attendance {person: $pid, course: c.id})
                    WITH c, r, a ORDER BY a.date
                    RETURN c.id AS course, c.title AS title, c.topic AS topic, r.assignedAt AS assignedAt, r.by AS by,
                           [x IN collect(a) | {date: x.date, attended: x.attended, note: x.note}] AS attendance
                    ORDER BY course
                    """, Map.of("pid", sealed(personId))).list(r -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) store.pseudonyms()
                                .revealAll(Values.plain(r.asMap()), Masking::view);
                        return m;
                    });
            long sessions = 0;
            long attended = 0;
            for (Map<String, Object> p : planned) {
                for (Object a : (List<?>) p.get("attendance")) {
                    sessions++;
                    if (Boolean.TRUE.equals(((Map<?, ?>) a).get("attended"))) {
                        attended++;
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("planned", planned);
            out.put("sessions", sessions);
            out.put("attended", attended);
            return out;
        }
    }
}

package org.tongxin.domain.education;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.Statements;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.Values;
import org.tongxin.domain.problem.Check;
import org.tongxin.domain.problem.Problem;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.time.LegalAge;

/**
 * The rule-of-law education base: a class catalogue ({@code (:Course)}, seeded from {@code courses.tsv}), classes
 * schools order and prosecutors schedule ({@code (:ClassBooking)-[:OF_COURSE]->(:Course)}, with a {@link Flow}
 * over {@link BookingStatus}: requested → scheduled → delivered, or cancelled), and the classes an assistance plan assigns to a minor
 * ({@code (:Person)-[:PLAN_CLASS]->(:Course)}) with the attendance recorded
 * ({@code (:Person)<-[:ATTENDEE]-(:Attendance)-[:OF_COURSE]->(:Course)}).
 */
public final class Education {

    public static final Set<String> TOPICS = Set.of("防性侵", "防欺凌", "网络安全", "禁毒", "交通安全", "法治教育", "心理健康");
    public static final Map<String, String> FORMS = Map.of("onsite", "现场授课", "live", "直播", "recorded", "录播视频");
    static final Flow<BookingStatus> FLOW = new Flow<>(Trail.casework("ClassBooking"), BookingStatus.STEPS);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new course. */
    public record Course(String title, String topic, String form, Integer minutes, String description) {
    }

    /** A school's order for a class. */
    public record Booking(String course, String date, String audience, Integer size, String school) {
    }

    /** A course of the catalogue: what is stored on it, its form in Chinese and whether it has a recorded video. */
    public record CourseView(String id, String title, String topic, String form, Long minutes, String description,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String video, String formZh,
                             boolean hasVideo) {
    }

    /** A booked class: the order, its status, who teaches it and when once scheduled, and its steps. */
    public record BookingView(String id, String course, String courseTitle, String date, String audience, Long size,
                              String school, String by, String requestedAt, String status,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String statusChangedAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String prosecutor,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String scheduledAt,
                              List<BookingStep> steps) {
    }

    /** One day's attendance of a planned course. */
    public record Attendance(String date, Boolean attended, String note) {
    }

    /** A course an assistance plan assigns to a minor, with the attendance recorded for it. */
    public record PlannedCourse(String course, String title, String topic, String assignedAt, String by,
                                List<Attendance> attendance) {
    }

    /** What the profile shows: the planned courses, how many sessions were recorded and how many attended. */
    public record Plan(List<PlannedCourse> planned, long sessions, long attended) {
    }

    private final GraphStore store;

    public Education(GraphStore store) {
        this.store = store;
    }

    /** Adds the bundled catalogue's courses that are not in the graph yet (never overwrites edits). */
    public int seed() {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (var in = Objects.requireNonNull(Education.class.getResourceAsStream("/org/tongxin/domain/education/courses.tsv"));
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
        return store.write(tx -> tx.run("UNWIND $rows AS row MERGE (c:Course {id: row.id}) ON CREATE SET c += row, c.created = true "
                + "WITH c WHERE c.created REMOVE c.created RETURN count(c) AS n", Map.of("rows", rows)).single().get("n").asInt());
    }

    public List<CourseView> courses() {
        return store.read(tx -> tx.run("MATCH (c:Course) RETURN c ORDER BY c.id").list(r -> course(r.get("c"))));
    }

    public CourseView course(String id) {
        return store.read(tx -> tx.run("MATCH (c:Course {id: $id}) RETURN c", Map.of("id", id)).list(r -> course(r.get("c")))
                .stream().findFirst().orElseThrow(() -> Problem.notFound("education.course-not-found", id)));
    }

    private static CourseView course(org.neo4j.driver.Value c) {
        String form = c.get("form").asString(null);
        String video = c.get("video").asString(null);
        return new CourseView(c.get("id").asString(null), c.get("title").asString(null), c.get("topic").asString(null), form,
                c.get("minutes").isNull() ? null : c.get("minutes").asLong(), c.get("description").asString(null), video,
                FORMS.getOrDefault(form, ""), video != null);
    }

    public CourseView addCourse(Course c) {
        String title = Check.text(c.title(), "title", 100, true);
        if (c.topic() == null || !TOPICS.contains(c.topic())) {
            throw Problem.invalid("education.topic", TOPICS.stream().sorted().toList());
        }
        if (c.form() == null || !FORMS.containsKey(c.form())) {
            throw Problem.invalid("education.form");
        }
        if (c.minutes() == null || c.minutes() < 5 || c.minutes() > 240) {
            throw Problem.invalid("education.minutes");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", title);
        p.put("topic", c.topic());
        p.put("form", c.form());
        p.put("minutes", c.minutes());
        p.put("description", Check.text(c.description(), "description", 2000, false));
        String id = store.write(tx -> {
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

    public CourseView attachVideo(String courseId, String mediaId) {
        store.writeOnly(tx -> {
            if (tx.run("MATCH (c:Course {id: $id}) SET c.video = $m RETURN c", Map.of("id", courseId, "m", mediaId)).list().isEmpty()) {
                throw Problem.notFound("education.course-not-found", courseId);
            }
        });
        return course(courseId);
    }

    public BookingView book(String by, String unit, Booking b, LocalDate today) {
        CourseView course = course(b.course() == null ? "" : b.course());
        LocalDate date = Check.date(b.date(), "date");
        if (date.isBefore(today)) {
            throw Problem.invalid("education.date-past");
        }
        if (b.size() == null || b.size() < 1 || b.size() > 2000) {
            throw Problem.invalid("education.size");
        }
        String school = unit != null && !unit.isBlank() ? unit : Check.text(b.school(), "school", 100, true);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", "B" + HexFormat.of().formatHex(RANDOM.generateSeed(4)).toUpperCase());
        p.put("course", course.id());
        p.put("courseTitle", course.title());
        p.put("date", date);
        p.put("audience", Check.text(b.audience(), "audience", 100, true));
        p.put("size", b.size());
        p.put("school", school);
        p.put("by", by);
        p.put("requestedAt", LocalDateTime.now(LegalAge.ZONE).withNano(0));
        return store.write(tx -> {
            tx.run("MATCH (c:Course {id: $p.course}) CREATE (b:ClassBooking) SET b = $p, b.status = 'requested' "
                    + "CREATE (b)-[:OF_COURSE]->(c)", Map.of("p", p)).consume();
            return booking(tx, (String) p.get("id"));
        });
    }

    /** Bookings, soonest first; {@code school} limits them to one school's. */
    public List<BookingView> bookings(String school) {
        return store.read(tx -> tx.run("MATCH (b:ClassBooking) WHERE $school IS NULL OR b.school = $school "
                + "RETURN b.id AS id ORDER BY b.date, b.id LIMIT 500", org.neo4j.driver.Values.parameters("school", school))
                .list(r -> r.get("id").asString()).stream().map(id -> booking(tx, id)).toList());
    }

    public BookingView booking(String id) {
        return store.read(tx -> booking(tx, id));
    }

    private static BookingView booking(TransactionContext tx, String id) {
        var rows = tx.run("MATCH (b:ClassBooking {id: $id}) RETURN b", Map.of("id", id)).list();
        if (rows.isEmpty()) {
            throw Problem.notFound("education.booking-not-found", id);
        }
        org.neo4j.driver.Value b = rows.get(0).get("b");
        return new BookingView(text(b, "id"), text(b, "course"), text(b, "courseTitle"), text(b, "date"), text(b, "audience"),
                b.get("size").isNull() ? null : b.get("size").asLong(), text(b, "school"), text(b, "by"),
                text(b, "requestedAt"), text(b, "status"), text(b, "statusChangedAt"), text(b, "prosecutor"),
                text(b, "scheduledAt"),
                FLOW.history(Statements.of(tx), id).stream().map(BookingStep::of).toList());
    }

    /** A property as the API shows it: text as is, dates and times in ISO form, absent as null. */
    private static String text(org.neo4j.driver.Value node, String key) {
        org.neo4j.driver.Value v = node.get(key);
        return v.isNull() ? null : (String) Values.plain(v);
    }

    /** A prosecutor schedules a booking: who teaches and when. */
    public BookingView schedule(String id, String by, String prosecutor, String at) {
        LocalDateTime when = Check.dateTime(at, "at");
        return store.write(tx -> {
            FLOW.move(Statements.of(tx), id,
                    Flow.Move.to(BookingStatus.SCHEDULED, "status", by, prosecutor + " " + when));
            tx.run("MATCH (b:ClassBooking {id: $id}) SET b.prosecutor = $p, b.scheduledAt = $at",
                    Map.of("id", id, "p", prosecutor, "at", when)).consume();
            return booking(tx, id);
        });
    }

    public BookingView move(String id, String to, String by, String note) {
        BookingStatus target = BookingStatus.of(to)
                .filter(s -> s == BookingStatus.DELIVERED || s == BookingStatus.CANCELLED)
                .orElseThrow(() -> Problem.invalid("education.move-to"));
        String text = Check.text(note, "note", 2000, target == BookingStatus.CANCELLED);
        return store.write(tx -> {
            FLOW.move(Statements.of(tx), id, Flow.Move.to(target, "status", by, text));
            return booking(tx, id);
        });
    }

    /** An assistance plan assigns a course to a minor (by identity number). */
    public void plan(String personId, String course, String by) {
        course(course);
        store.writeOnly(tx -> tx.run("MATCH (p:Person {id: $pid}), (c:Course {id: $c}) MERGE (p)-[r:PLAN_CLASS]->(c) "
                + "ON CREATE SET r.assignedAt = $at, r.by = $by",
                Map.of("pid", sealed(personId), "c", course, "at", LocalDateTime.now(LegalAge.ZONE).withNano(0), "by", by)).consume());
    }

    /** Records whether the minor attended a course on a day. */
    public void attend(String personId, String course, String date, boolean attended, String note, String by, LocalDate today) {
        course(course);
        LocalDate d = Check.date(date, "date");
        if (d.isAfter(today)) {
            throw Problem.invalid("education.attendance-future");
        }
        String sealedNote = store.pseudonyms().seal(PiiKind.TEXT, Check.text(note, "note", 500, false));
        store.writeOnly(tx -> tx.run("""
                MATCH (p:Person {id: $pid}), (c:Course {id: $c})
                MERGE (a:Attendance {person: $pid, course: $c, date: $date})
                SET a.attended = $attended, a.note = $note, a.by = $by, a.at = $at
                MERGE (a)-[:ATTENDEE]->(p) MERGE (a)-[:OF_COURSE]->(c)
                """, Map.of("pid", sealed(personId), "c", course, "date", d, "attended", attended,
                "note", sealedNote, "by", by, "at", LocalDateTime.now(LegalAge.ZONE).withNano(0))).consume());
    }

    /** The token the store keys a person by (attendance is kept by it too, never by the clear number). */
    private String sealed(String personId) {
        return store.pseudonyms().seal(PiiKind.ID, personId);
    }

    /** What the profile shows: the planned courses, each with its attendance, and the rate attended. */
    public Plan forPerson(String personId) {
        List<PlannedCourse> planned = store.read(tx -> tx.run("""
                MATCH (p:Person {id: $pid})-[r:PLAN_CLASS]->(c:Course)
                OPTIONAL MATCH (a:Attendance {person: $pid, course: c.id})
                WITH c, r, a ORDER BY a.date
                RETURN c.id AS course, c.title AS title, c.topic AS topic, r.assignedAt AS assignedAt, r.by AS by,
                       [x IN collect(a) | {date: x.date, attended: x.attended, note: x.note}] AS attendance
                ORDER BY course
                """, Map.of("pid", sealed(personId))).list(r -> new PlannedCourse(open(r.get("course")), open(r.get("title")),
                open(r.get("topic")), open(r.get("assignedAt")), open(r.get("by")),
                r.get("attendance").asList(a -> new Attendance(open(a.get("date")),
                        a.get("attended").isNull() ? null : a.get("attended").asBoolean(), open(a.get("note")))))));
        long sessions = 0;
        long attended = 0;
        for (PlannedCourse p : planned) {
            for (Attendance a : p.attendance()) {
                sessions++;
                if (Boolean.TRUE.equals(a.attended())) {
                    attended++;
                }
            }
        }
        return new Plan(planned, sessions, attended);
    }

    /** A value as the profile shows it: sealed text revealed (identity numbers masked), dates in ISO form. */
    private String open(org.neo4j.driver.Value v) {
        return v.isNull() ? null : store.pseudonyms().reveal(String.valueOf(Values.plain(v)), Masking::view);
    }
}

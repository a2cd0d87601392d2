package org.tongxin.domain.education;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tongxin.domain.persistence.Casework;
import org.tongxin.domain.persistence.ClassBookingEntity;
import org.tongxin.domain.persistence.ClassBookingStore;
import org.tongxin.domain.persistence.CourseEntity;
import org.tongxin.domain.persistence.CourseStore;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.domain.workflow.Transactions;
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
 * ({@code (:Person)<-[:ATTENDEE]-(:Attendance)-[:OF_COURSE]->(:Course)}). Courses and bookings are read, listed
 * and saved through Spring Data ({@link CourseStore}, {@link ClassBookingStore}), a booking's steps in transactions
 * of the Spring transaction manager; plans and attendance hang off ingest-loaded persons and stay in Cypher over the
 * driver.
 */
public final class Education {

    public static final Set<String> TOPICS = Set.of("防性侵", "防欺凌", "网络安全", "禁毒", "交通安全", "法治教育", "心理健康");
    public static final Map<String, String> FORMS = Map.of("onsite", "现场授课", "live", "直播", "recorded", "录播视频");
    static final Flow<BookingStatus> FLOW = new Flow<>(Trail.casework("ClassBooking"), BookingStatus.STEPS);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
    private final CourseStore courses;
    private final ClassBookingStore bookings;
    private final Transactions transactions;

    public Education(GraphStore store, Casework casework) {
        this.store = store;
        this.courses = casework.courses();
        this.bookings = casework.bookings();
        this.transactions = casework.transactions();
    }

    /** Adds the bundled catalogue's courses that are not in the graph yet (never overwrites edits). */
    public int seed() {
        List<CourseEntity> rows = new ArrayList<>();
        try (var in = Objects.requireNonNull(Education.class.getResourceAsStream("/org/tongxin/domain/education/courses.tsv"));
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                if (f.length == 6) {
                    rows.add(new CourseEntity(f[0], f[1], f[2], f[3], Long.parseLong(f[4]), f[5]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return courses.addMissing(rows);
    }

    public List<CourseView> courses() {
        return courses.all().stream().map(Education::course).toList();
    }

    public CourseView course(String id) {
        return course(courseEntity(id));
    }

    private CourseEntity courseEntity(String id) {
        return courses.find(id).orElseThrow(() -> Problem.notFound("education.course-not-found", id));
    }

    private static CourseView course(CourseEntity c) {
        String form = c.getForm();
        String video = c.getVideo();
        return new CourseView(c.getId(), c.getTitle(), c.getTopic(), form, c.getMinutes(), c.getDescription(), video,
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
        CourseEntity added = courses.add(new CourseEntity(null, title, c.topic(), c.form(), c.minutes().longValue(),
                Check.text(c.description(), "description", 2000, false)));
        return course(added.getId());
    }

    public CourseView attachVideo(String courseId, String mediaId) {
        courses.attachVideo(courseId, mediaId).orElseThrow(() -> Problem.notFound("education.course-not-found", courseId));
        return course(courseId);
    }

    public BookingView book(String by, String unit, Booking b, LocalDate today) {
        CourseEntity course = courseEntity(b.course() == null ? "" : b.course());
        LocalDate date = Check.date(b.date(), "date");
        if (date.isBefore(today)) {
            throw Problem.invalid("education.date-past");
        }
        if (b.size() == null || b.size() < 1 || b.size() > 2000) {
            throw Problem.invalid("education.size");
        }
        String school = unit != null && !unit.isBlank() ? unit : knownSchool(Check.text(b.school(), "school", 100, true));
        String id = "B" + HexFormat.of().formatHex(RANDOM.generateSeed(4)).toUpperCase();
        bookings.create(new ClassBookingEntity(id, course, date, Check.text(b.audience(), "audience", 100, true),
                b.size().longValue(), school, by, LocalDateTime.now(LegalAge.ZONE).withNano(0)));
        return booking(id);
    }

    /** A school a prosecutor books for, by name or code, as the observer's places list them: one pupils are enrolled at. */
    private String knownSchool(String school) {
        boolean known = store.read(tx -> tx.run("""
                MATCH (:Enrolment)-[:AT]->(u:Unit) WHERE u.name = $s OR u.code = $s RETURN count(u) > 0 AS known
                """, Map.of("s", school)).single().get("known").asBoolean());
        if (!known) {
            throw Problem.invalid("education.school-unknown", school);
        }
        return school;
    }

    /** Bookings, soonest first; {@code school} limits them to one school's. */
    public List<BookingView> bookings(String school) {
        return bookings.list(school).stream().map(Education::booking).toList();
    }

    public BookingView booking(String id) {
        return bookings.find(id).map(Education::booking)
                .orElseThrow(() -> Problem.notFound("education.booking-not-found", id));
    }

    private static BookingView booking(ClassBookingEntity b) {
        return new BookingView(b.getId(), b.getCourse(), b.getCourseTitle(), text(b.getDate()), b.getAudience(),
                b.getSize(), b.getSchool(), b.getRequestedBy(), text(b.getRequestedAt()), b.getStatus(),
                text(b.getStatusChangedAt()), b.getProsecutor(), text(b.getScheduledAt()),
                b.getSteps().stream().map(BookingStep::of).toList());
    }

    /** A date or time as the API shows it, ISO; absent as null. */
    private static String text(java.time.temporal.TemporalAccessor t) {
        return t == null ? null : t.toString();
    }

    /** A prosecutor schedules a booking: who teaches and when. */
    public BookingView schedule(String id, String by, String prosecutor, String at, LocalDateTime now) {
        LocalDateTime when = Check.dateTime(at, "at").withSecond(0).withNano(0);
        if (when.isBefore(now)) {
            throw Problem.invalid("education.schedule-past");
        }
        LocalDate booked = bookings.find(id).map(ClassBookingEntity::getDate)
                .orElseThrow(() -> Problem.notFound("education.booking-not-found", id));
        if (booked != null && when.toLocalDate().isBefore(booked)) {
            throw Problem.invalid("education.schedule-before-date", booked);
        }
        Map<String, Object> node = new HashMap<>();
        node.put("prosecutor", prosecutor);
        node.put("scheduledAt", when);
        transactions.write(tx -> FLOW.move(tx, id,
                Flow.Move.to(BookingStatus.SCHEDULED, "status", by, prosecutor + " " + when.format(MINUTE)).withNode(node)));
        return booking(id);
    }

    public BookingView move(String id, String to, String by, String note) {
        BookingStatus target = BookingStatus.of(to)
                .filter(s -> s == BookingStatus.DELIVERED || s == BookingStatus.CANCELLED)
                .orElseThrow(() -> Problem.invalid("education.move-to"));
        String text = Check.text(note, "note", 2000, target == BookingStatus.CANCELLED);
        transactions.write(tx -> FLOW.move(tx, id, Flow.Move.to(target, "status", by, text)));
        return booking(id);
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

    /** A value as the profile shows it: sealed text revealed, identity and phone numbers masked, dates in ISO form. */
    private String open(org.neo4j.driver.Value v) {
        return v.isNull() ? null : Masking.text(store.pseudonyms(), String.valueOf(Values.plain(v)));
    }
}

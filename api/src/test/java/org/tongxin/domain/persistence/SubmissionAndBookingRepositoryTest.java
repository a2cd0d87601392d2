package org.tongxin.domain.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.education.BookingStatus;
import org.tongxin.domain.observer.SubmissionStatus;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.workflow.Flow;
import org.tongxin.domain.workflow.Trail;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;

/**
 * A submission and a class booking round-trip through Spring Data Neo4j against the embedded store: saved through
 * their stores, read back with their steps in order, of two equal steps at once exactly one taken, and the nodes in
 * the shape the driver code wrote before (the same property names and value types, the same links and counter).
 */
class SubmissionAndBookingRepositoryTest {

    private static final Flow<SubmissionStatus> SUBMISSIONS = new Flow<>(Trail.casework("Submission"), SubmissionStatus.STEPS);
    private static final Flow<BookingStatus> BOOKINGS = new Flow<>(Trail.casework("ClassBooking"), BookingStatus.STEPS);
    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 20, 21, 5, 0);
    private static final LocalDateTime SUBMITTED = LocalDateTime.of(2026, 11, 21, 9, 30, 5);

    private static GraphStore store;
    private static Casework casework;

    @BeforeAll
    static void open() throws Exception {
        Path dir = Files.createTempDirectory("tongxin-sdn-casework");
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("16m").build());
        casework = Casework.over(store);
        store.writeOnly(tx -> tx.run("CREATE (:Venue {code: 'V1', name: '星空网吧', lat: 37.5, lon: 121.4})").consume());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void aSubmissionIsSavedReadListedAndSteppedThroughSpringData() throws Exception {
        String venue = store.read(tx -> tx.run("MATCH (v:Venue {code: 'V1'}) RETURN elementId(v) AS n").single().get("n").asString());
        casework.submissions().create(submission("S20261121AAAAAA", "ann", 31L, 37.5003, 121.4), venue);
        casework.submissions().create(submission("S20261121BBBBBB", "bob", null, 10.0, 10.0), null);

        SubmissionStore.Stored read = casework.submissions().find("S20261121AAAAAA").orElseThrow();
        SubmissionEntity s = read.submission();
        assertThat(read.placeNode()).isEqualTo(venue);
        assertThat(s.getStatus()).isEqualTo("submitted");
        assertThat(s.getSubmitter()).isEqualTo("ann");
        assertThat(s.getAt()).isEqualTo(AT);
        assertThat(s.getSubmittedAt()).isEqualTo(SUBMITTED);
        assertThat(s.getMedia()).containsExactly("m1", "m2");
        assertThat(s.getDistance()).isEqualTo(31L);
        assertThat(s.getLat()).isEqualTo(37.5003);
        assertThat(s.getSteps()).isEmpty();
        assertThat(casework.submissions().find("S20261121BBBBBB").orElseThrow().placeNode()).isNull();
        assertThat(casework.submissions().find("S-none")).isEmpty();

        // The same node the driver code wrote: property names and value types, the link, nothing else.
        Map<String, Object> old = new HashMap<>(Map.of("id", "S-OLD", "category", "netbar", "suggested", "netbar",
                "description", "〔sealed〕", "at", AT, "submittedAt", SUBMITTED, "by", "ann", "media", List.of("m1", "m2"),
                "mediaTypes", List.of("image/jpeg", "image/png"), "placeKey", "venue:ab"));
        old.putAll(Map.of("placeName", "星空网吧", "placeKind", "venue", "distance", 31L, "lat", 37.5003, "lon", 121.4));
        store.writeOnly(tx -> tx.run("CREATE (s:Submission) SET s = $p, s.status = 'submitted'", Map.of("p", old)).consume());
        assertThat(shape("Submission", "S20261121AAAAAA")).isEqualTo(shape("Submission", "S-OLD"));
        Map<String, Object> pointOld = new HashMap<>(old);
        pointOld.put("id", "S-OLD-POINT");
        pointOld.put("distance", null);
        store.writeOnly(tx -> tx.run("CREATE (s:Submission) SET s = $p, s.status = 'submitted'", Map.of("p", pointOld)).consume());
        assertThat(shape("Submission", "S20261121BBBBBB")).isEqualTo(shape("Submission", "S-OLD-POINT"));
        assertThat((Object) store.read(tx -> tx.run("MATCH (:Submission {id: 'S20261121AAAAAA'})-[r]->(v:Venue) RETURN type(r) AS t")
                .single().get("t").asString())).isEqualTo("ABOUT_PLACE");

        // Steps through the workflow in Spring transactions; the workflow's node fields read back.
        String id = "S20261121AAAAAA";
        casework.transactions().write(tx -> SUBMISSIONS.move(tx, id, Flow.Move.to(SubmissionStatus.ACKNOWLEDGED, "status", "p1", "")));
        casework.transactions().write(tx -> SUBMISSIONS.move(tx, id, Flow.Move.<SubmissionStatus>to(SubmissionStatus.REFERRED,
                "status", "p1", "").withExtra(Map.of("department", "market_regulation"))
                .withNode(Map.of("department", "market_regulation"))));
        assertThat(refused(() -> casework.transactions().write(tx -> SUBMISSIONS.move(tx, id,
                Flow.Move.to(SubmissionStatus.ACKNOWLEDGED, "status", "p1", ""))))).isEqualTo("workflow.not-allowed");
        casework.transactions().write(tx -> SUBMISSIONS.move(tx, id, Flow.Move.<SubmissionStatus>to(SubmissionStatus.CLOSED,
                "status", "p1", "已整改").withNode(Map.of("result", "已整改", "closedAt", SUBMITTED.plusDays(9)))));
        SubmissionEntity closed = casework.submissions().find(id).orElseThrow().submission();
        assertThat(closed.getStatus()).isEqualTo("closed");
        assertThat(closed.getDepartment()).isEqualTo("market_regulation");
        assertThat(closed.getResult()).isEqualTo("已整改");
        assertThat(closed.getClosedAt()).isEqualTo(SUBMITTED.plusDays(9));
        assertThat(closed.getStatusChangedAt()).isNotNull();
        assertThat(closed.getSteps()).extracting(CaseStepEntity::getSeq).containsExactly(1L, 2L, 3L);
        assertThat(closed.getSteps()).extracting(CaseStepEntity::getTo).containsExactly("acknowledged", "referred", "closed");
        assertThat(closed.getSteps()).extracting(CaseStepEntity::getDepartment).containsExactly(null, "market_regulation", null);
        assertThat(counter("Submission", id)).isEqualTo(3L);

        // Listing: newest first, by submitter and status.
        assertThat(casework.submissions().list(null, null)).extracting(x -> x.submission().getId())
                .containsSubsequence("S20261121AAAAAA", "S20261121BBBBBB");
        assertThat(casework.submissions().list("bob", null)).extracting(x -> x.submission().getId())
                .containsExactly("S20261121BBBBBB");
        assertThat(casework.submissions().list(null, "closed")).extracting(x -> x.placeNode()).containsExactly(venue);
        assertThat(casework.submissions().list("bob", "closed")).isEmpty();

        // Of two acknowledgements at once, exactly one is taken.
        for (int round = 0; round < 5; round++) {
            String rid = "S-RACE-" + round;
            casework.submissions().create(submission(rid, "ann", null, 1.0, 1.0), null);
            assertThat(race(() -> casework.transactions().write(tx -> SUBMISSIONS.move(tx, rid,
                    Flow.Move.to(SubmissionStatus.ACKNOWLEDGED, "status", "p", "")))))
                    .containsExactlyInAnyOrder("won", "workflow.not-allowed");
            assertThat(casework.submissions().find(rid).orElseThrow().submission().getSteps()).hasSize(1);
        }
    }

    @Test
    void aBookingIsSavedWithItsCourseReadListedAndSteppedThroughSpringData() throws Exception {
        CourseStore courses = casework.courses();
        assertThat(courses.addMissing(List.of(new CourseEntity("C001", "拒绝毒品", "禁毒", "onsite", 40L, "说明"),
                new CourseEntity("C002", "网络安全", "网络安全", "live", 45L, "说明")))).isEqualTo(2);
        store.writeOnly(tx -> tx.run("MATCH (c:Course {id: 'C001'}) SET c.title = '拒绝毒品（修订）', c.note = 'kept'").consume());
        assertThat(courses.addMissing(List.of(new CourseEntity("C001", "拒绝毒品", "禁毒", "onsite", 40L, "说明"),
                new CourseEntity("C003", "交通安全", "交通安全", "recorded", 30L, null)))).isEqualTo(1);
        assertThat(courses.find("C001").orElseThrow().getTitle()).isEqualTo("拒绝毒品（修订）");
        assertThat(courses.all()).extracting(CourseEntity::getId).containsExactly("C001", "C002", "C003");
        CourseEntity added = courses.add(new CourseEntity(null, "新课", "法治教育", "live", 20L, ""));
        assertThat(added.getId()).isEqualTo("C004");
        assertThat(courses.attachVideo("C001", "media-1").orElseThrow().getVideo()).isEqualTo("media-1");
        assertThat(courses.attachVideo("C999", "media-1")).isEmpty();
        // A course saved through Spring Data keeps what it does not map; seeded ones look like the old seed's.
        store.writeOnly(tx -> tx.run("""
                UNWIND $rows AS row MERGE (c:Course {id: row.id}) ON CREATE SET c += row
                """, Map.of("rows", List.of(Map.of("id", "C-OLD", "title", "交通安全", "topic", "交通安全", "form", "recorded",
                "minutes", 30L)))).consume());
        assertThat(shape("Course", "C003")).isEqualTo(shape("Course", "C-OLD"));
        assertThat((Object) store.read(tx -> tx.run("MATCH (c:Course {id: 'C001'}) RETURN c.note AS n").single().get("n").asString()))
                .isEqualTo("kept");

        CourseEntity course = courses.find("C001").orElseThrow();
        LocalDateTime requested = LocalDateTime.of(2026, 11, 22, 8, 0, 0);
        casework.bookings().create(new ClassBookingEntity("B0000001", course, LocalDate.of(2026, 12, 15), "四年级", 120L,
                "370612-JCY", "school-1", requested));
        casework.bookings().create(new ClassBookingEntity("B0000002", courses.find("C002").orElseThrow(),
                LocalDate.of(2026, 12, 10), "五年级", 80L, "other-school", "school-2", requested));
        ClassBookingEntity b = casework.bookings().find("B0000001").orElseThrow();
        assertThat(b.getCourse()).isEqualTo("C001");
        assertThat(b.getCourseTitle()).isEqualTo("拒绝毒品（修订）");
        assertThat(b.getOfCourse().getId()).isEqualTo("C001");
        assertThat(b.getStatus()).isEqualTo("requested");
        assertThat(b.getRequestedBy()).isEqualTo("school-1");
        assertThat(b.getDate()).isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(b.getSize()).isEqualTo(120L);
        // Saving the booking wrote neither the course's properties nor a second course.
        assertThat((Object) store.read(tx -> tx.run("MATCH (c:Course {id: 'C001'}) RETURN c.note AS n, count(*) AS k").single().get("n").asString()))
                .isEqualTo("kept");
        assertThat((Object) store.read(tx -> tx.run("MATCH (c:Course) RETURN count(c) AS n").single().get("n").asLong())).isEqualTo(5L);

        Map<String, Object> old = new HashMap<>(Map.of("id", "B-OLD", "course", "C001", "courseTitle", "拒绝毒品（修订）",
                "date", LocalDate.of(2026, 12, 15), "audience", "四年级", "size", 120, "school", "370612-JCY", "by", "school-1",
                "requestedAt", requested));
        store.writeOnly(tx -> tx.run("MATCH (c:Course {id: $p.course}) CREATE (b:ClassBooking) SET b = $p, b.status = 'requested' "
                + "CREATE (b)-[:OF_COURSE]->(c)", Map.of("p", old)).consume());
        assertThat(shape("ClassBooking", "B0000001")).isEqualTo(shape("ClassBooking", "B-OLD"));
        assertThat((Object) store.read(tx -> tx.run("MATCH (:ClassBooking {id: 'B0000001'})-[r]->(c:Course) RETURN type(r) AS t, c.id AS c")
                .single().get("t").asString())).isEqualTo("OF_COURSE");

        String id = "B0000001";
        Map<String, Object> scheduled = new HashMap<>();
        scheduled.put("prosecutor", "张检察官");
        scheduled.put("scheduledAt", LocalDateTime.of(2026, 12, 15, 9, 30));
        casework.transactions().write(tx -> BOOKINGS.move(tx, id, Flow.Move.<BookingStatus>to(BookingStatus.SCHEDULED,
                "status", "p1", "张检察官 2026-12-15T09:30").withNode(scheduled)));
        assertThat(refused(() -> casework.transactions().write(tx -> BOOKINGS.move(tx, id,
                Flow.Move.to(BookingStatus.SCHEDULED, "status", "p1", ""))))).isEqualTo("workflow.not-allowed");
        casework.transactions().write(tx -> BOOKINGS.move(tx, id, Flow.Move.to(BookingStatus.DELIVERED, "status", "p1", "120 人")));
        ClassBookingEntity delivered = casework.bookings().find(id).orElseThrow();
        assertThat(delivered.getStatus()).isEqualTo("delivered");
        assertThat(delivered.getProsecutor()).isEqualTo("张检察官");
        assertThat(delivered.getScheduledAt()).isEqualTo(LocalDateTime.of(2026, 12, 15, 9, 30));
        assertThat(delivered.getSteps()).extracting(CaseStepEntity::getSeq).containsExactly(1L, 2L);
        assertThat(delivered.getSteps()).extracting(CaseStepEntity::getTo).containsExactly("scheduled", "delivered");
        assertThat(counter("ClassBooking", id)).isEqualTo(2L);

        assertThat(casework.bookings().list(null)).extracting(ClassBookingEntity::getId)
                .containsSubsequence("B0000002", "B0000001");
        assertThat(casework.bookings().list("370612-JCY")).extracting(ClassBookingEntity::getId)
                .containsExactlyInAnyOrder("B0000001", "B-OLD");
        assertThat(casework.bookings().find("B-none")).isEmpty();

        // Of two cancellations at once, exactly one is taken.
        for (int round = 0; round < 5; round++) {
            String rid = "B-RACE-" + round;
            casework.bookings().create(new ClassBookingEntity(rid, course, LocalDate.of(2026, 12, 20), "x", 1L, "s", "u", requested));
            assertThat(race(() -> casework.transactions().write(tx -> BOOKINGS.move(tx, rid,
                    Flow.Move.to(BookingStatus.CANCELLED, "status", "p", "取消")))))
                    .containsExactlyInAnyOrder("won", "workflow.not-allowed");
            assertThat(casework.bookings().find(rid).orElseThrow().getSteps()).hasSize(1);
        }
    }

    private static SubmissionEntity submission(String id, String by, Long distance, Double lat, Double lon) {
        return new SubmissionEntity(id, "netbar", "netbar", "〔sealed〕", AT, SUBMITTED, by, List.of("m1", "m2"),
                List.of("image/jpeg", "image/png"), "venue:ab", "星空网吧", "venue", distance, lat, lon);
    }

    /** The node's property names with their value types, sorted, without its id. */
    private static List<String> shape(String label, String id) {
        return store.read(tx -> tx.run("MATCH (n:" + label + " {id: $id}) "
                + "RETURN [k IN keys(n) WHERE k <> 'id' | k + ':' + valueType(n[k])] AS shape, labels(n) AS labels",
                Map.of("id", id)).single()).get("shape").asList(v -> v.asString()).stream().sorted().toList();
    }

    private static long counter(String label, String id) {
        return store.read(tx -> tx.run("MATCH (n:" + label + " {id: $id}) RETURN n.stepSeq AS n", Map.of("id", id))
                .single().get("n").asLong());
    }

    private static String refused(Runnable step) {
        try {
            step.run();
            return "won";
        } catch (Problem p) {
            return p.code();
        }
    }

    /** Runs {@code step} twice at once; answers each outcome, {@code won} or the problem's code. */
    private static List<String> race(Supplier<?> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return refused(step::get);
                }));
            }
            go.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : results) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.tongxin.api.education;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.api.observer.Pictures;
import org.tongxin.domain.user.Role;

/** The education base over the real server: catalogue, bookings and scheduling, videos by range, plans. */
class EducationApiTest {

    private static TestCity city;
    private static Http prosecutor;
    private static Http school;
    private static String minorNode;

    @BeforeAll
    static void setUp() throws Exception {
        city = TestCity.get();
        prosecutor = city.as(Role.PROSECUTOR);
        school = city.as(Role.DEPARTMENT);
        try (Session s = city.store.driver().session()) {
            minorNode = s.run("MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key DESC LIMIT 1 "
                    + "MATCH (m:Person {id: split(l.key, ':')[1]}) RETURN elementId(m) AS id").single().get("id").asString();
        }
    }

    @Test
    void everyRoleSeesTheCatalogueSeededFromTheBundledList() {
        for (Role r : Role.values()) {
            JsonNode c = city.as(r).get("/api/education/courses").json();
            assertThat(c.get("courses").size()).as(r.code()).isGreaterThanOrEqualTo(9);
        }
        JsonNode added = prosecutor.post("/api/education/courses", Map.of("title", "预防电信诈骗", "topic", "网络安全",
                "form", "live", "minutes", 45)).json();
        assertThat(added.get("id").asText()).startsWith("C");
        assertThat(prosecutor.post("/api/education/courses", Map.of("title", "x", "topic", "烹饪", "form", "live", "minutes", 45)).status()).isEqualTo(400);
    }

    @Test
    void aSchoolOrdersAClassAndAProsecutorSchedulesAndDeliversIt() {
        // A day ahead of today: a class cannot be scheduled in the past.
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(13).toString();
        JsonNode booked = school.post("/api/education/bookings", Map.of("course", "C003", "date", day,
                "audience", "四年级全体学生", "size", 180)).json();
        String id = booked.get("id").asText();
        assertThat(booked.get("status").asText()).isEqualTo("requested");
        assertThat(booked.get("school").asText()).isEqualTo("370612-JCY");
        assertThat(school.get("/api/education/bookings").text()).contains(id);
        String prosecutorName = city.users.get(Role.PROSECUTOR)[0];
        JsonNode scheduled = prosecutor.post("/api/education/bookings/" + id + "/schedule",
                Map.of("prosecutor", prosecutorName, "at", day + "T09:30")).json();
        assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.get("prosecutor").asText()).isEqualTo(prosecutorName);
        assertThat(school.post("/api/education/bookings/" + id + "/schedule", Map.of("at", day + "T09:30")).status()).isEqualTo(403);
        JsonNode delivered = prosecutor.post("/api/education/bookings/" + id + "/status", Map.of("to", "delivered", "note", "180 人参加")).json();
        assertThat(delivered.get("status").asText()).isEqualTo("delivered");
        assertThat(delivered.get("steps")).hasSize(2);
        assertThat(school.post("/api/education/bookings", Map.of("course", "C003", "date", "2020-01-01", "audience", "x", "size", 10)).status()).isEqualTo(400);
        String password = city.services.access().users().add("traffic-staff", Role.DEPARTMENT, "交警大队", "traffic_police");
        Http traffic = Http.loggedIn(city.base(), "traffic-staff", password);
        assertThat(traffic.post("/api/education/bookings", Map.of("course", "C003", "date", day, "audience", "x", "size", 10)).status()).isEqualTo(403);
        assertThat(traffic.get("/api/education/bookings").text()).doesNotContain(id);
    }

    @Test
    void aClassIsNotScheduledInThePastOrBeforeItsDayADeliveryIsAuditedAndAProsecutorBooksOnlyForAKnownSchool() {
        java.time.LocalDate day = java.time.LocalDate.now().plusDays(20);
        String id = school.post("/api/education/bookings", Map.of("course", "C002", "date", day.toString(),
                "audience", "六年级", "size", 60)).json().get("id").asText();
        String base = "/api/education/bookings/" + id;
        Http.Response past = prosecutor.post(base + "/schedule", Map.of("at", "2020-12-15T09:30"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("error").asText()).isEqualTo("授课时间不能早于现在");
        Http.Response early = prosecutor.post(base + "/schedule", Map.of("at", day.minusDays(1) + "T09:30"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("error").asText()).isEqualTo("授课时间不能早于学校预约的上课日期 " + day);
        JsonNode scheduled = prosecutor.post(base + "/schedule", Map.of("at", day + "T09:30:41")).json();
        assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
        assertThat(scheduled.get("steps").get(0).get("note").asText())
                .isEqualTo(city.users.get(Role.PROSECUTOR)[0] + " " + day + " 09:30");
        prosecutor.post(base + "/status", Map.of("to", "delivered"));
        JsonNode audited = prosecutor.get("/api/audit?action=booking.status&limit=1").json().get("entries").get(0);
        assertThat(audited.get("what").toString()).contains(id);
        assertThat(audited.get("details").asText()).isEqualTo("转为“已授课”");

        Map<String, Object> nowhere = Map.of("course", "C002", "date", day.toString(), "audience", "x", "size", 10,
                "school", "NO-SUCH-SCHOOL");
        Http.Response unknown = prosecutor.post("/api/education/bookings", nowhere);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).startsWith("没有这所学校");
        String known = null;
        for (JsonNode p : prosecutor.get("/api/observer/places").json().get("places")) {
            if (p.get("kind").asText().equals("school")) {
                known = p.get("name").asText();
            }
        }
        assertThat(prosecutor.post("/api/education/bookings", Map.of("course", "C002", "date", day.toString(),
                "audience", "x", "size", 10, "school", known)).status()).isEqualTo(201);
    }

    @Test
    void aRecordedClassVideoIsServedInRangesSoThePlayerCanSeek() {
        byte[] video = Pictures.mp4(300_000);
        String media = prosecutor.postBytes("/api/media", video, "video/mp4").json().get("id").asText();
        JsonNode course = prosecutor.post("/api/education/courses/C005/video", Map.of("media", media)).json();
        assertThat(course.get("hasVideo").asBoolean()).isTrue();
        Http guardian = city.as(Role.GUARDIAN);
        Http.Response whole = guardian.get("/api/education/courses/C005/video");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        Http.Response tail = guardian.get("/api/education/courses/C005/video", "Range", "bytes=299000-");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes 299000-299999/300000");
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(video, 299_000, 300_000));
        assertThat(guardian.get("/api/education/courses/C001/video").status()).isEqualTo(404);
    }

    @Test
    void aPlanAssignsClassesAndTheAttendanceShowsOnTheProfile() {
        assertThat(prosecutor.post("/api/education/plans", Map.of("person", minorNode, "course", "C002")).status()).isEqualTo(201);
        prosecutor.post("/api/education/attendance", Map.of("person", minorNode, "course", "C002", "date", "2026-11-20", "attended", true));
        prosecutor.post("/api/education/attendance", Map.of("person", minorNode, "course", "C002", "date", "2026-11-25", "attended", false,
                "note", "请假"));
        JsonNode edu = prosecutor.get("/api/profiles/" + Http.enc(minorNode)).json().get("education");
        assertThat(edu.get("sessions").asInt()).isEqualTo(2);
        assertThat(edu.get("attended").asInt()).isEqualTo(1);
        assertThat(edu.get("planned").get(0).get("course").asText()).isEqualTo("C002");
        assertThat(edu.get("planned").get(0).get("attendance").get(1).get("note").asText()).isEqualTo("请假");
        Http worker = city.as(Role.SOCIAL_WORKER);
        assertThat(worker.post("/api/education/plans", Map.of("person", minorNode, "course", "C001")).status()).isEqualTo(404);
        assertThat(prosecutor.post("/api/education/attendance", Map.of("person", minorNode, "course", "C002", "date", "2099-01-01",
                "attended", true)).status()).isEqualTo(400);
    }

    @Test
    void anAttendanceNoteIsShownWithItsNumbersMasked() {
        String minorNode;
        try (Session s = city.store.driver().session()) {
            // Another minor than the other tests', whose attendance they count.
            minorNode = s.run("MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.key DESC SKIP 1 LIMIT 1 "
                    + "MATCH (m:Person {id: split(l.key, ':')[1]}) RETURN elementId(m) AS id").single().get("id").asString();
        }
        prosecutor.post("/api/education/plans", Map.of("person", minorNode, "course", "C001"));
        prosecutor.post("/api/education/attendance", Map.of("person", minorNode, "course", "C001", "date", "2026-11-21",
                "attended", false, "note", "联系监护人 370612200801011234 电话 13812345678"));
        JsonNode profile = prosecutor.get("/api/profiles/" + Http.enc(minorNode)).json().get("education");
        JsonNode plan = prosecutor.get("/api/education/plans?person=" + Http.enc(minorNode)).json();
        for (JsonNode edu : List.of(profile, plan)) {
            List<String> notes = new java.util.ArrayList<>();
            edu.get("planned").forEach(c -> c.get("attendance").forEach(a -> notes.add(a.get("note").asText())));
            assertThat(notes).contains("联系监护人 370612***********4 电话 138****5678");
            assertThat(edu.toString()).doesNotContain("370612200801011234", "13812345678");
        }
    }
}

package org.tongxin.api.observer;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.observer.MediaStore;
import org.tongxin.domain.observer.Submissions;

/** The observer platform over the real server: uploads, submissions, linking, clusters, deadlines, scopes. */
class ObserverApiTest {

    private static TestCity city;
    private static Http volunteer;
    private static Http otherVolunteer;
    private static Http prosecutor;
    private static String venuePlace;
    private static double venueLat;
    private static double venueLon;

    @BeforeAll
    static void setUp() throws Exception {
        city = TestCity.get();
        volunteer = city.as(Role.VOLUNTEER);
        String password = city.services.access().users().add("volunteer-two", Role.VOLUNTEER, null, null);
        otherVolunteer = Http.loggedIn(city.base(), "volunteer-two", password);
        prosecutor = city.as(Role.PROSECUTOR);
        try (Session s = city.store.driver().session()) {
            var r = s.run("MATCH (v:Venue) WHERE v.lat IS NOT NULL AND v.kind = '网吧' RETURN v.code AS code, v.lat AS lat, v.lon AS lon ORDER BY code LIMIT 1").single();
            venuePlace = Submissions.key("venue", r.get("code").asString());
            venueLat = r.get("lat").asDouble();
            venueLon = r.get("lon").asDouble();
        }
    }

    @Test
    void aPhotoIsStoredByItsContentWithoutExifAndItsGpsIsOffered() throws Exception {
        byte[] photo = Pictures.jpegWithGps(venueLat, venueLon);
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo)).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        JsonNode m = volunteer.postBytes("/api/media", photo, "image/jpeg").json();
        assertThat(m.get("type").asText()).isEqualTo("image/jpeg");
        assertThat(m.get("lat").asDouble()).isCloseTo(venueLat, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(m.get("lon").asDouble()).isCloseTo(venueLon, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(m.get("id").asText()).matches("[0-9a-f]{64}");
        byte[] stored = volunteer.get("/api/media/" + m.get("id").asText()).bytes();
        var meta = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
        assertThat(meta.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(meta.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(stored)))
                .isEqualTo(m.get("id").asText());
        // Another volunteer cannot fetch it; a prosecutor can.
        assertThat(otherVolunteer.get("/api/media/" + m.get("id").asText()).status()).isEqualTo(404);
        assertThat(prosecutor.get("/api/media/" + m.get("id").asText()).status()).isEqualTo(200);
    }

    @Test
    void badUploadsAreRefusedWithAClearErrorAndNothingIsStored() throws Exception {
        MediaStore store = city.services.submissions().media();
        long files = store.storedFiles();
        long ledger = ledgerLines();
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("zero bytes", new byte[0]);
        bad.put("zip bomb named .jpg", Pictures.zipBomb());
        bad.put("text", "这不是照片".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bad.put("png bomb", Pictures.pngBomb());
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(Pictures.image("jpg", 16, 16), 0, big, 0, 600);
        bad.put("photo over 10 MiB", big);
        bad.put("video over 50 MiB", Pictures.mp4(51 * 1024 * 1024));
        Map<String, Integer> expected = Map.of("zero bytes", 400, "zip bomb named .jpg", 415, "text", 415,
                "png bomb", 422, "photo over 10 MiB", 413, "video over 50 MiB", 413);
        for (var e : bad.entrySet()) {
            Http.Response r = volunteer.postBytes("/api/media", e.getValue(), "image/jpeg");
            assertThat(r.status()).as(e.getKey() + ": " + r.text()).isEqualTo(expected.get(e.getKey()));
            assertThat(r.json().get("error").asText()).as(e.getKey()).isNotBlank();
        }
        assertThat(store.storedFiles()).isEqualTo(files);
        assertThat(ledgerLines()).isEqualTo(ledger);
    }

    @Test
    void aPointWithin200MetresIsLinkedToTheVenueAndShowsAroundIt() {
        JsonNode s = submit(volunteer, Map.of("category", "netbar", "description", "晚上看到几个初中生在网吧上网，没有查身份证",
                "lat", venueLat + 0.0005, "lon", venueLon));
        assertThat(s.get("placeKind").asText()).isEqualTo("venue");
        assertThat(s.get("placeKey").asText()).isEqualTo(venuePlace);
        assertThat(s.get("distance").asLong()).isBetween(40L, 70L);
        assertThat(s.get("suggested").asText()).isEqualTo("netbar");
        assertThat(s.get("status").asText()).isEqualTo("submitted");
        String venueNode = s.get("placeNode").asText();
        JsonNode around = prosecutor.get("/api/graph/nodes/" + Http.enc(venueNode) + "/neighbours?size=100").json();
        assertThat(around.toString()).contains(s.get("id").asText());
        JsonNode far = submit(volunteer, Map.of("category", "other", "description", "河边的护栏坏了很久没人修", "lat", 10.0, "lon", 10.0));
        assertThat(far.get("placeKind").asText()).isEqualTo("point");
        assertThat(far.get("placeNode").isNull()).isTrue();
    }

    @Test
    void aVolunteerSeesOnlyTheirOwnSubmissionsAndTheirStatus() {
        JsonNode mine = submit(otherVolunteer, Map.of("category", "tobacco_alcohol", "description", "小卖部把香烟卖给穿校服的学生", "place", venuePlace));
        String id = mine.get("id").asText();
        assertThat(volunteer.get("/api/submissions/" + id).status()).isEqualTo(404);
        assertThat(volunteer.get("/api/submissions").text()).doesNotContain(id);
        assertThat(otherVolunteer.get("/api/submissions").text()).contains(id);
        prosecutor.post("/api/submissions/" + id + "/status", Map.of("to", "acknowledged"));
        JsonNode referred = prosecutor.post("/api/submissions/" + id + "/status", Map.of("to", "referred")).json();
        assertThat(referred.get("department").asText()).isEqualTo("market_regulation");
        assertThat(prosecutor.post("/api/submissions/" + id + "/status", Map.of("to", "closed")).status()).isEqualTo(400);
        prosecutor.post("/api/submissions/" + id + "/status", Map.of("to", "closed", "note", "市场监管局已立案处罚并责令整改"));
        JsonNode seen = otherVolunteer.get("/api/submissions/" + id).json();
        assertThat(seen.get("status").asText()).isEqualTo("closed");
        assertThat(seen.get("result").asText()).contains("责令整改");
        assertThat(seen.get("steps")).hasSize(3);
        assertThat(otherVolunteer.post("/api/submissions/" + id + "/status", Map.of("to", "acknowledged")).status()).isEqualTo(403);
        assertThat(prosecutor.get("/api/submissions?status=closed").text()).contains(id);
        assertThat(prosecutor.get("/api/submissions?status=submitted").text()).doesNotContain(id);
        assertThat(prosecutor.get("/api/submissions?status=finished").status()).isEqualTo(400);
    }

    @Test
    void threeSubmissionsFromTwoVolunteersAtOnePlaceAreRecurringAndCanBeProposed() {
        String school = schoolCode();
        submit(volunteer, Map.of("category", "campus", "description", "学校门口没有斑马线，车开得很快", "place", school));
        submit(volunteer, Map.of("category", "campus", "description", "放学时校门口车辆很多没人疏导", "place", school));
        JsonNode before = cluster(school, "campus");
        assertThat(before.get("recurring").asBoolean()).isFalse();
        assertThat(prosecutor.post("/api/observer/clusters/propose", Map.of("place", school, "category", "campus",
                "kind", "recommendation")).status()).isEqualTo(409);
        submit(otherVolunteer, Map.of("category", "campus", "description", "校门口的路灯坏了，晚自习后很黑", "place", school));
        JsonNode now = cluster(school, "campus");
        assertThat(now.get("submissions").asLong()).isEqualTo(3);
        assertThat(now.get("volunteers").asLong()).isEqualTo(2);
        assertThat(now.get("recurring").asBoolean()).isTrue();
        JsonNode proposed = prosecutor.post("/api/observer/clusters/propose", Map.of("place", school, "category", "campus",
                "kind", "recommendation", "note", "向教育局制发检察建议")).json();
        assertThat(proposed.get("moved").asInt()).isEqualTo(3);
        for (JsonNode id : now.get("ids")) {
            assertThat(prosecutor.get("/api/submissions/" + id.asText()).json().get("status").asText()).isEqualTo("proposed");
        }
    }

    @Test
    void anUnacknowledgedSubmissionOlderThanThreeDaysIsFlaggedOverdue() {
        JsonNode s = submit(volunteer, Map.of("category", "night_out", "description", "凌晨看到几个孩子在街上游荡", "place", venuePlace));
        String id = s.get("id").asText();
        assertThat(s.get("ackOverdue").asBoolean()).isFalse();
        try (Session session = city.store.driver().session()) {
            session.run("MATCH (x:Submission {id: $id}) SET x.submittedAt = x.submittedAt - duration({days: 4})", Map.of("id", id)).consume();
        }
        JsonNode overdue = prosecutor.get("/api/submissions?overdue=true").json();
        assertThat(overdue.get("items").toString()).contains(id);
        assertThat(overdue.get("ackOverdue").asLong()).isPositive();
        prosecutor.post("/api/submissions/" + id + "/status", Map.of("to", "acknowledged"));
        assertThat(prosecutor.get("/api/submissions/" + id).json().get("ackOverdue").asBoolean()).isFalse();
    }

    @Test
    void aSubmissionNeedsAKnownCategoryOnePlaceAndOnlyTheVolunteersOwnUploads() throws Exception {
        assertThat(volunteer.post("/api/submissions", Map.of("category", "x", "description", "描述五个字以上", "place", venuePlace)).status()).isEqualTo(400);
        assertThat(volunteer.post("/api/submissions", Map.of("category", "other", "description", "描述五个字以上")).status()).isEqualTo(400);
        String theirs = otherVolunteer.postBytes("/api/media", Pictures.image("png", 40, 30), "image/png").json().get("id").asText();
        Http.Response r = volunteer.post("/api/submissions", Map.of("category", "other", "description", "描述五个字以上",
                "place", venuePlace, "media", List.of(theirs)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("observer.not-your-upload");
    }

    @Test
    void aVideoIsServedInRanges() {
        byte[] video = Pictures.mp4(200_000);
        String id = volunteer.postBytes("/api/media", video, "video/mp4").json().get("id").asText();
        Http.Response part = volunteer.get("/api/media/" + id, "Range", "bytes=1000-1999");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/200000");
        assertThat(part.bytes()).isEqualTo(java.util.Arrays.copyOfRange(video, 1000, 2000));
    }

    @Test
    void aVideosLocationIsOfferedAndItsMetadataBlankedWithoutMovingTheSamples() {
        byte[] video = Pictures.mp4WithLocation("+37.4422+121.7019/", 5_000);
        JsonNode m = volunteer.postBytes("/api/media", video, "video/mp4").json();
        assertThat(m.get("lat").asDouble()).isEqualTo(37.4422);
        assertThat(m.get("lon").asDouble()).isEqualTo(121.7019);
        byte[] stored = volunteer.get("/api/media/" + m.get("id").asText()).bytes();
        assertThat(stored).hasSameSizeAs(video);
        String text = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("+37.4422").doesNotContain("udta").contains("moov").contains("free");
        assertThat(java.util.Arrays.copyOfRange(stored, stored.length - 5_008, stored.length))
                .isEqualTo(java.util.Arrays.copyOfRange(video, video.length - 5_008, video.length));
    }

    private static JsonNode cluster(String place, String category) {
        for (JsonNode c : prosecutor.get("/api/observer/clusters").json().get("clusters")) {
            if (c.get("place").asText().equals(place) && c.get("category").asText().equals(category)) {
                return c;
            }
        }
        throw new AssertionError("no cluster " + place + " × " + category);
    }

    private static String schoolCode() {
        try (Session s = city.store.driver().session()) {
            return Submissions.key("school", s.run("MATCH (:Enrolment)-[:AT]->(u:Unit) RETURN DISTINCT u.code AS c ORDER BY c LIMIT 1").single().get("c").asString());
        }
    }

    private static JsonNode submit(Http who, Map<String, Object> body) {
        Http.Response r = who.post("/api/submissions", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private static long ledgerLines() throws Exception {
        var f = city.dir.resolve("state").resolve("media").resolve("ledger.jsonl");
        return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    }
}

package org.tongxin.api.observer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.board.Board;
import org.tongxin.domain.education.Education;
import org.tongxin.domain.observer.Submissions;

/** The records that replaced maps write the JSON the web view has always read. */
class AnswerShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> SHAPE = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    @Test
    void aPlaceWithoutCoordinatesHasNullOnesAsItsSchemaSays() throws Exception {
        assertThat(JSON.writeValueAsString(new ObserverRoutes.PlaceChoice("venue:ab", "网吧", "venue", "网吧", null, null)))
                .isEqualTo("{\"place\":\"venue:ab\",\"name\":\"网吧\",\"kind\":\"venue\",\"sort\":\"网吧\",\"lat\":null,\"lon\":null}");
        assertThat(JSON.writeValueAsString(new ObserverRoutes.PlaceChoice("venue:ab", "网吧", "venue", "网吧", 37.5, 121.4)))
                .contains("\"lat\":37.5,\"lon\":121.4");
    }

    @Test
    void fieldsASubmissionDoesNotHaveYetAreLeftOutButItsPlaceNodeIsNot() throws Exception {
        var v = new Submissions.View("S1", "netbar", "netbar", "描述", "2026-11-20T10:00", "2026-11-20T10:00", "ann",
                List.of(), List.of(), "cell:1,2", "地图点位", "point", null, 1.0, 2.0, "submitted", null, null, null, null,
                null, null, null, "网吧接纳未成年人", "网吧接纳未成年人", "2026-11-23T10:00", "2027-02-20T10:00", false, false, null);
        Map<String, Object> m = JSON.convertValue(v, SHAPE);
        assertThat(m).containsKeys("placeNode", "lat", "lon", "ackOverdue").doesNotContainKeys("distance", "steps",
                "statusChangedAt", "department", "result", "closedAt", "proposal", "acknowledgedAt", "stepSeq");
        assertThat(m.get("placeNode")).isNull();
    }

    @Test
    void aCourseWithoutVideoHasNoVideoKeyAndABookingNoScheduleUntilScheduled() {
        Map<String, Object> c = JSON.convertValue(new Education.CourseView("C001", "t", "禁毒", "onsite", 40L, "", null, "现场授课", false), SHAPE);
        assertThat(c).doesNotContainKey("video").containsEntry("hasVideo", false).containsEntry("minutes", 40L);
        Map<String, Object> b = JSON.convertValue(new Education.BookingView("B1", "C001", "t", "2026-12-15", "四年级", 120L, "s", "u",
                "2026-11-20T10:00", "requested", null, null, null, List.of()), SHAPE);
        assertThat(b).doesNotContainKeys("prosecutor", "scheduledAt", "statusChangedAt").containsKey("steps");
    }

    @Test
    void stepsKeepTheirFlatShapeWithExtrasOnlyWhereTheStepHasThem() throws Exception {
        assertThat(JSON.writeValueAsString(new org.tongxin.domain.observer.SubmissionStep(2, "2026-11-20T10:00:01", "pat",
                "acknowledged", "referred", "status", "", "market_regulation", null)))
                .isEqualTo("{\"seq\":2,\"at\":\"2026-11-20T10:00:01\",\"by\":\"pat\",\"from\":\"acknowledged\","
                        + "\"to\":\"referred\",\"kind\":\"status\",\"note\":\"\",\"department\":\"market_regulation\"}");
        assertThat(JSON.writeValueAsString(new org.tongxin.domain.education.BookingStep(1, "2026-11-20T10:00:01", "pat",
                "requested", "scheduled", "status", "张检察官 2026-12-15T09:00")))
                .isEqualTo("{\"seq\":1,\"at\":\"2026-11-20T10:00:01\",\"by\":\"pat\",\"from\":\"requested\","
                        + "\"to\":\"scheduled\",\"kind\":\"status\",\"note\":\"张检察官 2026-12-15T09:00\"}");
    }

    @Test
    void aThreadListsItsPeopleInOrderAndCountsOrShowsItsMessages() {
        var t = new Board.Thread("T1", "s", "order:O1", Set.of("b", "a"), "a", "2026-11-20T10:00",
                new ArrayList<>(List.of(new Board.Message("b", "guardian", "2026-11-21T10:00", "电话 13812345678"))));
        Map<String, Object> summary = JSON.convertValue(Board.Summary.of(t), SHAPE);
        assertThat(summary.keySet()).containsExactly("id", "subject", "about", "participants", "by", "at", "messages", "lastAt");
        assertThat(summary.get("participants")).isEqualTo(List.of("a", "b"));
        assertThat(summary.get("messages")).isEqualTo(1);
        assertThat(summary.get("lastAt")).isEqualTo("2026-11-21T10:00");
        Map<String, Object> view = JSON.convertValue(Board.View.of(t), SHAPE);
        assertThat(String.valueOf(view.get("messages"))).contains("138****5678");
    }
}

package org.tongxin.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names and fact templates of labels.yaml, in both languages, and what shows when one is missing. */
class LabelsTest {

    private static final Labels LABELS = Labels.bundled();

    @Test
    void namesKindsRelationsPropertiesAndDatasetsInChineseAndEnglish() {
        assertThat(LABELS.kind("Person", Locale.CHINESE)).isEqualTo("人员");
        assertThat(LABELS.kind("Person", Locale.ENGLISH)).isEqualTo("Person");
        assertThat(LABELS.kind("AdminPenalty", Locale.CHINESE)).isEqualTo("治安处罚");
        assertThat(LABELS.kind("AdminPenalty", Locale.ENGLISH)).isEqualTo("Administrative penalties");
        assertThat(LABELS.relation("VICTIM", Locale.CHINESE)).isEqualTo("被侵害人");
        assertThat(LABELS.relation("VICTIM", Locale.ENGLISH)).isEqualTo("victim");
        assertThat(LABELS.property("address", Locale.CHINESE)).isEqualTo("地址");
        assertThat(LABELS.property("lat", Locale.ENGLISH)).isEqualTo("latitude");
        assertThat(LABELS.property("src_address", Locale.CHINESE)).isEqualTo("地址来源");
        assertThat(LABELS.property("checkInHasTime", Locale.ENGLISH)).isEqualTo("check-in has a time of day");
        assertThat(LABELS.namesProperty("victimIdInvalid")).isTrue();
        assertThat(LABELS.dataset("police_hotel_stays", Locale.CHINESE)).isEqualTo("旅馆住宿登记");
        assertThat(LABELS.hubs()).startsWith("Person").contains("Lead");
    }

    @Test
    void anUnknownKeyShowsAsItself() {
        assertThat(LABELS.kind("Martian", Locale.CHINESE)).isEqualTo("Martian");
        assertThat(LABELS.relation("ORBITS", Locale.ENGLISH)).isEqualTo("ORBITS");
        assertThat(LABELS.property("gravity", Locale.CHINESE)).isEqualTo("gravity");
        assertThat(LABELS.property("src_gravity", Locale.CHINESE)).isEqualTo("src_gravity");
        assertThat(LABELS.dataset("mars_rovers", Locale.CHINESE)).isEqualTo("mars_rovers");
        assertThat(LABELS.fact("mars_rovers", Map.of("key", "R-1")::get, Locale.CHINESE)).isEqualTo("mars_rovers:R-1");
        assertThat(LABELS.namesProperty("gravity")).isFalse();
    }

    @Test
    void everyDatasetHasAnEnglishTitle() {
        for (DatasetMapping m : Mappings.bundled().all()) {
            assertThat(LABELS.dataset(m.dataset(), Locale.ENGLISH)).as(m.dataset()).isNotEqualTo(m.title());
        }
    }

    @Test
    void aFactTemplatePrintsOptionalPartsOnlyWhenTheirValuesAreKnown() {
        Map<String, Object> p = new HashMap<>(Map.of("key", "公治罚决字〔2025〕0012号", "decidedDate", LocalDate.of(2025, 3, 1),
                "act", "殴打他人"));
        assertThat(LABELS.fact("police_admin_penalties", p::get, Locale.CHINESE))
                .isEqualTo("治安处罚决定书公治罚决字〔2025〕0012号（2025-03-01，殴打他人）");
        p.put("injury", "轻伤二级");
        assertThat(LABELS.fact("police_admin_penalties", p::get, Locale.CHINESE))
                .isEqualTo("治安处罚决定书公治罚决字〔2025〕0012号（2025-03-01，殴打他人，伤情轻伤二级）");
        p.remove("decidedDate");
        assertThat(LABELS.fact("police_admin_penalties", p::get, Locale.ENGLISH))
                .isEqualTo("penalty decision 公治罚决字〔2025〕0012号 (unknown, 殴打他人, injury 轻伤二级)");
    }

    @Test
    void anElsePartStandsInForAMissingValueAndSilentValuesAreOnlyTested() {
        Map<String, Object> staff = new HashMap<>(Map.of("unitCode", "U1", "unitKind", "学校",
                "hiredDate", LocalDate.of(2024, 9, 1)));
        assertThat(LABELS.fact("edu_staff", staff::get, Locale.CHINESE)).isEqualTo("单位U1（学校），2024-09-01入职，未见入职查询记录");
        staff.putAll(Map.of("unitName", "实验小学", "post", "教师", "inquiryDate", LocalDate.of(2024, 8, 1)));
        assertThat(LABELS.fact("edu_staff", staff::get, Locale.CHINESE)).isEqualTo("实验小学（学校）教师，2024-09-01入职");
        Map<String, Object> stay = Map.of("hotelCode", "H1", "room", "302", "checkIn", LocalDateTime.of(2025, 5, 1, 22, 5, 30));
        assertThat(LABELS.fact("police_hotel_stays", stay::get, Locale.CHINESE)).isEqualTo("旅馆H1302房，2025-05-01 22:05入住");
    }

    @Test
    void aValueLookingLikeAPlaceholderIsPrintedAsItIs() {
        Map<String, Object> venue = Map.of("name", "{kind} [x|y]", "kind", "KTV");
        assertThat(LABELS.fact("registry_venues", venue::get, Locale.CHINESE)).isEqualTo("{kind} [x|y]（KTV）");
    }
}

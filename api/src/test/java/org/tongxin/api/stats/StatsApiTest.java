package org.tongxin.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.user.Role;

/** The statistics over the real server: figures that follow the casework, the workbook that holds the same. */
class StatsApiTest {

    private static TestCity city;
    private static Http prosecutor;

    @BeforeAll
    static void setUp() throws Exception {
        city = TestCity.get();
        prosecutor = city.as(Role.PROSECUTOR);
    }

    @Test
    void theFiguresFollowALeadToItsOutcomeAndAnOrderIssuedAndAcknowledged() {
        JsonNode before = stats("");
        assertThat(before.get("leads").asLong()).isPositive();
        assertThat(sum(before.get("leadsByModel"))).isEqualTo(before.get("leads").asLong());
        assertThat(sum(before.get("leadsByMonth"))).isEqualTo(before.get("leads").asLong());
        assertThat(sum(before.get("leadsByStatus"))).isEqualTo(before.get("leads").asLong());
        assertThat(before.get("leadsByModel").get(0).get("label").asText()).isEqualTo("行刑衔接（治安处罚应立案未立案）");
        assertThat(before.get("leadsByRule").findValuesAsText("label")).allMatch(l -> l.matches("R\\d+\\.\\d+ .+"));

        String ref;
        String minorNode;
        try (Session s = city.store.driver().session()) {
            ref = s.run("MATCH (l:Lead {status: 'new', model: 'mandatory-report'}) RETURN l.ref AS r ORDER BY l.ref DESC LIMIT 1")
                    .single().get("r").asString();
            minorNode = s.run("MATCH (l:Lead {model: 'guardianship'}) WITH l ORDER BY l.ref LIMIT 1 "
                    + "MATCH (m:Person {id: split(l.key, ':')[1]}) RETURN elementId(m) AS id").single().get("id").asString();
        }
        assertThat(prosecutor.post("/api/leads/" + ref + "/status", Map.of("to", "reviewing")).status()).isEqualTo(200);
        assertThat(prosecutor.post("/api/leads/" + ref + "/status", Map.of("to", "case_filing_supervision", "note", "监督公安机关立案"))
                .status()).isEqualTo(200);

        String guardian = city.users.get(Role.GUARDIAN)[0];
        JsonNode draft = prosecutor.post("/api/orders", Map.of("kind", "guidance", "person", minorNode, "guardianUser", guardian,
                "guardianName", "李某某")).json();
        String order = draft.get("id").asText();
        assertThat(prosecutor.post("/api/orders/" + order + "/issue", Map.of()).status()).isEqualTo(200);
        JsonNode issued = stats("");
        assertThat(issued.get("orders").get("issued").asLong()).isEqualTo(before.get("orders").get("issued").asLong() + 1);
        assertThat(issued.get("orders").get("acknowledged").asLong()).isEqualTo(before.get("orders").get("acknowledged").asLong());
        assertThat(city.as(Role.GUARDIAN).post("/api/orders/" + order + "/acknowledge", Map.of("note", "已收到")).status()).isEqualTo(200);

        JsonNode after = stats("");
        assertThat(count(after.get("outcomes"), "case_filing_supervision"))
                .isEqualTo(count(before.get("outcomes"), "case_filing_supervision") + 1);
        assertThat(count(after.get("leadsByStatus"), "new")).isEqualTo(count(before.get("leadsByStatus"), "new") - 1);
        assertThat(count(after.get("leadsByStatus"), "case_filing_supervision"))
                .isEqualTo(count(before.get("leadsByStatus"), "case_filing_supervision") + 1);
        assertThat(after.get("leads").asLong()).isEqualTo(before.get("leads").asLong());
        JsonNode o0 = before.get("orders");
        JsonNode o1 = after.get("orders");
        assertThat(o1.get("drafted").asLong()).isEqualTo(o0.get("drafted").asLong() + 1);
        assertThat(o1.get("issued").asLong()).isEqualTo(o0.get("issued").asLong() + 1);
        assertThat(o1.get("acknowledged").asLong()).isEqualTo(o0.get("acknowledged").asLong() + 1);
        assertThat(count(o1.get("issuedByKind"), "guidance")).isEqualTo(count(o0.get("issuedByKind"), "guidance") + 1);
        assertThat(figure(after, "outcome.case_filing_supervision")).isEqualTo(figure(before, "outcome.case_filing_supervision") + 1);
        assertThat(figure(after, "orders.guidance")).isEqualTo(figure(before, "orders.guidance") + 1);

        // A lead moved today counts today, not in a range that ended before.
        String today = LocalDate.now(org.tongxin.model.time.LegalAge.ZONE).toString();
        assertThat(count(stats("?from=" + today + "&to=" + today).get("outcomes"), "case_filing_supervision")).isPositive();
        JsonNode old = stats("?from=2000-01-01&to=2000-12-31");
        assertThat(old.get("leads").asLong()).isZero();
        assertThat(old.get("orders").get("issued").asLong()).isZero();
        assertThat(old.get("leadsByMonth")).hasSize(12);
        assertThat(old.get("from").asText()).isEqualTo("2000-01-01");
        assertThat(old.toString()).doesNotContain("null");
    }

    @Test
    void aRangeThatIsNoDayOrRunsBackwardsIsRefusedWithItsCode() {
        Http.Response bad = prosecutor.get("/api/stats?from=2026-13-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("stats.date");
        assertThat(bad.json().get("error").asText()).contains("from");
        Http.Response backwards = prosecutor.get("/api/stats.xlsx?from=2026-02-01&to=2026-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("code").asText()).isEqualTo("stats.range");
    }

    @Test
    void analystsReadTheStatisticsGuardiansAndVolunteersDoNot() {
        assertThat(city.as(Role.ANALYST).get("/api/stats").status()).isEqualTo(200);
        for (Role r : new Role[] {Role.GUARDIAN, Role.VOLUNTEER, Role.DEPARTMENT}) {
            Http who = city.as(r);
            assertThat(who.get("/api/stats").status()).as(r.code()).isEqualTo(403);
            assertThat(who.get("/api/stats.xlsx").status()).as(r.code()).isEqualTo(403);
        }
        assertThat(new Http(city.base()).get("/api/stats").status()).isEqualTo(401);
    }

    @Test
    void theWorkbookHoldsTheNumbersOfThePageWithDatesAsDatesAndAChineseFileName() throws Exception {
        String user = city.users.get(Role.PROSECUTOR)[0];
        int audited = city.audited(user, "stats.read", "stats.export");
        JsonNode json = stats("?from=2026-01-01");
        Http.Response r = prosecutor.get("/api/stats.xlsx?from=2026-01-01");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"tongxin-stats.xlsx\"; filename*=UTF-8''")
                .contains(StatsRoutes.rfc5987("童心统计_2026-01-01至今.xlsx"));
        assertThat(StatsRoutes.rfc5987("统计 a.xlsx")).isEqualTo("%E7%BB%9F%E8%AE%A1%20a.xlsx");
        assertThat(city.audited(user, "stats.read", "stats.export")).isEqualTo(audited + 2);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("概览");
            Sheet overview = wb.getSheet("概览");
            assertThat(overview.getRow(0).getCell(0).getStringCellValue()).isEqualTo("童心平台统计概览");
            assertThat(overview.getRow(2).getCell(0).getStringCellValue()).isEqualTo("项目");
            assertThat(overview.getRow(2).getCell(0).getCellStyle().getFontIndex()).isNotZero();
            assertThat(wb.getFontAt(overview.getRow(2).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Map<String, Row> rows = rowsByFirstCell(overview);
            Row from = rows.get("统计起始日");
            assertThat(from.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(from.getCell(1))).isTrue();
            assertThat(from.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
            for (JsonNode f : json.get("headline")) {
                assertThat((long) rows.get(f.get("label").asText()).getCell(1).getNumericCellValue()).as(f.get("label").asText())
                        .isEqualTo(f.get("count").asLong());
            }
            assertThat(numbers(wb.getSheet("线索-模型"))).isEqualTo(counts(json.get("leadsByModel")));
            assertThat(numbers(wb.getSheet("线索-规则"))).isEqualTo(counts(json.get("leadsByRule")));
            assertThat(numbers(wb.getSheet("办理结果"))).isEqualTo(counts(json.get("outcomes")));
            assertThat(numbers(wb.getSheet("观察员线索"))).isEqualTo(counts(json.get("submissions").get("byStatus")));
            Map<String, Row> orders = rowsByFirstCell(wb.getSheet("令状"));
            assertThat((long) orders.get("发出").getCell(1).getNumericCellValue()).isEqualTo(json.get("orders").get("issued").asLong());
            assertThat((long) orders.get("监护人确认收到").getCell(1).getNumericCellValue())
                    .isEqualTo(json.get("orders").get("acknowledged").asLong());
            Sheet months = wb.getSheet("线索-月份");
            assertThat(months.getLastRowNum() - 3).isEqualTo(json.get("leadsByMonth").size());
            assertThat(months.getColumnWidth(0)).isGreaterThan(0);
        }
    }

    @Test
    void theLeadStatusWordsAreTheWorkflows() {
        Map<String, String> workflow = new LinkedHashMap<>();
        Arrays.stream(LeadStatus.values()).forEach(s -> workflow.put(s.code(), s.zh()));
        Map<String, String> reported = new LinkedHashMap<>();
        stats("").get("leadsByStatus").forEach(c -> reported.put(c.get("code").asText(), c.get("label").asText()));
        assertThat(reported).containsAllEntriesOf(workflow);
        assertThat(reported.keySet().stream().limit(workflow.size())).containsExactlyElementsOf(workflow.keySet());
        for (JsonNode outcome : stats("").get("outcomes")) {
            assertThat(outcome.get("label").asText()).isEqualTo(LeadStatus.of(outcome.get("code").asText()).orElseThrow().zh());
        }
    }

    private static JsonNode stats(String query) {
        Http.Response r = prosecutor.get("/api/stats" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static long sum(JsonNode counts) {
        long n = 0;
        for (JsonNode c : counts) {
            n += c.get("count").asLong();
        }
        return n;
    }

    private static long count(JsonNode counts, String code) {
        for (JsonNode c : counts) {
            if (c.get("code").asText().equals(code)) {
                return c.get("count").asLong();
            }
        }
        throw new AssertionError("no " + code + " in " + counts);
    }

    private static long figure(JsonNode report, String code) {
        return count(report.get("headline"), code);
    }

    /** Code → count of a JSON list of counts. */
    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach(c -> m.put(c.get("code").asText(), c.get("count").asLong()));
        return m;
    }

    /** Code (first column) → count (last column) of a sheet's table, below its title, notes and header. */
    private static Map<String, Long> numbers(Sheet sheet) {
        Map<String, Long> m = new LinkedHashMap<>();
        boolean header = false;
        for (Row row : sheet) {
            if (!header) {
                header = row.getCell(0) != null && row.getCell(0).getStringCellValue().endsWith("代码")
                        || row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("规则编号");
                continue;
            }
            m.put(row.getCell(0).getStringCellValue(), (long) row.getCell(row.getLastCellNum() - 1).getNumericCellValue());
        }
        return m;
    }

    private static Map<String, Row> rowsByFirstCell(Sheet sheet) {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING) {
                m.put(row.getCell(0).getStringCellValue(), row);
            }
        }
        return m;
    }
}

package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.domain.sheet.Xlsx;
import org.tongxin.domain.user.Role;

/**
 * What users expect of a list: the lead list names each lead's subject (in full on screen, masked in an analyst's
 * export, identity numbers always masked, never the raw key), and the lead list and the audit log download as workbooks with the same filters, scope and masking as the
 * JSON, each download audited.
 */
class ListsApiTest {

    private static TestCity city;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
    }

    /** A sheet read back: the header row and the rows under it, every cell as text. */
    record Sheet2(List<String> notes, List<String> header, List<List<String>> rows) {
        List<String> column(String title) {
            int i = header.indexOf(title);
            assertThat(i).as("column " + title).isNotNegative();
            return rows.stream().map(r -> i < r.size() ? r.get(i) : "").toList();
        }
    }

    static Sheet2 read(Http.Response r, String firstHeader) throws Exception {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(Xlsx.MEDIA_TYPE);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
            Sheet s = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter();
            List<String> notes = new ArrayList<>();
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            for (Row row : s) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC && !fmt.formatCellValue(cell).contains("-")
                            ? String.valueOf((long) cell.getNumericCellValue()) : fmt.formatCellValue(cell));
                }
                if (header == null) {
                    if (!cells.isEmpty() && firstHeader.equals(cells.get(0))) {
                        header = cells;
                    } else if (row.getRowNum() > 0) {
                        notes.add(cells.isEmpty() ? "" : cells.get(0));
                    }
                } else {
                    rows.add(cells);
                }
            }
            assertThat(header).as("header row").isNotNull();
            return new Sheet2(notes, header, rows);
        }
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get(field).asText()));
        return out;
    }

    /** The 对象 cell the workbook writes for a subject of the JSON list. */
    private static String subjectCell(JsonNode s) {
        return s == null || s.isNull() ? "" : s.get("name").asText() + "（" + s.get("kindZh").asText() + "）";
    }

    @Test
    void everyLeadOfTheListNamesItsSubjectNeverItsRawKey() {
        JsonNode list = city.http.get("/api/leads?size=200&all=true").json();
        assertThat(list.get("items")).isNotEmpty();
        int persons = 0;
        for (JsonNode l : list.get("items")) {
            JsonNode s = l.get("subject");
            assertThat(s).as("subject of " + l.get("model").asText()).isNotNull();
            assertThat(s.isNull()).as("subject of a " + l.get("model").asText() + " lead").isFalse();
            assertThat(s.get("name").asText()).isNotBlank().doesNotContain("~").doesNotContain(":");
            assertThat(s.get("kindZh").asText()).isNotBlank();
            if (s.get("kind").asText().equals("Person")) {
                persons++;
            }
        }
        assertThat(persons).isPositive();
        // School-bus leads are about the bus; guardianship leads about the minor.
        city.http.get("/api/leads?model=school-bus&size=5").json().get("items")
                .forEach(l -> assertThat(l.get("subject").get("kind").asText()).isEqualTo("Vehicle"));
        city.http.get("/api/leads?model=guardianship&size=5").json().get("items")
                .forEach(l -> assertThat(l.get("subject").get("kind").asText()).isEqualTo("Person"));
        assertThat(RawIds.in(list.toString())).as("raw id in the list").isFalse();
    }

    @Test
    void theWorkbookHoldsTheRowsOfTheJsonListForTheSameFilter() throws Exception {
        String filter = "model=venue&severity=red";
        JsonNode json = city.http.get("/api/leads?size=200&" + filter).json();
        assertThat(json.get("total").asLong()).isPositive().isLessThanOrEqualTo(200);
        Http.Response r = city.http.get("/api/leads.xlsx?" + filter);
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"tongxin-leads.xlsx\"; filename*=UTF-8''")
                .contains(org.tongxin.api.http.Attachments.rfc5987("童心线索清单_"));
        Sheet2 sheet = read(r, "等级");
        assertThat(sheet.header()).containsExactly("等级", "模型", "规则", "对象", "摘要", "状态", "发现时间", "引用号");
        JsonNode items = json.get("items");
        assertThat(sheet.column("引用号")).containsExactlyElementsOf(texts(items, "ref"));
        assertThat(sheet.column("摘要")).containsExactlyElementsOf(texts(items, "summary"));
        assertThat(sheet.column("模型")).containsOnly("特殊场所接纳未成年人");
        assertThat(sheet.column("等级")).containsOnly("红");
        List<String> subjects = new ArrayList<>();
        items.forEach(i -> subjects.add(subjectCell(i.get("subject"))));
        assertThat(sheet.column("对象")).containsExactlyElementsOf(subjects);
        assertThat(sheet.column("发现时间").get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(String.join(" ", sheet.notes())).contains("模型 ").contains("等级 红").contains("10,000");
        // No key, and no identity number in clear anywhere in the sheet.
        String all = sheet.rows().toString();
        assertThat(all).doesNotContain("venue:").doesNotContain("~");
        assertThat(all).doesNotContainPattern("(?<!\\d)\\d{17}[\\dX](?!\\d)");
    }

    @Test
    void theAnalystReadsTheSubjectInFullInTheListButExportsItMasked() throws Exception {
        Http analyst = city.as(Role.ANALYST);
        String filter = "model=guardianship&size=200";
        JsonNode mine = analyst.get("/api/leads?" + filter).json();
        JsonNode prosecutors = city.http.get("/api/leads?" + filter).json();
        assertThat(mine.get("items")).isNotEmpty();
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < mine.get("items").size(); i++) {
            JsonNode a = mine.get("items").get(i).get("subject");
            JsonNode p = prosecutors.get("items").get(i).get("subject");
            assertThat(a.get("kind").asText()).isEqualTo("Person");
            String clear = p.get("name").asText();
            assertThat(clear).doesNotContain("*");
            assertThat(a.get("name").asText()).as("on screen the analyst reads the name as the explorer shows it")
                    .isEqualTo(clear);
            assertThat(a.get("masked").asBoolean()).isFalse();
            masked.add(clear.substring(0, 1) + "*".repeat(Math.min(2, clear.length() - 1)) + "（" + a.get("kindZh").asText() + "）");
        }
        Sheet2 sheet = read(analyst.get("/api/leads.xlsx?model=guardianship"), "等级");
        assertThat(sheet.column("对象")).as("what the analyst exports names only the family name").containsExactlyElementsOf(masked);
        String cells = sheet.rows().toString();
        prosecutors.get("items").forEach(i -> assertThat(cells).doesNotContain(i.get("subject").get("name").asText()));

        List<String> full = new ArrayList<>();
        prosecutors.get("items").forEach(i -> full.add(subjectCell(i.get("subject"))));
        assertThat(read(city.http.get("/api/leads.xlsx?model=guardianship"), "等级").column("对象"))
                .as("the prosecutor exports the names in full").containsExactlyElementsOf(full);
    }

    @Test
    void aDepartmentDownloadsOnlyTheLeadsReferredToIt() throws Exception {
        List<String> keys = LeadApiTest.keys("employment-check");
        String ref = LeadStore.ref(keys.get(keys.size() - 1));
        assertThat(city.http.post("/api/leads/" + ref + "/status", Map.of("to", "reviewing")).status()).isEqualTo(200);
        assertThat(city.http.post("/api/leads/" + ref + "/status", Map.of("to", "referred", "department", "education",
                "note", "移送教育局核查")).status()).isEqualTo(200);
        Http department = city.as(Role.DEPARTMENT);
        JsonNode json = department.get("/api/leads?size=200&all=true").json();
        List<String> refs = texts(json.get("items"), "ref");
        assertThat(refs).contains(ref);
        json.get("items").forEach(i -> assertThat(i.get("referredTo").asText()).isEqualTo("education"));
        Sheet2 sheet = read(department.get("/api/leads.xlsx?all=true"), "等级");
        assertThat(sheet.column("引用号")).containsExactlyElementsOf(refs);
        assertThat(sheet.column("状态")).allMatch(s -> s.contains("教育"));
        long total = city.http.get("/api/leads?all=true").json().get("total").asLong();
        assertThat((long) sheet.rows().size()).isLessThan(total);
        // The referred lead's subject is the employee, named for the department that acts on it.
        JsonNode mine = json.get("items").get(refs.indexOf(ref)).get("subject");
        assertThat(mine.get("kind").asText()).isEqualTo("Person");
        assertThat(mine.get("name").asText()).doesNotContain("*");
    }

    @Test
    void eachDownloadIsAudited() throws Exception {
        String prosecutor = city.users.get(Role.PROSECUTOR)[0];
        int leadExports = city.audited(prosecutor, "lead.export");
        int auditExports = city.audited(prosecutor, "audit.export");
        city.http.get("/api/leads.xlsx?model=school-bus");
        assertThat(city.audited(prosecutor, "lead.export")).isEqualTo(leadExports + 1);
        var entry = city.services.access().audit().recent(e -> "lead.export".equals(e.action()), 1).get(0);
        assertThat(entry.detail()).startsWith("XLSX，").contains("校车");

        Http.Response r = city.http.get("/api/audit.xlsx?user=" + Http.enc(prosecutor) + "&action=lead.");
        assertThat(city.audited(prosecutor, "audit.export")).isEqualTo(auditExports + 1);
        assertThat(r.header("Content-Disposition")).contains("filename*=UTF-8''" + org.tongxin.api.http.Attachments.rfc5987("童心审计日志_"));
        Sheet2 sheet = read(r, "序号");
        assertThat(sheet.header()).containsExactly("序号", "时间", "用户", "角色", "操作", "对象", "理由", "详情");
        assertThat(sheet.column("用户")).isNotEmpty().containsOnly(prosecutor);
        assertThat(sheet.column("角色")).containsOnly("检察官");
        // Actions by their Chinese names, each one an action of the filter's prefix.
        java.util.Set<String> leadActions = org.tongxin.domain.audit.AuditActions.all().entrySet().stream()
                .filter(a -> a.getKey().startsWith("lead.")).map(a -> a.getValue().zh()).collect(java.util.stream.Collectors.toSet());
        assertThat(sheet.column("操作")).allMatch(leadActions::contains).contains("导出线索清单");
        // Newest first, as the page.
        List<Long> seqs = sheet.column("序号").stream().map(Long::parseLong).toList();
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode page = city.http.get("/api/audit?limit=1000&user=" + Http.enc(prosecutor) + "&action=lead.").json();
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(page.get("entries").get(page.get("entries").size() - 1).get("seq").asLong());
    }

    @Test
    void theAuditLogFiltersByDayAndOnlyProsecutorsDownloadIt() throws Exception {
        JsonNode none = city.http.get("/api/audit?from=2000-01-01&to=2000-12-31").json();
        assertThat(none.get("entries")).isEmpty();
        JsonNode today = city.http.get("/api/audit?limit=5&from=2000-01-01").json();
        assertThat(today.get("entries")).isNotEmpty();
        assertThat(read(city.http.get("/api/audit.xlsx?from=2000-01-01&to=2000-12-31"), "序号").rows()).isEmpty();
        assertThat(city.http.get("/api/audit.xlsx?from=gestern").status()).isEqualTo(400);
        assertThat(city.as(Role.ANALYST).get("/api/audit.xlsx").status()).isEqualTo(403);
        assertThat(city.as(Role.GUARDIAN).get("/api/leads.xlsx").status()).isEqualTo(403);
    }

    @Test
    void theAuditLogFiltersByTheObjectAnEntryIsAboutAndItsWorkbookAlike() throws Exception {
        String ref = city.http.get("/api/leads?size=1").json().get("items").get(0).get("ref").asText();
        city.http.get("/api/leads/" + ref);
        JsonNode about = city.http.get("/api/audit?kind=Lead&object=" + ref).json().get("entries");
        assertThat(about).isNotEmpty().allMatch(e -> e.get("what").toString().contains(ref) && e.get("action").asText().startsWith("lead."));
        assertThat(city.http.get("/api/audit?kind=Order&object=" + ref).json().get("entries")).isEmpty();
        JsonNode leads = city.http.get("/api/audit?limit=1000&kind=Lead").json().get("entries");
        assertThat(leads).isNotEmpty().allMatch(e -> e.get("what").size() > 0);
        Sheet2 sheet = read(city.http.get("/api/audit.xlsx?kind=Lead&object=" + ref), "序号");
        assertThat(sheet.rows()).hasSize(about.size());
        assertThat(sheet.column("对象")).allMatch(w -> w.contains(ref));
        assertThat(city.http.get("/api/audit?kind=Lorry").status()).isEqualTo(400);
        assertThat(city.http.get("/api/audit.xlsx?kind=Lorry").status()).isEqualTo(400);
    }
}

package org.tongxin.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

/** Every kind of bad input gets a clear reason with file and line, and the rest of the load goes on. */
class BadInputTest extends FolderLoadTestBase {

    static final String GOOD = id("37061220100315002");
    static final String OTHER = id("37061219850101002");

    private List<List<String>> quarantined(LoadReport r) throws Exception {
        assertThat(r.quarantineFile()).as("a quarantine file was written").isNotNull();
        String text = Files.readString(Path.of(r.quarantineFile())).replace("\uFEFF", "");
        try (var parser = org.apache.commons.csv.CSVParser.parse(text, org.apache.commons.csv.CSVFormat.RFC4180)) {
            return parser.getRecords().stream().skip(1).map(rec -> rec.toList()).toList();
        }
    }

    @Test
    void bytesValidInNoSupportedEncodingRejectTheWholeFileNamingTheLine() throws Exception {
        byte[] head = ("身份证号,姓名\n" + GOOD + ",张三\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD, ',', 'x', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(folder.resolve("police_residents.csv"), all);
        write("civil_children.csv", "身份证号,儿童类别\n" + GOOD + ",留守儿童\n");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.error()).contains("valid in no supported encoding");
        assertThat(f.errorLine()).isEqualTo(3);
        assertThat(f.read()).isEqualTo(2);
        assertThat(f.rejected()).isEqualTo(2);
        assertThat(file(r, "civil_children").loaded()).as("the rest of the load goes on").isEqualTo(1);
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileAndNamesTheColumn() throws Exception {
        write("police_residents.csv", "身份证号,性别\n" + GOOD + ",女\n" + OTHER + ",女\n");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.error()).isEqualTo("required column missing: 姓名");
        assertThat(f.rejected()).isEqualTo(2);
        assertThat(quarantined(r)).extracting(q -> q.get(2)).containsOnly("姓名");
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    void extraColumnsAreKeptInProvenance() throws Exception {
        write("police_residents.csv", "身份证号,姓名,备注\n" + GOOD + ",张三,已核实\n");
        LoadReport r = load();
        assertThat(file(r, "police_residents").notes()).anyMatch(n -> n.contains("备注"));
        Map<String, String> row = SourceFiles.originalRow(neo4j.store(), "police_residents:" + sealed(GOOD));
        assertThat(row.get("身份证号")).as("kept as a token, never in clear").isNotEqualTo(GOOD).startsWith("id~");
        assertThat(neo4j.store().pseudonyms().revealAll(row, (kind, clear) -> clear))
                .isEqualTo(new java.util.LinkedHashMap<>(Map.of("身份证号", GOOD, "姓名", "张三", "备注", "已核实")));
        assertThat(row).containsExactly(Map.entry("身份证号", row.get("身份证号")), Map.entry("姓名", "张三"), Map.entry("备注", "已核实"));
    }

    @Test
    void aBlankRequiredCellRejectsTheRowWithFileLineAndColumn() throws Exception {
        write("police_hotel_stays.csv", "登记编号,旅馆编码,房间号,入住时间,身份证号\n"
                + "S1,H1,101,2026-03-01 20:00," + GOOD + "\n"
                + "S2,H1,无,2026-03-01 20:00," + OTHER + "\n");
        LoadReport r = load();
        FileReport f = file(r, "police_hotel_stays");
        assertThat(f.read()).isEqualTo(2);
        assertThat(f.loaded()).isEqualTo(1);
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(quarantined(r)).singleElement().satisfies(q -> {
            assertThat(q.get(0)).isEqualTo("police_hotel_stays.csv");
            assertThat(q.get(1)).isEqualTo("3");
            assertThat(q.get(2)).isEqualTo("房间号");
            assertThat(q.get(3)).isEqualTo("required cell is blank");
        });
    }

    @Test
    void anImpossibleRequiredDateRejectsAndAnImpossibleOptionalDateFlags() throws Exception {
        write("culture_netbar_sessions.csv", "记录编号,场所编码,上机时间,下机时间,身份证号\n"
                + "N1,V1,2026-13-45 10:00,,"  + GOOD + "\n"
                + "N2,V1,2026-03-01 10:00,2026-02-30 11:00," + GOOD + "\n");
        LoadReport r = load();
        FileReport f = file(r, "culture_netbar_sessions");
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(f.flagged()).isEqualTo(1);
        assertThat(f.flags()).containsEntry("bad-date:下机时间", 1L);
        assertThat(quarantined(r)).singleElement().satisfies(q -> assertThat(q.get(3)).contains("2026-13-45"));
    }

    @Test
    void anEndAtOrBeforeItsStartIsFlaggedAndTreatedAsBlank() throws Exception {
        write("culture_netbar_sessions.csv", "记录编号,场所编码,上机时间,下机时间,身份证号\n"
                + "N1,V1,2026-03-01 10:00,2026-03-01 10:00," + GOOD + "\n");
        FileReport f = file(load(), "culture_netbar_sessions");
        assertThat(f.flags()).containsEntry("bad-date:下机时间", 1L);
        assertThat(count("MATCH (n:NetbarSession) WHERE n.endAt IS NULL RETURN count(n)")).isEqualTo(1);
    }

    @Test
    void invalidIdentityNumbersAreLoadedFlaggedAndNeverLinked() throws Exception {
        String badCheck = GOOD.substring(0, 17) + (GOOD.charAt(17) == '1' ? '2' : '1');
        String badDate = id("37061220101332001");
        String badRegion = id("99042620100101001");
        write("culture_netbar_sessions.csv", "记录编号,场所编码,上机时间,身份证号\n"
                + "N1,V1,2026-03-01 10:00," + badCheck + "\n"
                + "N2,V1,2026-03-01 10:00," + badDate + "\n"
                + "N3,V1,2026-03-01 10:00," + badRegion + "\n");
        FileReport f = file(load(), "culture_netbar_sessions");
        assertThat(f.loaded()).isEqualTo(3);
        assertThat(f.flags()).containsEntry("invalid-id:身份证号", 3L);
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isZero();
        try (Session s = neo4j.store().driver().session()) {
            assertThat(s.run("MATCH (n:NetbarSession) RETURN n.personIdInvalid AS why ORDER BY n.rid").list(x -> x.get("why").asString()))
                    .allSatisfy(why -> assertThat(why.replace("GB/T 2260", "")).as("no digit of the sealed number").doesNotContainPattern("[0-9]"))
                    .satisfiesExactly(a -> assertThat(a).contains("check character"),
                            b -> assertThat(b).contains("impossible birth date"),
                            c -> assertThat(c).contains("never a GB/T 2260 code"));
        }
    }

    @Test
    void fifteenDigitNumbersAreConvertedAndLinkToTheEighteenDigitPerson() throws Exception {
        write("police_residents.csv", "身份证号,姓名\n610104196209276908,刘某\n");
        write("police_records.csv", "记录编号,身份证号,记录类别,罪名或违法行为,判决或决定日期\nR1,610104620927690,刑事,盗窃罪,2000-01-01\n");
        load();
        assertThat(count("MATCH (:OffenceRecord)-[:RECORD_OF]->(p:Person {id: $id})<-[:REGISTERS]-() RETURN count(p)",
                Map.of("id", sealed("610104196209276908"))))
                .isEqualTo(1);
    }

    @Test
    void aHugeCellRejectsItsRowButNotTheFile() throws Exception {
        write("police_residents.csv", "身份证号,姓名,户籍地址\n" + GOOD + ",张三," + "长".repeat(1_048_576) + "\n" + OTHER + ",李四,正阳路\n");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.loaded()).isEqualTo(1);
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(quarantined(r).get(0).get(3)).contains("1048576 characters");
    }

    @Test
    void aTruncatedLastLineIsRejectedAndTheRowsBeforeItLoad() throws Exception {
        write("police_residents.csv", "身份证号,姓名,户籍地址\n" + GOOD + ",张三,正阳路\n" + OTHER + ",\"李四");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.loaded()).isEqualTo(1);
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(quarantined(r).get(0).get(1)).isEqualTo("3");
    }

    @Test
    void aLineWithTooFewCellsIsRejected() throws Exception {
        write("police_residents.csv", "身份证号,姓名,户籍地址\n" + GOOD + ",张三\n");
        LoadReport r = load();
        assertThat(quarantined(r).get(0).get(3)).contains("row has 2 cells, the header has 3");
    }

    @Test
    void anEmptyFileIsRejectedWithAReason() throws Exception {
        write("police_residents.csv", "");
        FileReport f = file(load(), "police_residents");
        assertThat(f.error()).contains("empty file");
        assertThat(f.read()).isZero();
    }

    @Test
    void aFileWhoseNameIsNoDatasetIsReportedAndSkipped() throws Exception {
        write("police_residentz.csv", "身份证号,姓名\n" + GOOD + ",张三\n");
        write("notes.txt", "hello");
        LoadReport r = load();
        assertThat(r.files()).isEmpty();
        assertThat(r.skipped()).extracting(LoadReport.SkippedFile::file).containsExactly("notes.txt", "police_residentz.csv");
        assertThat(r.skipped().get(1).reason()).contains("no dataset");
    }

    @Test
    void anXlsxThatIsNotAZipIsRejectedWithAReason() throws Exception {
        write("registry_venues.xlsx", "this is not a workbook");
        FileReport f = file(load(), "registry_venues");
        assertThat(f.error()).contains("not a readable XLSX workbook");
    }

    @Test
    void xlsxDateCellsAreDatesAndFormulasAreKeptAsTextNeverEvaluated() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(folder.resolve("civil_children.xlsx"))) {
            XSSFSheet sheet = wb.createSheet();
            XSSFRow head = sheet.createRow(0);
            String[] cols = {"身份证号", "姓名", "儿童类别", "登记日期", "监护情况"};
            for (int i = 0; i < cols.length; i++) {
                head.createCell(i).setCellValue(cols[i]);
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue(GOOD);
            row.createCell(1).setCellValue("张三");
            row.createCell(2).setCellValue("留守儿童");
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            row.createCell(3).setCellValue(java.time.LocalDate.of(2025, 6, 1));
            row.getCell(3).setCellStyle(style);
            row.createCell(4).setCellFormula("HYPERLINK(\"http://example.invalid\",\"click\")");
            XSSFRow numeric = sheet.createRow(2);
            numeric.createCell(0).setCellValue(Double.parseDouble(OTHER.substring(0, 17)));
            numeric.createCell(2).setCellValue("孤儿");
            wb.write(out);
        }
        FileReport f = file(load(), "civil_children");
        assertThat(f.loaded()).isEqualTo(2);
        assertThat(f.flags()).containsEntry("invalid-id:身份证号", 1L);
        try (Session s = neo4j.store().driver().session()) {
            var rec = s.run("MATCH (c:ChildStatus {personId: $id}) RETURN c.registeredDate AS d, c.guardianship AS g",
                    Map.of("id", sealed(GOOD))).single();
            assertThat(rec.get("d").asLocalDate()).hasToString("2025-06-01");
            assertThat(rec.get("g").asString()).isEqualTo("=HYPERLINK(\"http://example.invalid\",\"click\")");
        }
    }

    @Test
    void aKeySeenTwiceKeepsTheLaterRowAndFlagsTheEarlier() throws Exception {
        write("police_residents.csv", "身份证号,姓名\n" + GOOD + ",张三\n" + GOOD + ",张叁\n");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.read()).isEqualTo(2);
        assertThat(f.loaded()).isEqualTo(2);
        assertThat(f.flags()).containsEntry("duplicate-key", 1L);
        assertThat(count("MATCH (p:Person {name:'张叁'}) RETURN count(p)")).isEqualTo(1);
        assertThat(quarantined(r).get(0).get(3)).contains("superseded by line 3");
    }

    @Test
    void aValueOutsideAListedSetIsFlaggedUnknownCodeAndKeptAsWritten() throws Exception {
        write("civil_children.csv", "身份证号,儿童类别\n" + GOOD + ",散居孤儿\n");
        FileReport f = file(load(), "civil_children");
        assertThat(f.flags()).containsEntry("unknown-code:儿童类别", 1L);
        assertThat(count("MATCH (c:ChildStatus {category:'散居孤儿'}) RETURN count(c)")).isEqualTo(1);
    }

    @Test
    void aBirthDateThatDisagreesWithTheNumberIsFlaggedIdMismatch() throws Exception {
        write("police_residents.csv", "身份证号,姓名,出生日期,性别\n" + GOOD + ",张三,2010-03-16,女\n");
        FileReport f = file(load(), "police_residents");
        assertThat(f.flags()).containsEntry("id-mismatch:出生日期", 1L).doesNotContainKey("id-mismatch:性别");
    }

    @Test
    void aMissingOptionalColumnIsReportedWithWhatItMeans() throws Exception {
        write("police_hotel_stays.csv", "登记编号,旅馆编码,房间号,入住时间,身份证号\nS1,H1,101,2026-03-01 20:00," + GOOD + "\n");
        FileReport f = file(load(), "police_hotel_stays");
        assertThat(f.notes()).anyMatch(n -> n.contains("监护人联系电话") && n.contains("R6.2 does not apply"));
    }

    /** The token the store keeps for a clear identity number. */
    private static String sealed(String id) {
        return neo4j.store().pseudonyms().seal(org.tongxin.model.privacy.PiiKind.ID, id);
    }
}

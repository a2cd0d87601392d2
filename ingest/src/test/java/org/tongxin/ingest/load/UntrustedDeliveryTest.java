package org.tongxin.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A department's delivery is input from outside (issue 14): a bad row costs that row, with file, line, column and
 * reason in quarantine; a bad file costs that file, with a line in the report; nothing crashes the load and no line
 * goes uncounted.
 */
class UntrustedDeliveryTest extends FolderLoadTestBase {

    private static String person(int i) {
        return id("370612201003" + String.format("%05d", 15000 + i));
    }

    private List<List<String>> quarantined(LoadReport r) throws Exception {
        assertThat(r.quarantineFile()).as("a quarantine file was written").isNotNull();
        String text = Files.readString(Path.of(r.quarantineFile())).replace("\uFEFF", "");
        try (var parser = org.apache.commons.csv.CSVParser.parse(text, org.apache.commons.csv.CSVFormat.RFC4180)) {
            return parser.getRecords().stream().skip(1).map(rec -> rec.toList()).toList();
        }
    }

    @Test
    void aStrayQuoteOrAnUnquotedFormulaCostsOneLineAndEveryLineIsCounted() throws Exception {
        StringBuilder csv = new StringBuilder("身份证号,姓名\n");
        csv.append('"').append(person(0)).append(",张零\n");
        csv.append(person(1)).append(",=HYPERLINK(\"http://x.example/\",\"点我\")\n");
        for (int i = 2; i < 48; i++) {
            csv.append(person(i)).append(",张").append(i).append('\n');
        }
        csv.append('\n');
        write("police_residents.csv", csv.toString());
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.read()).isEqualTo(48);
        assertThat(f.rejected()).isEqualTo(2);
        assertThat(f.loaded()).isEqualTo(46);
        assertThat(f.lines()).as("header + 48 rows + a blank line").isEqualTo(50);
        assertThat(f.notes()).contains("1 blank lines skipped");
        List<List<String>> q = quarantined(r);
        assertThat(q).extracting(row -> row.get(1)).containsExactly("2", "3");
        assertThat(q.get(0).get(3)).contains("not closed");
        assertThat(q.get(0).get(5)).as("the line as written, sealed: it holds an identity number")
                .contains(RowParser.RAW_LINE).doesNotContain(person(0));
        assertThat(neo4j.store().pseudonyms().reveal(q.get(0).get(5))).contains(person(0) + ",张零");
        assertThat(q.get(1).get(3)).contains("after the closing quote");
    }

    @Test
    void aLineBreakInADescriptionIsOneRowAndItsLinesAreCounted() throws Exception {
        write("police_venue_checks.csv", "检查编号,场所编码,检查时间,身份证号,情况说明\n"
                + "C1,V1,2026-03-01 22:00," + person(1) + ",\"未成年人在场\n已责令离开\"\n"
                + "C2,V1,2026-03-01 22:00," + person(2) + ",无\n");
        FileReport f = file(load(), "police_venue_checks");
        assertThat(f.loaded()).isEqualTo(2);
        assertThat(f.lines()).isEqualTo(4);
        assertThat(f.notes()).contains("1 lines continue a quoted cell of the row before");
    }

    @Test
    void anUnreadableFileIsRejectedInTheReportAndTheOtherFilesLoad() throws Exception {
        write("civil_children.csv", "身份证号,儿童类别\n" + person(1) + ",留守儿童\n");
        write("police_residents.csv", "身份证号,姓名\n" + person(1) + ",张一\n");
        Path fifo = folder.resolve("traffic_licences.csv");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path locked = folder.resolve("police_residents.csv");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        boolean root = Files.isReadable(locked);
        LoadReport r = load();
        assertThat(file(r, "civil_children").loaded()).isEqualTo(1);
        assertThat(file(r, "traffic_licences").error()).isEqualTo("not a regular file");
        if (!root) {
            assertThat(file(r, "police_residents").error()).isEqualTo("cannot read file: permission denied");
        }
        assertThat(quarantined(r)).extracting(q -> q.get(4)).contains("file rejected");
    }

    @Test
    void aSymbolicLinkIsNotFollowed() throws Exception {
        Path outside = Files.createTempFile("secret", ".csv");
        Files.writeString(outside, "身份证号,姓名\nroot:x:0:0,秘密\n");
        Files.createSymbolicLink(folder.resolve("police_residents.csv"), outside);
        write("civil_children.csv", "身份证号,儿童类别\n" + person(1) + ",留守儿童\n");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.error()).startsWith("a symbolic link, not followed");
        assertThat(f.read()).isZero();
        assertThat(file(r, "civil_children").loaded()).isEqualTo(1);
        assertThat(Files.readString(Path.of(r.quarantineFile()))).doesNotContain("root:x").doesNotContain("秘密");
        Files.delete(outside);
    }

    @Test
    void aColumnNamedTwiceRefusesTheFileNamingTheColumn() throws Exception {
        write("police_residents.csv", "身份证号,姓名,性别,姓名\n" + person(1) + ",张一,女,李一\n");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.error()).startsWith("column 姓名 appears twice in the header (columns 2 and 4)");
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(f.loaded()).isZero();
        assertThat(quarantined(r)).singleElement().satisfies(q -> {
            assertThat(q.get(1)).isEqualTo("2");
            assertThat(q.get(2)).isEqualTo("姓名");
            assertThat(q.get(5)).as("both cells kept").contains("张一").contains("李一");
        });
        assertThat(count("MATCH (n:Record) RETURN count(n)")).isZero();
    }

    @Test
    void controlCharactersInANameRejectTheRowNamingTheColumn() throws Exception {
        write("police_residents.csv", "身份证号,姓名\n" + person(1) + ",张\u0000三\n" + person(2) + ",李\u001B[31m四\n"
                + person(3) + ",王\u202E五\n" + person(4) + ",赵六\n");
        LoadReport r = load();
        FileReport f = file(r, "police_residents");
        assertThat(f.loaded()).isEqualTo(1);
        assertThat(f.rejected()).isEqualTo(3);
        assertThat(quarantined(r)).allSatisfy(q -> {
            assertThat(q.get(2)).isEqualTo("姓名");
            assertThat(q.get(3)).startsWith("control character U+");
        });
    }

    @Test
    void implausibleDatesAreRejectedWhenRequiredAndFlaggedWhenOptional() throws Exception {
        write("police_criminal_cases.csv", "案件编号,案由,立案日期\nA1,盗窃,9999-12-31\nA2,盗窃,0000-01-01\nA3,盗窃,2025-01-01\n");
        write("police_residents.csv", "身份证号,姓名,死亡日期\n" + person(1) + ",张一,9999-12-31\n");
        write("approval_permits.csv", "许可证号,许可类型,持证主体代码,有效期至\nP1,娱乐经营许可证,X1,9999-12-31\n");
        LoadReport r = load();
        FileReport cases = file(r, "police_criminal_cases");
        assertThat(cases.rejected()).isEqualTo(2);
        assertThat(cases.loaded()).isEqualTo(1);
        assertThat(quarantined(r)).extracting(q -> q.get(2) + ": " + q.get(3)).containsExactly(
                "立案日期: implausible date '9999-12-31': after " + LocalDate.now(org.tongxin.model.time.LegalAge.ZONE)
                        .plus(RowParser.FUTURE_MARGIN) + " (today plus 2 years)",
                "立案日期: implausible date '0000-01-01': before 1900-01-01");
        assertThat(file(r, "police_residents").flags()).containsEntry("bad-date:死亡日期", 1L);
        assertThat(count("MATCH (n:Record) WHERE n.deathDate IS NOT NULL RETURN count(n)")).isZero();
        assertThat(file(r, "approval_permits").loaded()).as("9999-12-31 ends a validity: 长期").isEqualTo(1);
    }

    @Test
    void aSecondSheetIsNamedInTheReport() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(folder.resolve("civil_children.xlsx"))) {
            var s = wb.createSheet("儿童");
            s.createRow(0).createCell(0).setCellValue("身份证号");
            s.getRow(0).createCell(1).setCellValue("儿童类别");
            s.createRow(1).createCell(0).setCellValue(person(1));
            s.getRow(1).createCell(1).setCellValue("留守儿童");
            wb.createSheet("补充\u202E名单").createRow(0).createCell(0).setCellValue(person(2));
            wb.write(out);
        }
        FileReport f = file(load(), "civil_children");
        assertThat(f.loaded()).isEqualTo(1);
        assertThat(f.notes()).anyMatch(n -> n.contains("only the first, 「儿童」, was read") && n.contains("「补充\\u202E名单」"));
    }

    @Test
    void aFileNameWithALineBreakIsPrintedEscaped() throws Exception {
        write("police_residents\nFAKE.csv", "x\n");
        write("civil_children.csv", "身份证号,儿童类别\n" + person(1) + ",留守儿童\n");
        LoadReport r = load();
        assertThat(r.skipped()).extracting(LoadReport.SkippedFile::file).containsExactly("police_residents\\nFAKE.csv");
        assertThat(r.toText()).contains("skipped police_residents\\nFAKE.csv: ").doesNotContain("\nFAKE");
    }
}

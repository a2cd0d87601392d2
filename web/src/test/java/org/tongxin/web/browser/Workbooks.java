package org.tongxin.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads the workbooks the pages export, as a person opening them would see the cells. */
final class Workbooks {

    private Workbooks() {
    }

    /** The rows under the header row (the one whose first cell is {@code firstHeader}) of a workbook's first sheet. */
    static List<List<String>> rows(byte[] xlsx, String firstHeader) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter fmt = new DataFormatter();
            boolean body = false;
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(row.getCell(c) == null ? "" : fmt.formatCellValue(row.getCell(c)));
                }
                if (body) {
                    out.add(cells);
                } else if (!cells.isEmpty() && cells.get(0).equals(firstHeader)) {
                    body = true;
                }
            }
            assertThat(body).as("a header row " + firstHeader).isTrue();
        }
        return out;
    }
}

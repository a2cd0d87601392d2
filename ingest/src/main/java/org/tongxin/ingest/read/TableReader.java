package org.tongxin.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tongxin.model.value.Cells;

/**
 * Reads a department file (CSV in UTF-8/GBK, or the first sheet of an XLSX) into a {@link Table}. Cells are
 * kept as written; Excel date cells become ISO text, formula cells keep their formula text and are never
 * evaluated.
 */
public final class TableReader {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private TableReader() {
    }

    public static Table read(Path file) throws FileRejectedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return readCsv(file);
        }
        if (name.endsWith(".xlsx")) {
            return readXlsx(file);
        }
        throw new FileRejectedException("not a .csv or .xlsx file", 0);
    }

    static Table readCsv(Path file) throws FileRejectedException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileRejectedException("cannot read file: " + e.getMessage(), 0, e);
        }
        if (bytes.length == 0) {
            throw new FileRejectedException("empty file (no header row)", 1);
        }
        Encodings.Decoded decoded = Encodings.decode(bytes);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), format)) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new FileRejectedException("empty file (no header row)", 1);
            }
            List<String> header = new ArrayList<>();
            for (String h : it.next()) {
                header.add(Cells.normalize(h.replace("\uFEFF", "")));
            }
            List<RawRow> rows = new ArrayList<>();
            long lastLine = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    rows.add(RawRow.broken((int) lastLine + 1,
                            "line cannot be parsed as CSV (unterminated quoted cell, truncated file?)"));
                    break;
                }
                int line = (int) lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                String[] cells = new String[rec.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = rec.get(i);
                }
                rows.add(new RawRow(line, cells, new BitSet(), null));
            }
            return new Table(file, "csv", decoded.encoding(), List.copyOf(header), rows);
        } catch (IOException | UncheckedIOException e) {
            throw new FileRejectedException("cannot parse CSV: " + e.getMessage(), 1, e);
        }
    }

    static Table readXlsx(Path file) throws FileRejectedException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            if (wb.getNumberOfSheets() == 0) {
                throw new FileRejectedException("workbook has no sheet", 0);
            }
            Sheet sheet = wb.getSheetAt(0);
            Row head = sheet.getRow(sheet.getFirstRowNum());
            if (head == null || sheet.getPhysicalNumberOfRows() == 0) {
                throw new FileRejectedException("empty first sheet (no header row)", 1);
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < head.getLastCellNum(); c++) {
                Cell cell = head.getCell(c);
                header.add(cell == null ? "" : Cells.normalize(text(cell, new BitSet(), c)));
            }
            List<RawRow> rows = new ArrayList<>();
            for (int r = head.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                // Excel leaves trailing empty cells out; they are blank, not a truncated line.
                int width = Math.max(Math.max(row.getLastCellNum(), 0), header.size());
                String[] cells = new String[width];
                BitSet numeric = new BitSet();
                boolean any = false;
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    cells[c] = cell == null ? "" : text(cell, numeric, c);
                    any |= !cells[c].isBlank();
                }
                if (any) {
                    rows.add(new RawRow(r + 1, cells, numeric, null));
                }
            }
            return new Table(file, "xlsx", "xlsx", List.copyOf(header), rows);
        } catch (FileRejectedException e) {
            throw e;
        } catch (Exception e) {
            throw new FileRejectedException("not a readable XLSX workbook (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", 0, e);
        }
    }

    private static String text(Cell cell, BitSet numeric, int column) {
        CellType type = cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case FORMULA:
                // Kept as text, never evaluated: a formula in a department export is data, not code.
                return "=" + cell.getCellFormula();
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    // The cell's display format says whether a time of day was written, not the value.
                    String fmt = cell.getCellStyle().getDataFormatString().toLowerCase(Locale.ROOT);
                    boolean hasTime = fmt.contains("h") || cell.getNumericCellValue() % 1 != 0;
                    return hasTime ? t.format(STAMP) : t.format(DATE);
                }
                numeric.set(column);
                return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default:
                return "";
        }
    }
}

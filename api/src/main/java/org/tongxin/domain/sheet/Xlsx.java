package org.tongxin.domain.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Titled tables as an XLSX workbook: one sheet per {@link Table} — a title row across the columns, optional note
 * rows (the range, where the figures come from), a bold header row that stays in view and filters, then the rows.
 * Cells are typed ({@link Cell}): text stays text — a value a spreadsheet could take for a formula (starting with =, +,
 * -, @, a tab or a carriage return) gets the quote-prefix style, so it stays text even when the cell is edited or the
 * sheet saved again as CSV — whole numbers and
 * decimals are numbers, days and date-times are Excel dates with a date format, so a reader can sum and sort them.
 * Column widths follow the longest value (CJK characters count double) within bounds.
 * <p>
 * Meant for any export of tables — statistics, the lead list, the audit log. The workbook is built in memory (no
 * temporary files, so no case data is left on disk); a table has at most {@link #MAX_ROWS} rows.
 */
public final class Xlsx {

    /** The media type of an XLSX file. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows of one table at most (Excel's limit is 1,048,576; an export this large is better split). */
    public static final int MAX_ROWS = 200_000;
    /** Excel's limit on a cell's text. */
    static final int MAX_TEXT = 32_767;
    static final int MIN_WIDTH = 6;
    static final int MAX_WIDTH = 60;

    /** A typed cell. */
    public sealed interface Cell permits Cell.Text, Cell.Whole, Cell.Decimal, Cell.Day, Cell.Moment, Cell.Flag, Cell.Empty {

        record Text(String value) implements Cell {
            public Text {
                Objects.requireNonNull(value);
            }
        }

        record Whole(long value) implements Cell {
        }

        record Decimal(double value) implements Cell {
        }

        record Day(LocalDate value) implements Cell {
            public Day {
                Objects.requireNonNull(value);
            }
        }

        record Moment(LocalDateTime value) implements Cell {
            public Moment {
                Objects.requireNonNull(value);
            }
        }

        record Flag(boolean value) implements Cell {
        }

        record Empty() implements Cell {
        }

        Cell EMPTY = new Empty();

        static Cell text(String value) {
            return value == null ? EMPTY : new Text(value);
        }

        static Cell whole(long value) {
            return new Whole(value);
        }

        static Cell decimal(double value) {
            return new Decimal(value);
        }

        static Cell day(LocalDate value) {
            return value == null ? EMPTY : new Day(value);
        }

        static Cell moment(LocalDateTime value) {
            return value == null ? EMPTY : new Moment(value);
        }

        /**
         * A Java value as its cell: null empty; integers whole; other numbers decimal; {@link LocalDate} a day,
         * {@link LocalDateTime} a date-time; booleans as 是/否 flags; a cell as itself; anything else its text.
         */
        static Cell of(Object value) {
            if (value == null) {
                return EMPTY;
            }
            if (value instanceof Cell c) {
                return c;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return new Whole(((Number) value).longValue());
            }
            if (value instanceof Number n) {
                return new Decimal(n.doubleValue());
            }
            if (value instanceof LocalDate d) {
                return new Day(d);
            }
            if (value instanceof LocalDateTime t) {
                return new Moment(t);
            }
            if (value instanceof Boolean b) {
                return new Flag(b);
            }
            return new Text(value.toString());
        }
    }

    /** A column: its title (Chinese) and its width in characters, or 0 to fit the values. */
    public record Column(String title, int width) {
        public Column {
            Objects.requireNonNull(title);
        }

        public static Column of(String title) {
            return new Column(title, 0);
        }

        public static List<Column> of(String... titles) {
            return java.util.Arrays.stream(titles).map(Column::of).toList();
        }
    }

    /**
     * One sheet: its tab name (shortened and cleaned to what Excel allows), the title above the table, notes
     * under the title (may be empty), the columns and the rows (each as long as the columns or shorter).
     */
    public record Table(String name, String title, List<String> notes, List<Column> columns, List<List<Cell>> rows) {
        public Table {
            Objects.requireNonNull(name);
            Objects.requireNonNull(title);
            notes = List.copyOf(notes);
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("a table has at least one column");
            }
            if (rows.size() > MAX_ROWS) {
                throw new IllegalArgumentException("a table has at most " + MAX_ROWS + " rows, not " + rows.size());
            }
            for (List<Cell> row : rows) {
                if (row.size() > columns.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + columns.size() + " columns");
                }
            }
        }

        /** A table from rows of plain Java values ({@link Cell#of}). */
        public static Table of(String name, String title, List<String> notes, List<Column> columns, List<List<?>> values) {
            return new Table(name, title, notes, columns,
                    values.stream().map(r -> r.stream().map(Cell::of).toList()).toList());
        }
    }

    private Xlsx() {
    }

    /** The workbook of these tables, in order, as the bytes of an XLSX file. */
    public static byte[] write(List<Table> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook has at least one table");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            Set<String> names = new HashSet<>();
            for (Table t : tables) {
                write(wb.createSheet(sheetName(t.name(), names)), t, styles);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(XSSFSheet sheet, Table t, Styles styles) {
        int cols = t.columns().size();
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        org.apache.poi.ss.usermodel.Cell tc = title.createCell(0);
        tc.setCellValue(clip(t.title()));
        tc.setCellStyle(styles.title);
        if (cols > 1) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, cols - 1));
        }
        for (String note : t.notes()) {
            org.apache.poi.ss.usermodel.Cell nc = sheet.createRow(r).createCell(0);
            nc.setCellValue(clip(note));
            nc.setCellStyle(styles.note);
            if (cols > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, cols - 1));
            }
            r++;
        }
        int headerRow = r;
        Row header = sheet.createRow(r++);
        for (int c = 0; c < cols; c++) {
            org.apache.poi.ss.usermodel.Cell hc = header.createCell(c);
            hc.setCellValue(t.columns().get(c).title());
            hc.setCellStyle(styles.header);
        }
        int[] widths = new int[cols];
        for (int c = 0; c < cols; c++) {
            widths[c] = width(t.columns().get(c).title());
        }
        for (List<Cell> cells : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
                widths[c] = Math.max(widths[c], set(row.createCell(c), cells.get(c), styles));
            }
        }
        for (int c = 0; c < cols; c++) {
            int w = t.columns().get(c).width() > 0 ? t.columns().get(c).width()
                    : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2));
            sheet.setColumnWidth(c, Math.min(255, w) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        if (!t.rows().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, r - 1, 0, cols - 1));
        }
    }

    /** Writes one cell; answers how wide its value is, in characters. */
    private static int set(org.apache.poi.ss.usermodel.Cell cell, Cell value, Styles styles) {
        if (value instanceof Cell.Text t) {
            String s = clip(t.value());
            cell.setCellValue(s);
            cell.setCellStyle(formulaLike(s) ? styles.quoted : styles.text);
            return s.lines().mapToInt(Xlsx::width).max().orElse(0);
        }
        if (value instanceof Cell.Whole w) {
            cell.setCellValue(w.value());
            cell.setCellStyle(styles.whole);
            return Long.toString(w.value()).length() + 1;
        }
        if (value instanceof Cell.Decimal d) {
            cell.setCellValue(d.value());
            cell.setCellStyle(styles.decimal);
            return String.format("%.2f", d.value()).length() + 1;
        }
        if (value instanceof Cell.Day d) {
            cell.setCellValue(d.value());
            cell.setCellStyle(styles.day);
            return 10;
        }
        if (value instanceof Cell.Moment m) {
            cell.setCellValue(m.value());
            cell.setCellStyle(styles.moment);
            return 16;
        }
        if (value instanceof Cell.Flag f) {
            cell.setCellValue(f.value() ? "是" : "否");
            cell.setCellStyle(styles.text);
            return 2;
        }
        cell.setCellStyle(styles.text);
        return 0;
    }

    /** Whether a spreadsheet could read this text as a formula (the OWASP list of formula-injection starts). */
    static boolean formulaLike(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    /**
     * A stored date-time ({@code 2026-11-27T09:30:00.123+08:00} or without offset) as a {@link LocalDateTime} to the
     * second, for an Excel date-time cell; none as null; anything unreadable as its text.
     */
    public static Object moment(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(at.length() > 19 ? at.substring(0, 19) : at);
        } catch (DateTimeParseException e) {
            return at;
        }
    }

    /** The width of text in character cells: CJK and other wide characters count two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }

    /** A tab name Excel accepts (no []:*?/\, at most 31 characters), made unique in the workbook. */
    static String sheetName(String wanted, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted.strip(), '_');
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase()); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase());
        return name;
    }

    /** The workbook's few styles, made once (Excel allows a limited number). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        final CellStyle text;
        final CellStyle quoted;
        final CellStyle whole;
        final CellStyle decimal;
        final CellStyle day;
        final CellStyle moment;

        Styles(XSSFWorkbook wb) {
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            Font grey = wb.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            note = wb.createCellStyle();
            note.setFont(grey);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            text = wb.createCellStyle();
            text.setWrapText(true);
            quoted = wb.createCellStyle();
            quoted.cloneStyleFrom(text);
            quoted.setQuotePrefixed(true);
            var format = wb.createDataFormat();
            whole = wb.createCellStyle();
            whole.setDataFormat(format.getFormat("0"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(format.getFormat("0.00"));
            day = wb.createCellStyle();
            day.setDataFormat(format.getFormat("yyyy-mm-dd"));
            moment = wb.createCellStyle();
            moment.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        }
    }

    /** Rows built one at a time, for callers that fill a table in a loop. */
    public static final class Rows {
        private final List<List<Cell>> rows = new ArrayList<>();

        public Rows add(Object... values) {
            rows.add(java.util.Arrays.stream(values).map(Cell::of).toList());
            return this;
        }

        public List<List<Cell>> list() {
            return List.copyOf(rows);
        }
    }
}

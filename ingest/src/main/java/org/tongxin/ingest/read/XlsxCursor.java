package org.tongxin.ingest.read;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.tongxin.model.value.Cells;

/**
 * Reads the first sheet of an XLSX as a stream of rows with POI's event API (the sheet's XML is pulled with StAX,
 * never built into a workbook), so memory holds the shared strings and one row, not the sheet. Cells are kept as
 * written: Excel date cells become ISO text, formula cells keep their formula text and are never evaluated, number
 * cells are marked. Other sheets are not read; the cursor names them in its notes.
 */
final class XlsxCursor implements TableCursor {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final Path file;
    private final OPCPackage pkg;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final List<String> notes = new ArrayList<>();
    private final List<String> header;
    private final int headerLine;
    private long physical;
    private long blank;
    /** Spreadsheet row number of the last row read. */
    private int lastRow;

    /** One spreadsheet row: its number and cells by column index. */
    private record Row(int number, TreeMap<Integer, String> cells, BitSet numeric) {
    }

    XlsxCursor(Path file) throws FileRejectedException {
        this.file = file;
        OPCPackage p = null;
        try {
            p = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(p);
            this.strings = new ReadOnlySharedStringsTable(p, false);
            this.styles = reader.getStylesTable();
            this.date1904 = date1904(reader);
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!it.hasNext()) {
                throw new FileRejectedException("workbook has no sheet", 0);
            }
            InputStream first = it.next();
            String firstName = it.getSheetName();
            List<String> others = new ArrayList<>();
            while (it.hasNext()) {
                it.next().close();
                others.add("「" + Printable.of(it.getSheetName()) + "」");
            }
            if (!others.isEmpty()) {
                notes.add("workbook has " + (others.size() + 1) + " sheets: only the first, 「" + Printable.of(firstName)
                        + "」, was read; not read: " + String.join(", ", others));
            }
            this.sheet = first;
            this.xml = factory().createXMLStreamReader(first);
            this.pkg = p;
            Row head = row();
            while (head != null && head.cells().values().stream().allMatch(String::isBlank)) {
                blank++;
                head = row();
            }
            if (head == null) {
                throw new FileRejectedException("empty first sheet (no header row)", 1);
            }
            List<String> h = new ArrayList<>();
            int width = head.cells().isEmpty() ? 0 : head.cells().lastKey() + 1;
            for (int c = 0; c < width; c++) {
                h.add(Cells.normalize(head.cells().getOrDefault(c, "")));
            }
            this.header = List.copyOf(h);
            this.headerLine = head.number();
        } catch (FileRejectedException e) {
            revert(p);
            throw e;
        } catch (Exception | StackOverflowError e) {
            revert(p);
            throw new FileRejectedException("not a readable XLSX workbook (" + e.getClass().getSimpleName() + ": "
                    + Printable.of(String.valueOf(e.getMessage())) + ")", 0, e);
        }
    }

    private static void revert(OPCPackage p) {
        if (p != null) {
            p.revert();
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader x = factory().createXMLStreamReader(in);
            while (x.hasNext()) {
                if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("workbookPr")) {
                    String v = x.getAttributeValue(null, "date1904");
                    return "1".equals(v) || "true".equalsIgnoreCase(v);
                }
                if (x.getEventType() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheets")) {
                    return false;
                }
            }
            return false;
        }
    }

    @Override
    public RawRow next() throws FileRejectedException {
        try {
            while (true) {
                Row r = row();
                if (r == null) {
                    return null;
                }
                // Excel leaves trailing empty cells out; they are blank, not a truncated line.
                int width = Math.max(r.cells().isEmpty() ? 0 : r.cells().lastKey() + 1, header.size());
                String[] cells = new String[width];
                boolean any = false;
                for (int c = 0; c < width; c++) {
                    cells[c] = r.cells().getOrDefault(c, "");
                    any |= !cells[c].isBlank();
                }
                if (!any) {
                    blank++;
                    continue;
                }
                return new RawRow(r.number(), cells, r.numeric(), null);
            }
        } catch (FileRejectedException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new FileRejectedException("the sheet cannot be read past row " + lastRow + " ("
                    + e.getClass().getSimpleName() + ")", lastRow + 1, e);
        }
    }

    /** The next {@code <row>} of the sheet, or null at its end. */
    private Row row() throws XMLStreamException, FileRejectedException {
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                String r = xml.getAttributeValue(null, "r");
                int number = r == null ? lastRow + 1 : Integer.parseInt(r);
                // Rows Excel leaves out entirely are empty rows of the sheet.
                blank += Math.max(0, number - lastRow - 1);
                physical += Math.max(1, number - lastRow);
                lastRow = number;
                return readRow(number);
            }
        }
        return null;
    }

    private Row readRow(int number) throws XMLStreamException, FileRejectedException {
        TreeMap<Integer, String> cells = new TreeMap<>();
        BitSet numeric = new BitSet();
        int nextCol = 0;
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return new Row(number, cells, numeric);
            }
            if (ev == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int col = ref == null ? nextCol : new CellReference(ref).getCol();
                if (col < 0 || col > 16_383) {
                    throw new FileRejectedException("cell reference out of range in row " + number, number);
                }
                nextCol = col + 1;
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String text = readCell(type, style, numeric, col);
                cells.put(col, text);
            }
        }
        throw new FileRejectedException("the sheet ends inside row " + number, number);
    }

    /** Reads one {@code <c>} element up to its end and answers its text as datasets.md keeps it. */
    private String readCell(String type, String style, BitSet numeric, int col) throws XMLStreamException {
        String value = null;
        String formula = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "f" -> formula = xml.getElementText();
                    case "t" -> {
                        if (inline == null) {
                            inline = new StringBuilder();
                        }
                        inline.append(xml.getElementText());
                    }
                    default -> { }
                }
            }
        }
        if (formula != null) {
            // Kept as text, never evaluated: a formula in a department export is data, not code.
            return "=" + formula;
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "s":
                return value == null ? "" : strings.getItemAt(Integer.parseInt(value.trim())).getString();
            case "inlineStr":
                return inline == null ? "" : inline.toString();
            case "str":
                return value == null ? "" : value;
            case "b":
                return value == null ? "" : "1".equals(value.trim()) ? "TRUE" : "FALSE";
            case "n":
                if (value == null || value.isBlank()) {
                    return "";
                }
                double d = Double.parseDouble(value.trim());
                if (style != null && !style.isBlank()) {
                    XSSFCellStyle st = styles.getStyleAt(Integer.parseInt(style.trim()));
                    if (st != null) {
                        String fmt = st.getDataFormatString();
                        if (fmt != null && DateUtil.isADateFormat(st.getDataFormat(), fmt) && DateUtil.isValidExcelDate(d)) {
                            LocalDateTime at = DateUtil.getLocalDateTime(d, date1904);
                            // The cell's display format says whether a time of day was written, not the value.
                            boolean hasTime = fmt.toLowerCase(Locale.ROOT).contains("h") || d % 1 != 0;
                            return hasTime ? at.format(STAMP) : at.format(DATE);
                        }
                    }
                }
                numeric.set(col);
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            default:
                // Error cells ("e") and anything unknown: nothing readable was written.
                return "";
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String encoding() {
        return "xlsx";
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public int headerLine() {
        return headerLine;
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public long physicalLines() {
        return physical;
    }

    @Override
    public long blankLines() {
        return blank;
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheet.close();
        } catch (Exception e) {
            // Read-only; nothing to lose.
        } finally {
            pkg.revert();
        }
    }
}

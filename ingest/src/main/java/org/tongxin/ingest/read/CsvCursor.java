package org.tongxin.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.tongxin.model.value.Cells;

/**
 * Reads a CSV of datasets.md one physical line at a time (RFC 4180 quoting) without holding the file.
 *
 * <p>A quoted cell may hold line breaks, as RFC 4180 allows, but only in a column the caller names as free text
 * (a description, never an identity number, code or name), and a row whose quoted cell runs over several physical
 * lines is taken only when it closes within {@link #MAX_SPAN} lines and {@link #MAX_ROW_CHARS} characters and has
 * exactly the header's number of cells. Otherwise the quote is taken for a stray one: the row's first physical line
 * is rejected with its raw text, and reading goes on at the next physical line — so one bad quote costs one line,
 * never the rest of the file. A quote inside an unquoted cell ({@code =HYPERLINK("…")}) is kept as written; text
 * between a closing quote and the next comma rejects the line.
 */
final class CsvCursor implements TableCursor {

    /** Most physical lines one row may span through quoted line breaks. */
    static final int MAX_SPAN = 50;
    /** Most characters of one row (and of one physical line; the rest of a longer line is skipped and reported). */
    static final int MAX_ROW_CHARS = 1 << 20;

    private final Path file;
    private final String encoding;
    private final BufferedReader in;
    /** Physical lines read ahead while looking for a closing quote that did not come; read again from here. */
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private final List<String> header;
    private final int headerLine;
    /** Per header position: whether a quoted cell there may hold line breaks. */
    private final boolean[] multiline;
    private long physical;
    private long blank;
    private int nextLine = 1;

    /** One physical line: its number, text without terminator, and whether it was cut at MAX_ROW_CHARS. */
    private record Line(int number, String text, boolean cut) {
    }

    /** A row parsed from one or more physical lines, or why it could not be. */
    private record Parsed(List<String> cells, String error, List<Line> used) {
    }

    CsvCursor(Path file, Predicate<String> multilineColumn) throws FileRejectedException {
        this.file = file;
        Encodings.Detected detected = Encodings.detect(file);
        this.encoding = detected.name();
        try {
            InputStream raw = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
            raw.skipNBytes(detected.skip());
            Charset cs = detected.charset();
            this.in = new BufferedReader(new InputStreamReader(raw, cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        } catch (IOException e) {
            throw new FileRejectedException(TableReader.cannotRead(e), 0, e);
        }
        List<String> head = null;
        int at = 0;
        try {
            while (head == null) {
                Line l = line();
                if (l == null) {
                    close();
                    throw new FileRejectedException("empty file (no header row)", 1);
                }
                if (l.text().isEmpty()) {
                    blank++;
                    continue;
                }
                Parsed p = parse(l, Integer.MAX_VALUE);
                if (p.error() != null) {
                    close();
                    throw new FileRejectedException("the header row cannot be read: " + p.error(), l.number());
                }
                at = l.number();
                head = new ArrayList<>();
                for (String h : p.cells()) {
                    head.add(Cells.normalize(h.replace("\uFEFF", "")));
                }
            }
        } catch (IOException e) {
            close();
            throw new FileRejectedException(TableReader.cannotRead(e), nextLine, e);
        }
        this.header = List.copyOf(head);
        this.headerLine = at;
        this.multiline = new boolean[header.size()];
        for (int i = 0; i < multiline.length; i++) {
            multiline[i] = !header.get(i).isEmpty() && multilineColumn.test(header.get(i));
        }
    }

    @Override
    public RawRow next() throws FileRejectedException {
        try {
            while (true) {
                Line l = line();
                if (l == null) {
                    return null;
                }
                if (l.text().isEmpty() && !l.cut()) {
                    blank++;
                    continue;
                }
                Parsed p = parse(l, header.size());
                if (p.error() != null) {
                    // Only the first line is spent; the lines read ahead are read again as rows of their own.
                    for (int i = p.used().size() - 1; i >= 1; i--) {
                        pushedBack.push(p.used().get(i));
                    }
                    return RawRow.broken(l.number(), p.error(), l.text());
                }
                return new RawRow(l.number(), p.cells().toArray(String[]::new), new BitSet(), null);
            }
        } catch (CharacterCodingException e) {
            // Checked before reading, so the file changed under us.
            throw new FileRejectedException("bytes not valid " + encoding + " (did the file change while loading?)", nextLine, e);
        } catch (IOException | UncheckedIOException e) {
            throw new FileRejectedException(TableReader.cannotRead(e), nextLine, e);
        }
    }

    /**
     * Parses a row starting at {@code first}; a quoted cell left open at the end of a line takes the next line,
     * within the limits. {@code width} is the number of cells a row spanning several lines must have.
     */
    private Parsed parse(Line first, int width) throws IOException {
        List<Line> used = new ArrayList<>();
        used.add(first);
        if (first.cut()) {
            return new Parsed(null, "line longer than " + MAX_ROW_CHARS + " characters", used);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String text = first.text();
        int i = 0;
        int chars = text.length();
        while (true) {
            // At the start of a cell.
            cell.setLength(0);
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (!closed) {
                    if (i >= text.length()) {
                        int col = cells.size();
                        if (multiline == null || col >= multiline.length || !multiline[col]) {
                            return new Parsed(null, "quoted cell in column " + (col + 1) + " is not closed on this line"
                                    + " (a stray quote? only free-text columns may hold line breaks)", used);
                        }
                        Line more = used.size() < MAX_SPAN && chars < MAX_ROW_CHARS ? line() : null;
                        if (more == null || more.cut()) {
                            if (more != null) {
                                used.add(more);
                            }
                            return new Parsed(null, "quoted cell in column " + (cells.size() + 1) + " is not closed on this line "
                                    + "(a stray quote?)", used);
                        }
                        used.add(more);
                        chars += more.text().length() + 1;
                        cell.append('\n');
                        text = more.text();
                        i = 0;
                        continue;
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            closed = true;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < text.length() && text.charAt(i) != ',') {
                    return new Parsed(null, "text after the closing quote of column " + (cells.size() + 1), used);
                }
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? text.length() : comma;
                cell.append(text, i, end);
                i = end;
            }
            cells.add(cell.toString());
            if (i >= text.length()) {
                break;
            }
            i++; // the comma
            if (i >= text.length()) {
                cells.add("");
                break;
            }
        }
        if (used.size() > 1 && cells.size() != width) {
            return new Parsed(null, "a quoted cell opened in this line runs over " + used.size()
                    + " lines into a row of " + cells.size() + " cells, the header has " + width + " (a stray quote?)", used);
        }
        return new Parsed(cells, null, used);
    }

    /** The next physical line (CRLF, LF or CR ends one), or null at the end of the file. */
    private Line line() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        StringBuilder sb = new StringBuilder();
        boolean cut = false;
        int c;
        boolean any = false;
        while ((c = in.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                break;
            }
            if (sb.length() < MAX_ROW_CHARS) {
                sb.append((char) c);
            } else {
                cut = true;
            }
        }
        if (!any) {
            return null;
        }
        physical++;
        return new Line(nextLine++, sb.toString(), cut);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String encoding() {
        return encoding;
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
        return List.of();
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
            in.close();
        } catch (IOException e) {
            // Read-only; nothing to lose.
        }
    }
}

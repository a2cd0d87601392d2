package org.tongxin.ingest.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongxin.ingest.mapping.ColumnSpec;
import org.tongxin.ingest.mapping.ColumnType;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.LinkSpec;
import org.tongxin.ingest.read.RawRow;
import org.tongxin.model.id.IdNumber;
import org.tongxin.model.id.Sex;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;
import org.tongxin.model.schema.EntityKind;
import org.tongxin.model.schema.Records;
import org.tongxin.model.time.Temporals;
import org.tongxin.model.value.Cells;
import org.tongxin.model.value.Plates;

/**
 * Applies one dataset mapping to the rows of one file: the cell rules, the reject/flag rules and the key of
 * datasets.md. Stateless apart from the header layout; one instance per file.
 */
public final class RowParser {

    /** Longest cell accepted; a longer one rejects its row (kept whole in quarantine). */
    public static final int MAX_CELL_CHARS = 65_536;

    /** Earliest plausible date in any column: older ones are typing errors or placeholders (0000-01-01). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /**
     * How far past today a date of an event (a birth, a stay, a decision) may lie: room for a department's clock and
     * for synthetic cities generated as of a later day; a wrong century or 9999-12-31 is what it catches. Columns
     * marked {@code future} (ends of validity) may go to 9999-12-31, the usual way to write 长期.
     */
    public static final java.time.Period FUTURE_MARGIN = java.time.Period.ofYears(2);
    /** The key under which a line that could not be split into cells keeps its text (sealed) in quarantine. */
    public static final String RAW_LINE = "原始行";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern LICENCE_CLASS = java.util.regex.Pattern.compile("[A-Z][0-9]");

    private final DatasetMapping mapping;
    private final List<String> header;
    private final int[] columnIndex;
    private final List<String> keyProps;
    private final LocalDate today;
    private final Pseudonyms pseudonyms;
    /** The kind of personal value at each header position, or null. */
    private final PiiKind[] piiAt;

    /**
     * @param header     the file's normalised header; every required column must be in it (checked by the caller
     *                   with {@link #missingRequired})
     * @param pseudonyms seals personal values before anything is kept: properties, raw cells, quarantine rows
     */
    public RowParser(DatasetMapping mapping, List<String> header, LocalDate today, Pseudonyms pseudonyms) {
        this.mapping = mapping;
        this.header = List.copyOf(header);
        this.today = today;
        this.pseudonyms = pseudonyms;
        this.piiAt = piiPositions(mapping, header);
        this.keyProps = mapping.key().stream().map(k -> mapping.column(k).orElseThrow().prop()).toList();
        this.columnIndex = new int[mapping.columns().size()];
        for (int i = 0; i < columnIndex.length; i++) {
            columnIndex[i] = header.indexOf(mapping.columns().get(i).name());
        }
    }

    public static List<String> missingRequired(DatasetMapping mapping, List<String> header) {
        return mapping.columns().stream().filter(ColumnSpec::required).map(ColumnSpec::name)
                .filter(n -> !header.contains(n)).toList();
    }

    public static List<String> missingOptional(DatasetMapping mapping, List<String> header) {
        return mapping.columns().stream().filter(c -> !c.required()).map(ColumnSpec::name)
                .filter(n -> !header.contains(n)).toList();
    }

    private static PiiKind[] piiPositions(DatasetMapping mapping, List<String> header) {
        PiiKind[] at = new PiiKind[header.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = mapping.column(header.get(i)).map(ColumnSpec::pii).orElse(null);
        }
        return at;
    }

    /** The cells as they may be kept: personal values (by the header's columns) sealed, the rest as written. */
    public static String[] sealedCells(DatasetMapping mapping, List<String> header, String[] cells, Pseudonyms pseudonyms) {
        return seal(piiPositions(mapping, header), cells, pseudonyms);
    }

    private static String[] seal(PiiKind[] piiAt, String[] cells, Pseudonyms pseudonyms) {
        String[] out = cells.clone();
        for (int i = 0; i < out.length && i < piiAt.length; i++) {
            if (piiAt[i] != null && out[i] != null && !out[i].isBlank()) {
                out[i] = pseudonyms.seal(piiAt[i], out[i]);
            }
        }
        return out;
    }

    public ParsedRow parse(RawRow raw) {
        String[] kept = seal(piiAt, raw.cells(), pseudonyms);
        Map<String, String> rawCells = namedCells(header, kept);
        if (raw.raw() != null) {
            // Which part of a line that is no row holds personal values is unknown, so the whole text is sealed.
            rawCells.put(RAW_LINE, pseudonyms.seal(PiiKind.TEXT, raw.raw()));
        }
        String rawJson = toJson(rawCells);
        String cellsJson = toJson(kept);
        String hash = sha1(toJson(new java.util.TreeMap<>(rawCells)));
        if (raw.error() != null) {
            return rejected(raw, rawJson, hash, "", raw.error());
        }
        if (raw.cells().length < header.size()) {
            return rejected(raw, rawJson, hash, "", "row has " + raw.cells().length + " cells, the header has "
                    + header.size() + " (truncated line?)");
        }
        List<String> flags = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (raw.cells().length > header.size()) {
            flags.add("extra-cells");
        }
        for (int i = 0; i < raw.cells().length; i++) {
            String bad = controlCharacter(raw.cells()[i], i < header.size() ? mapping.column(header.get(i)).orElse(null) : null);
            if (bad != null) {
                return rejected(raw, rawJson, hash, i < header.size() && !header.get(i).isEmpty() ? header.get(i)
                        : "列" + (i + 1), bad);
            }
        }
        Map<String, Object> props = new HashMap<>();
        Map<String, IdNumber> ids = new HashMap<>();
        for (int i = 0; i < columnIndex.length; i++) {
            ColumnSpec col = mapping.columns().get(i);
            int at = columnIndex[i];
            String written = at >= 0 && at < raw.cells().length ? raw.cells()[at] : null;
            if (written != null && written.length() > MAX_CELL_CHARS) {
                return rejected(raw, rawJson, hash, col.name(), "cell has " + written.length()
                        + " characters, more than " + MAX_CELL_CHARS);
            }
            String value = Cells.value(written);
            if (value == null) {
                if (col.required()) {
                    return rejected(raw, rawJson, hash, col.name(), "required cell is blank");
                }
                props.put(col.prop(), null);
                continue;
            }
            String problem = read(col, value, at >= 0 && raw.isNumeric(at), props, ids, flags, warnings);
            if (problem != null) {
                return rejected(raw, rawJson, hash, col.name(), problem);
            }
        }
        checkIntervals(props, flags);
        checkIdentity(props, ids, flags);
        List<String> keyParts = new ArrayList<>();
        for (String k : keyProps) {
            keyParts.add(String.valueOf(props.get(k)));
        }
        String rid = Records.rid(mapping.dataset(), keyParts);
        return new ParsedRow(raw.line(), rid, String.join("|", keyParts), props, cellsJson, rawJson, hash,
                List.copyOf(flags), List.copyOf(warnings), null, links(props, ids));
    }

    /** Reads one non-blank cell into props; returns a rejection reason, or null. */
    private String read(ColumnSpec col, String value, boolean numericCell, Map<String, Object> props,
                        Map<String, IdNumber> ids, List<String> flags, List<String> warnings) {
        String p = col.prop();
        switch (col.type()) {
            case TEXT -> props.put(p, col.pii() == null ? value : pseudonyms.seal(col.pii(), value));
            case CODE -> props.put(p, value.toUpperCase());
            case PLATE -> props.put(p, Plates.normalize(value));
            case ICD -> props.put(p, value.toUpperCase().replace(".", "").replaceAll("\\s+", ""));
            case CLASSES -> {
                List<String> classes = new ArrayList<>();
                java.util.regex.Matcher m = LICENCE_CLASS.matcher(value.toUpperCase());
                while (m.find()) {
                    classes.add(m.group());
                }
                if (classes.isEmpty()) {
                    flags.add("unknown-code:" + col.name());
                }
                props.put(p, classes);
            }
            case ID -> {
                String upper = value.toUpperCase();
                IdNumber.Check check = numericCell ? null : IdNumber.check(upper, today);
                if (check != null && check.valid()) {
                    ids.put(p, check.id());
                    props.put(p, pseudonyms.seal(PiiKind.ID, check.id().value()));
                    if (check.warning() != null) {
                        warnings.add("id-region-newer-than-birth:" + col.name());
                    }
                } else {
                    props.put(p, pseudonyms.seal(PiiKind.ID, upper));
                    // The reason without the digits it quotes (a birth date, a region, the expected check
                    // character): together they would narrow the sealed number down.
                    props.put(p + "Invalid", numericCell ? "identity number held in an Excel number cell"
                            : check.reason().replaceAll("(?<![0-9])(?<!GB/T )[0-9][0-9X-]*", "…")
                                    .replaceAll("expected [^)]*\\)", "expected …)"));
                    flags.add("invalid-id:" + col.name());
                }
            }
            case DATE, TIMESTAMP -> {
                Optional<Temporals.Stamp> stamp = Temporals.parse(value);
                String implausible = stamp.map(st -> implausible(col, st.date())).orElse(null);
                if (implausible != null) {
                    if (col.required()) {
                        return implausible;
                    }
                    flags.add("bad-date:" + col.name());
                    props.put(p, null);
                } else if (stamp.isEmpty()) {
                    if (col.required()) {
                        return "cannot read date/time '" + abbreviate(value) + "'";
                    }
                    flags.add("bad-date:" + col.name());
                    props.put(p, null);
                } else if (col.type() == ColumnType.DATE) {
                    props.put(p, stamp.get().date());
                } else {
                    props.put(p, stamp.get().value());
                    props.put(p + "HasTime", stamp.get().hasTime());
                }
            }
            case INTEGER, DECIMAL -> {
                try {
                    BigDecimal n = new BigDecimal(value.replace(",", ""));
                    if (col.type() == ColumnType.INTEGER) {
                        props.put(p, n.longValueExact());
                    } else {
                        props.put(p, n.doubleValue());
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    if (col.required()) {
                        return "cannot read number '" + abbreviate(value) + "'";
                    }
                    flags.add("bad-number:" + col.name());
                    props.put(p, null);
                }
            }
            case ENUM -> {
                props.put(p, value);
                if (!col.values().contains(value)) {
                    flags.add("unknown-code:" + col.name());
                }
            }
            case ENUM_PREFIX -> {
                props.put(p, value);
                if (col.values().stream().noneMatch(value::startsWith)) {
                    flags.add("unknown-code:" + col.name());
                }
            }
            default -> throw new IllegalStateException(col.type().toString());
        }
        return null;
    }

    /** Why a parsed date cannot be true, or null when it can (see {@link #EARLIEST}, {@link #FUTURE_MARGIN}). */
    private String implausible(ColumnSpec col, LocalDate d) {
        if (d.isBefore(EARLIEST)) {
            return "implausible date '" + d + "': before " + EARLIEST;
        }
        LocalDate latest = today.plus(FUTURE_MARGIN);
        if (!col.future() && d.isAfter(latest)) {
            return "implausible date '" + d + "': after " + latest + " (today plus " + FUTURE_MARGIN.getYears() + " years)";
        }
        return null;
    }

    /**
     * Why a cell holds a character no department value has, or null: control characters (NUL, escape, DEL, C1) and
     * the bidirectional controls that reorder what a reader sees are refused in every cell; tabs and line breaks are
     * allowed only in free text (a text column that is no name and no code), where a line break in a quoted cell
     * is an Excel Alt-Enter.
     */
    static String controlCharacter(String cell, ColumnSpec col) {
        if (cell == null) {
            return null;
        }
        boolean freeText = col == null || isFreeText(col);
        String inside = Cells.normalize(cell);
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            boolean lineOrTab = c == '\t' || c == '\n' || c == '\r';
            boolean bidi = c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F';
            if (lineOrTab ? !freeText && inside.indexOf(c) >= 0 : Character.isISOControl(c) || bidi) {
                return "control character U+" + String.format("%04X", (int) c) + " in the cell";
            }
        }
        return null;
    }

    /** A description a person wrote (情况说明, 案由), where tabs and line breaks belong: no name, code or personal value. */
    public static boolean isFreeText(ColumnSpec col) {
        return col.type() == ColumnType.TEXT && col.pii() == null && !col.name().endsWith("姓名")
                && !col.name().endsWith("名称");
    }

    /** Cells by header name; a position without a name, or whose name came earlier, is named 列N. */
    private static Map<String, String> namedCells(List<String> header, String[] cells) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String name = i < header.size() && !header.get(i).isEmpty() ? header.get(i) : "列" + (i + 1);
            named.put(named.containsKey(name) ? "列" + (i + 1) : name, cells[i]);
        }
        return named;
    }

    /** The row as header → cell for the quarantine, personal values sealed. */
    public static String quarantineJson(DatasetMapping mapping, List<String> header, RawRow row, Pseudonyms pseudonyms) {
        Map<String, String> named = namedCells(header, sealedCells(mapping, header, row.cells(), pseudonyms));
        if (row.raw() != null) {
            named.put(RAW_LINE, pseudonyms.seal(PiiKind.TEXT, row.raw()));
        }
        return toJson(named);
    }

    private void checkIntervals(Map<String, Object> props, List<String> flags) {
        for (DatasetMapping.IntervalSpec i : mapping.intervals()) {
            Object start = props.get(i.start());
            Object end = props.get(i.end());
            if (start == null || end == null) {
                continue;
            }
            boolean bad = start instanceof LocalDateTime s && end instanceof LocalDateTime e ? !e.isAfter(s)
                    : start instanceof LocalDate s2 && end instanceof LocalDate e2 && !e2.isAfter(s2);
            if (bad) {
                flags.add("bad-date:" + mapping.columnByProp(i.end()).name());
                props.put(i.end(), null);
                props.remove(i.end() + "HasTime");
                props.put(i.end() + "Written", end.toString());
            }
        }
    }

    private void checkIdentity(Map<String, Object> props, Map<String, IdNumber> ids, List<String> flags) {
        DatasetMapping.IdentitySpec spec = mapping.identity();
        if (spec == null) {
            return;
        }
        IdNumber id = ids.get(spec.id());
        if (id == null) {
            return;
        }
        Object birth = spec.birthDate() == null ? null : props.get(spec.birthDate());
        if (birth instanceof LocalDate b && !b.equals(id.birthDate())) {
            flags.add("id-mismatch:" + mapping.columnByProp(spec.birthDate()).name());
        }
        Object sex = spec.sex() == null ? null : props.get(spec.sex());
        if (sex instanceof String s && Sex.fromZh(s) != null && Sex.fromZh(s) != id.sex()) {
            flags.add("id-mismatch:" + mapping.columnByProp(spec.sex()).name());
        }
    }

    private List<ParsedRow.LinkRow> links(Map<String, Object> props, Map<String, IdNumber> ids) {
        List<ParsedRow.LinkRow> out = new ArrayList<>();
        List<LinkSpec> specs = mapping.links();
        for (int i = 0; i < specs.size(); i++) {
            LinkSpec l = specs.get(i);
            String key = entityKey(l.entity(), l.from(), props, ids);
            if (key == null) {
                continue;
            }
            String fromKey = null;
            if (l.betweenEntities()) {
                fromKey = entityKey(l.fromEntity(), l.fromProp(), props, ids);
                if (fromKey == null) {
                    continue;
                }
            }
            Map<String, Object> set = new HashMap<>();
            l.set().forEach((entityProp, rowProp) -> set.put(entityProp, props.get(rowProp)));
            if (l.entity() == EntityKind.PERSON) {
                IdNumber id = ids.get(l.from());
                set.put("birthDate", id.birthDate());
                set.put("sex", id.sex().zh());
                set.put("region", id.value().substring(0, 6));
            }
            Map<String, Object> rel = new HashMap<>();
            l.props().forEach((relProp, rowProp) -> rel.put(relProp, props.get(rowProp)));
            out.add(new ParsedRow.LinkRow(i, fromKey, key, set, rel));
        }
        return out;
    }

    /** Only valid identity numbers link (by their token); other keys link when not blank. */
    private static String entityKey(EntityKind kind, String prop, Map<String, Object> props, Map<String, IdNumber> ids) {
        if (kind == EntityKind.PERSON) {
            return ids.containsKey(prop) ? (String) props.get(prop) : null;
        }
        Object v = props.get(prop);
        return v == null ? null : v.toString();
    }

    private ParsedRow rejected(RawRow raw, String rawJson, String hash, String column, String reason) {
        return new ParsedRow(raw.line(), null, null, Map.of(), null, rawJson, hash, List.of(), List.of(),
                new ParsedRow.Rejection(column, reason), List.of());
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex SHA-1 of the UTF-8 bytes: row hashes, source-file ids and lead references. */
    public static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

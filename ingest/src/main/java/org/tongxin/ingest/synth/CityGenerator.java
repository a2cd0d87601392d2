package org.tongxin.ingest.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tongxin.ingest.mapping.ColumnSpec;

/**
 * Generates a deterministic synthetic city in the exact exchange format: background activity of every dataset,
 * planted cases for every rule of models.md with their near misses, format noise (GBK and XLSX files, mixed date
 * forms, headers out of order, invalid identity numbers, blank required cells), and the answer key
 * {@code expected-leads.json}. The same persons, seed and as-of date give the same bytes.
 *
 * <p>Cost: time and memory linear in {@code persons}; every row is held until written.
 */
public final class CityGenerator {

    /** What to generate. */
    public record Config(int persons, long seed, LocalDate asOf, Path out) {
        public Config {
            if (persons < 100 || persons > 5_000_000) {
                throw new IllegalArgumentException("persons must be between 100 and 5,000,000 (got " + persons + ")");
            }
            if (asOf == null || out == null) {
                throw new IllegalArgumentException("as-of date and output folder are required");
            }
        }
    }

    /** What was generated. */
    public record Result(Path out, int persons, Map<String, Integer> rowsPerFile, int expectedLeads, int nearMisses) {
    }

    /** Datasets written as GBK (GB18030) CSV, as XLSX, as UTF-8 with BOM; the rest are plain UTF-8 CSV. */
    static final Set<String> GBK = Set.of("police_hotel_stays", "edu_students", "health_visits");
    static final Set<String> XLSX = Set.of("registry_venues", "traffic_licences", "civil_children", "edu_school_buses");
    static final Set<String> BOM = Set.of("approval_permits", "police_records");
    /** Datasets whose columns are written in a shuffled order. */
    static final Set<String> SHUFFLED = Set.of("police_admin_penalties", "edu_staff");

    private CityGenerator() {
    }

    public static Result generate(Config config) throws IOException {
        City city = new City(config.seed(), config.asOf());
        int rounds = 1 + config.persons() / 5000;
        new Background(city).build(Math.max(150, config.persons() - rounds * 170));
        new PlantedCases(city).plant(rounds);
        city.expected.check();
        residents(city);
        Files.createDirectories(config.out());
        SplittableRandom format = new SplittableRandom(config.seed() * 31 + 7);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object[]>> e : city.rows.entrySet()) {
            String ds = e.getKey();
            List<ColumnSpec> cols = city.columnsOf(ds);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                order.add(i);
            }
            if (SHUFFLED.contains(ds)) {
                Collections.shuffle(order, new java.util.Random(config.seed() + ds.hashCode()));
            }
            String file;
            if (XLSX.contains(ds)) {
                file = ds + ".xlsx";
                writeXlsx(config.out().resolve(file), cols, order, e.getValue());
            } else {
                file = ds + ".csv";
                Charset cs = GBK.contains(ds) ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
                writeCsv(config.out().resolve(file), cs, BOM.contains(ds), cols, order, e.getValue(), format,
                        ds.equals("police_records"));
            }
            counts.put(file, e.getValue().size());
        }
        writeAnswerKey(city, config, counts);
        return new Result(config.out(), city.people.size(), counts, city.expected.leads.size(),
                city.expected.nearMisses.size());
    }

    /** police_residents last, so that deaths planted by the cases are in it. */
    private static void residents(City c) {
        for (Person p : c.people) {
            if (p.unregistered) {
                continue;
            }
            Object birth = p.birth;
            String name = p.name;
            if (p.noiseOk && c.chance(0.004)) {
                birth = p.birth.plusDays(1);  // disagrees with the identity number: id-mismatch
            } else if (p.noiseOk && c.chance(0.003)) {
                name = "";  // required cell blank: rejected
            } else if (c.chance(0.3)) {
                birth = null;
            }
            c.row("police_residents").with("身份证号", c.chance(0.01) ? toFullWidth(p.id) : p.id).with("姓名", name)
                    .with("性别", c.chance(0.9) ? p.sex.zh() : null).with("出生日期", birth).with("户号", p.household)
                    .with("与户主关系", p.relationToHead).with("户籍地址", p.address).with("联系电话", p.phone)
                    .with("死亡日期", p.death).add();
        }
    }

    /** Full-width digits, as some exports write them; NFKC turns them back. */
    private static String toFullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            sb.append(Character.isDigit(ch) ? (char) (ch - '0' + '０') : ch);
        }
        return sb.toString();
    }

    private static void writeCsv(Path path, Charset cs, boolean bom, List<ColumnSpec> cols, List<Integer> order,
                                 List<Object[]> rows, SplittableRandom fmt, boolean extraColumn) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path, cs)) {
            if (bom) {
                w.write('\uFEFF');
            }
            CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180);
            List<String> header = new ArrayList<>();
            for (int i : order) {
                header.add(cols.get(i).name());
            }
            if (extraColumn) {
                header.add("备注");
            }
            out.printRecord(header);
            List<String> cells = new ArrayList<>(header.size());
            for (Object[] row : rows) {
                cells.clear();
                for (int i : order) {
                    cells.add(text(row[i], fmt));
                }
                if (extraColumn) {
                    cells.add(fmt.nextInt(10) == 0 ? "已核实" : "");
                }
                out.printRecord(cells);
            }
            out.flush();
        }
    }

    private static final String[] BLANKS = {"", "", "", "", "无", "-", "/", "NULL"};

    /** The mixed written forms of datasets.md, chosen per cell. */
    static String text(Object v, SplittableRandom fmt) {
        if (v == null) {
            return BLANKS[fmt.nextInt(BLANKS.length)];
        }
        if (v instanceof LocalDate d) {
            return date(d, fmt.nextInt(4));
        }
        if (v instanceof LocalDateTime t) {
            int form = fmt.nextInt(4);
            String time = t.getSecond() == 0 && fmt.nextBoolean()
                    ? String.format("%02d:%02d", t.getHour(), t.getMinute())
                    : String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            String sep = form == 0 && time.length() == 8 && fmt.nextBoolean() ? "T" : " ";
            return date(t.toLocalDate(), form) + sep + time;
        }
        return v.toString();
    }

    private static String date(LocalDate d, int form) {
        return switch (form) {
            case 0 -> d.toString();
            case 1 -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case 2 -> String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
            default -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        };
    }

    private static void writeXlsx(Path path, List<ColumnSpec> cols, List<Integer> order, List<Object[]> rows)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("数据");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle stampStyle = wb.createCellStyle();
            stampStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row head = sheet.createRow(0);
            for (int j = 0; j < order.size(); j++) {
                head.createCell(j).setCellValue(cols.get(order.get(j)).name());
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Object[] values = rows.get(r);
                for (int j = 0; j < order.size(); j++) {
                    Object v = values[order.get(j)];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(j);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(dateStyle);
                    } else if (v instanceof LocalDateTime t) {
                        cell.setCellValue(t);
                        cell.setCellStyle(stampStyle);
                    } else if (v instanceof Double n) {
                        cell.setCellValue(n);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(path)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }

    private static void writeAnswerKey(City city, Config config, Map<String, Integer> counts) throws IOException {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("asOf", config.asOf().toString());
        key.put("seed", config.seed());
        key.put("persons", city.people.size());
        key.put("files", counts);
        key.put("leads", city.expected.leads);
        key.put("why", city.expected.why);
        List<Map<String, String>> near = new ArrayList<>();
        for (Expected.NearMiss n : city.expected.nearMisses) {
            near.add(Map.of("key", n.key(), "why", n.why()));
        }
        key.put("nearMisses", near);
        Map<String, Object> venues = new TreeMap<>();
        for (List<City.Venue> list : city.venues.values()) {
            for (City.Venue v : list) {
                venues.put(v.code(), city.expected.venueLevel(v.code(), config.asOf()));
            }
        }
        key.put("venues", venues);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(config.out().resolve("expected-leads.json").toFile(), key);
    }
}

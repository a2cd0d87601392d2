package org.tongxin.ingest.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    @TempDir
    Path tmp;

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (f.toString().endsWith(".xlsx")) {
                    // A workbook's zip entries carry timestamps; compare what it says instead.
                    bytes = org.tongxin.ingest.read.TableReader.read(f).rows().stream()
                            .map(r -> String.join("\u0001", r.cells())).reduce("", (a, b) -> a + "\n" + b).getBytes();
                }
                out.put(f.getFileName().toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameCityAndAnotherSeedAnother() throws Exception {
        CityGenerator.generate(new CityGenerator.Config(400, 5, AS_OF, tmp.resolve("a")));
        CityGenerator.generate(new CityGenerator.Config(400, 5, AS_OF, tmp.resolve("b")));
        CityGenerator.generate(new CityGenerator.Config(400, 6, AS_OF, tmp.resolve("c")));
        assertThat(digests(tmp.resolve("a"))).isEqualTo(digests(tmp.resolve("b")));
        assertThat(digests(tmp.resolve("a")).get("police_residents.csv"))
                .isNotEqualTo(digests(tmp.resolve("c")).get("police_residents.csv"));
    }

    @Test
    void everyDatasetIsWrittenWithFormatNoise() throws Exception {
        Path out = tmp.resolve("city");
        CityGenerator.Result r = CityGenerator.generate(new CityGenerator.Config(1000, 3, AS_OF, out));
        assertThat(r.rowsPerFile()).hasSize(19).allSatisfy((f, n) -> assertThat(n).as(f).isPositive());
        assertThat(out.resolve("registry_venues.xlsx")).exists();
        byte[] hotel = Files.readAllBytes(out.resolve("police_hotel_stays.csv"));
        assertThat(new String(hotel, java.nio.charset.Charset.forName("GB18030"))).startsWith("登记编号");
        String residents = Files.readString(out.resolve("police_residents.csv"));
        assertThat(residents).contains("年").containsPattern("\\d{4}/\\d{1,2}/\\d{1,2}").containsPattern(",\\d{8},");
    }

    @Test
    void theAnswerKeyPlantsEveryRuleAndNoNearMissIsALead() throws Exception {
        Path out = tmp.resolve("city");
        CityGenerator.generate(new CityGenerator.Config(600, 11, AS_OF, out));
        JsonNode key = new ObjectMapper().readTree(out.resolve("expected-leads.json").toFile());
        assertThat(key.get("asOf").asText()).isEqualTo("2026-11-27");
        java.util.Set<String> rules = new java.util.TreeSet<>();
        for (Iterator<JsonNode> it = key.get("leads").elements(); it.hasNext(); ) {
            it.next().forEach(n -> rules.add(n.asText()));
        }
        assertThat(rules).containsExactly("R1.1", "R1.2", "R2.1", "R2.2", "R2.3", "R2.4", "R2.5", "R3.1", "R3.2",
                "R5.1", "R5.2", "R5.3", "R5.4", "R5.5", "R5.6", "R6.1", "R6.2", "R6.3", "R6.4", "R6.5", "R7.1",
                "R7.2", "R7.3");
        for (JsonNode near : key.get("nearMisses")) {
            assertThat(key.get("leads").has(near.get("key").asText())).as(near.toString()).isFalse();
        }
        java.util.Set<String> levels = new java.util.TreeSet<>();
        key.get("venues").forEach(v -> levels.add(v.get("level").asText()));
        assertThat(levels).containsExactly("green", "red", "yellow");
    }

    @Test
    void everyPupilsGradeFitsTheKindOfSchoolAndTheAge() throws Exception {
        Path out = tmp.resolve("grades");
        CityGenerator.generate(new CityGenerator.Config(1500, 7, AS_OF, out));
        Path file;
        try (Stream<Path> files = Files.list(out)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("edu_students")).findFirst().orElseThrow();
        }
        org.tongxin.ingest.read.Table t = org.tongxin.ingest.read.TableReader.read(file);
        int id = t.header().indexOf("身份证号");
        int school = t.header().indexOf("学校名称");
        int grade = t.header().indexOf("年级");
        Map<String, Integer> checked = new TreeMap<>();
        for (var row : t.rows()) {
            String[] cells = row.cells();
            if (row.error() != null || id >= cells.length) {
                continue;
            }
            var check = org.tongxin.model.id.IdNumber.check(cells[id]);
            String g = grade < cells.length && cells[grade] != null ? cells[grade].strip() : "";
            String name = school < cells.length && cells[school] != null ? cells[school].strip() : "";
            if (!check.valid() || g.isBlank() || name.isBlank()) {
                continue;
            }
            int age = check.id().ageAt(AS_OF);
            String where = name + " " + g + " age " + age;
            if (name.endsWith("小学")) {
                assertThat(g).as(where).matches("[一二三四五六]年级");
                assertThat(age).as(where).isBetween(6, 12);
            } else if (name.endsWith("初级中学")) {
                assertThat(g).as(where).matches("初[一二三]");
                assertThat(age).as(where).isBetween(11, 15);
            } else if (name.endsWith("高级中学")) {
                assertThat(g).as(where).matches("高[一二三]");
                assertThat(age).as(where).isBetween(14, 18);
            }
            checked.merge(name.replaceAll(".*第\\d+", ""), 1, Integer::sum);
        }
        assertThat(checked.keySet()).contains("小学", "初级中学", "高级中学");
    }
}

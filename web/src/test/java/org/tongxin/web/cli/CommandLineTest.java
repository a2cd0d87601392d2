package org.tongxin.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "ingest", "stats", "models", "leads", "venues", "profile", "serve", "demo", "users", "audit", "laws", "bench"})
    void everyCommandHasHelp(String command) {
        assertThat(TongxinCommand.run(command, "--help")).isZero();
        assertThat(out()).contains("Usage: tongxin " + command);
    }

    @Test
    void usersAddPrintsAGeneratedPasswordThatLogsIn(@TempDir Path state) {
        assertThat(TongxinCommand.run("users", "add", "wang.jian", "--role", "prosecutor", "--unit", "370612-JCY",
                "--state", state.toString())).isZero();
        String password = out().substring(out().indexOf("password: ") + 10).strip();
        assertThat(password).hasSize(16);
        var user = new org.tongxin.domain.user.UserStore(state).get("wang.jian").orElseThrow();
        assertThat(org.tongxin.domain.user.Passwords.matches(password, user.passwordHash())).isTrue();
        assertThat(user.passwordHash()).startsWith("$argon2id$").doesNotContain(password);
        assertThat(TongxinCommand.run("users", "add", "wang.jian", "--role", "analyst", "--state", state.toString())).isEqualTo(2);
        assertThat(err()).contains("already exists");
        assertThat(TongxinCommand.run("users", "add", "li", "--role", "judge", "--state", state.toString())).isEqualTo(2);
        assertThat(err()).contains("--role must be one of");
    }

    @Test
    void auditVerifyNamesTheFirstBrokenEntry(@TempDir Path state) throws Exception {
        try (var log = new org.tongxin.domain.audit.AuditLog(state)) {
            for (int i = 0; i < 4; i++) {
                log.append("u", "prosecutor", "lead.read", java.util.List.of("Lead:" + i), null, null);
            }
        }
        assertThat(TongxinCommand.run("audit", "verify", "--state", state.toString())).isZero();
        assertThat(out()).contains("intact: 4 entries");
        Path file = state.resolve("audit.jsonl");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(1, lines.get(1).replace("Lead:1", "Lead:9"));
        Files.write(file, lines);
        assertThat(TongxinCommand.run("audit", "verify", "--state", state.toString())).isEqualTo(1);
        assertThat(out()).contains("BROKEN at entry 2");
    }

    @Test
    void lawsSearchPrintsOneJsonObjectALineBestFirst() throws Exception {
        assertThat(TongxinCommand.run("laws", "search", "网吧", "未成年人", "--top", "3", "--format", "jsonl")).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(3);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var first = json.readTree(lines.get(0));
        assertThat(first.get("law").asText()).isEqualTo("未成年人保护法");
        assertThat(first.get("article").asText()).isEqualTo("第五十八条");
        assertThat(first.get("text").asText()).contains("互联网上网服务营业场所");
        assertThat(first.get("score").asDouble()).isGreaterThanOrEqualTo(json.readTree(lines.get(1)).get("score").asDouble());
        assertThat(TongxinCommand.run("laws", "search", "网吧", "--format", "xml")).isEqualTo(2);
        assertThat(err()).contains("--format");
    }

    @Test
    void lawsEvalPrintsRecallAtFiveAndMrrOverTheLabelledQueries() {
        assertThat(TongxinCommand.run("laws", "eval")).isZero();
        var m = java.util.regex.Pattern.compile("queries 20, found in top 5: (\\d+), recall@5 ([0-9.]+), MRR \\(ranks to 20\\) ([0-9.]+)").matcher(out());
        assertThat(m.find()).as(out()).isTrue();
        assertThat(Double.parseDouble(m.group(2))).isGreaterThanOrEqualTo(0.9);
        assertThat(Double.parseDouble(m.group(3))).isBetween(0.5, 1.0);
    }

    @Test
    void aMissingArgumentIsAClearErrorWithoutAStackTrace() {
        assertThat(TongxinCommand.run("generate")).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--out=DIR'").doesNotContain("\tat ");
    }

    @Test
    void aFailureInsideACommandIsOneLineWithExitCode2(@TempDir Path tmp) {
        assertThat(TongxinCommand.run("generate", "--persons", "5", "--out", tmp.toString())).isEqualTo(2);
        assertThat(err()).contains("error: persons must be between 100").doesNotContain("\tat ");
    }

    @Test
    void generateIngestAndStatsWorkTogether(@TempDir Path tmp) throws Exception {
        Path city = tmp.resolve("city");
        assertThat(TongxinCommand.run("generate", "--persons", "300", "--seed", "4", "--as-of", "2026-11-27",
                "--out", city.toString())).isZero();
        assertThat(out()).contains("answer key:");
        Path report = tmp.resolve("report.json");
        assertThat(TongxinCommand.run("ingest", city.toString(), "--store", tmp.resolve("store").toString(),
                "--bolt-port", "0", "--report", report.toString())).isZero();
        assertThat(out()).contains("police_residents.csv").contains("total");
        assertThat(err()).contains("Bolt bolt://127.0.0.1:");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("files")).hasSize(19);
        assertThat(json.get("files").get(0).get("read").asLong()).isPositive();
        assertThat(TongxinCommand.run("stats", "--store", tmp.resolve("store").toString(), "--bolt-port", "0")).isZero();
        assertThat(out()).contains("Person").contains("GUARDED_BY");
        assertThat(Files.readString(tmp.resolve("store/bolt-password")).strip()).hasSizeGreaterThan(16);
    }

    @Test
    void modelsLeadsVenuesAndProfileRunOnALoadedCityAndBothEnginesPrintTheSameLeads(@TempDir Path tmp) throws Exception {
        Path city = tmp.resolve("city");
        String store = tmp.resolve("store").toString();
        assertThat(TongxinCommand.run("generate", "--persons", "400", "--seed", "8", "--as-of", "2026-11-27",
                "--out", city.toString())).isZero();
        assertThat(TongxinCommand.run("ingest", city.toString(), "--store", store, "--bolt-port", "0")).isZero();
        out.reset();
        assertThat(TongxinCommand.run("models", "run", "--as-of", "2026-11-27", "--store", store, "--bolt-port", "0")).isZero();
        assertThat(out()).contains("guardianship").contains("R7.2=");
        out.reset();
        assertThat(TongxinCommand.run("leads", "--as-of", "2026-11-27", "--store", store, "--bolt-port", "0")).isZero();
        String cypher = out();
        out.reset();
        assertThat(TongxinCommand.run("leads", "--as-of", "2026-11-27", "--engine", "gremlin", "--store", store,
                "--bolt-port", "0")).isZero();
        assertThat(out()).isEqualTo(cypher);
        java.util.List<String> lines = cypher.lines().toList();
        assertThat(lines).isSortedAccordingTo(java.util.Comparator.comparing(l -> l.substring(0, l.indexOf("\",\"model\""))));
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().contains("key", "model", "rules", "severity", "evidence", "legalBasis");
        for (String line : lines) {
            String summary = new ObjectMapper().readTree(line).get("summary").asText();
            assertThat(summary).as("facts of the case, without identity numbers").contains("依据：")
                    .doesNotContainPattern("\\d{17}[\\dX]");
        }
        out.reset();
        assertThat(TongxinCommand.run("venues", "--as-of", "2026-11-27", "--store", store, "--bolt-port", "0")).isZero();
        assertThat(out().lines()).allMatch(l -> l.matches("\\{\"venue\":\"[A-Z0-9]+\",\"level\":\"(green|yellow|red)\",\"leads\":\\d+}"));
        String minor = lines.stream().filter(l -> l.startsWith("{\"key\":\"guardianship:")).findFirst().orElseThrow()
                .replaceAll(".*guardianship:([0-9X]+).*", "$1");
        out.reset();
        assertThat(TongxinCommand.run("profile", minor, "--as-of", "2026-11-27", "--store", store, "--bolt-port", "0")).isZero();
        JsonNode profile = new ObjectMapper().readTree(out());
        assertThat(profile.get("identity").get("id").asText()).contains("********").doesNotContain(minor);
        assertThat(profile.get("measures")).isNotEmpty();
        assertThat(TongxinCommand.run("leads", "--engine", "sql", "--store", store, "--bolt-port", "0")).isEqualTo(2);
        assertThat(err()).contains("unknown engine 'sql'");
    }

    @Test
    void aFolderThatCannotBeLoadedIsRefusedWithAMessage(@TempDir Path tmp) throws Exception {
        Path city = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(city.resolve("civil_children.csv"), "身份证号,儿童类别\n");
        Files.writeString(city.resolve("civil_children.xlsx"), "");
        assertThat(TongxinCommand.run("ingest", city.toString(), "--store", tmp.resolve("store").toString(),
                "--bolt-port", "0")).isEqualTo(2);
        assertThat(err()).contains("both a .csv and an .xlsx of dataset civil_children");
    }
}

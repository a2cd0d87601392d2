package org.tongxin.api.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.tongxin.api.TestCity;
import org.tongxin.domain.lead.Departments;
import org.tongxin.domain.persistence.Casework;
import org.tongxin.domain.user.Role;
import org.tongxin.ingest.mapping.Mappings;

/**
 * {@code GET /api/labels} names, in Chinese and English, every node label, relationship type and property key (a
 * derived key by its template over a named key) — those the casework entities declare, whether or not a test has
 * stored one yet, and whatever else the shared test city holds when this runs — every dataset with its department,
 * every role, department and status, and every action the audit log has recorded or the code writes.
 */
class LabelsApiTest {

    private static TestCity city;
    private static JsonNode labels;

    @BeforeAll
    static void city() throws Exception {
        city = TestCity.get();
        labels = city.as(Role.VOLUNTEER).get("/api/labels").json();
    }

    private static TreeSet<String> strings(String cypher) {
        try (Session s = city.store.driver().session()) {
            return new TreeSet<>(s.run(cypher).single().get(0).asList(Value::asString));
        }
    }

    /** Every entry of the section has a non-blank Chinese and English name. */
    private static void bothNames(JsonNode section, String what) {
        assertThat(section.size()).as(what).isPositive();
        section.fields().forEachRemaining(e -> {
            assertThat(e.getValue().path("zh").asText()).as(what + " " + e.getKey() + " zh").isNotBlank();
            assertThat(e.getValue().path("en").asText()).as(what + " " + e.getKey() + " en").isNotBlank();
        });
    }

    private static boolean named(String key) {
        if (labels.get("properties").has(key)) {
            return true;
        }
        for (JsonNode d : labels.get("derived")) {
            String p = d.get("prefix").asText();
            String s = d.get("suffix").asText();
            if (key.length() > p.length() + s.length() && key.startsWith(p) && key.endsWith(s)
                    && labels.get("properties").has(key.substring(p.length(), key.length() - s.length()))) {
                return true;
            }
        }
        return false;
    }

    /** Whatever the shared city holds when this runs (more after the casework tests, never less than the data). */
    @Test
    void everyLabelTypeAndKeyOfTheCityIsNamedInBothLanguages() {
        TreeSet<String> kinds = strings("MATCH (n) UNWIND labels(n) AS l RETURN collect(DISTINCT l)");
        assertThat(kinds).contains("Person", "Record", "HotelStay");
        assertThat(kinds.stream().filter(k -> !labels.get("kinds").has(k)).toList()).as("unnamed kinds").isEmpty();
        TreeSet<String> types = strings("MATCH ()-[r]->() RETURN collect(DISTINCT type(r))");
        assertThat(types.stream().filter(t -> !labels.get("relations").has(t)).toList()).as("unnamed relations").isEmpty();
        TreeSet<String> keys = strings("MATCH (n) UNWIND keys(n) AS k RETURN collect(DISTINCT k)");
        keys.addAll(strings("MATCH ()-[r]->() UNWIND keys(r) AS k RETURN collect(DISTINCT k)"));
        assertThat(keys).contains("address", "name", "lat");
        assertThat(keys.stream().filter(k -> !named(k)).toList()).as("unnamed property keys").isEmpty();
        bothNames(labels.get("kinds"), "kind");
        bothNames(labels.get("relations"), "relation");
        bothNames(labels.get("properties"), "property");
        assertThat(labels.at("/kinds/Person/zh").asText()).isEqualTo("人员");
        assertThat(labels.at("/properties/name/zh").asText()).isEqualTo("名称");
        assertThat(labels.at("/properties/address/en").asText()).isEqualTo("address");
        assertThat(labels.at("/kinds/HotelStay/zh").asText()).as("a record kind by its dataset's title")
                .isEqualTo(Mappings.bundled().get("police_hotel_stays").orElseThrow().title());
    }

    /** Independent of what other tests stored before: what the Spring Data entities can write at all. */
    @Test
    void everyKindKeyAndRelationOfTheCaseworkEntitiesIsNamed() {
        List<Casework.Stored> stored = Casework.stored();
        assertThat(stored).extracting(Casework.Stored::label)
                .contains("Order", "CaseStep", "Submission", "ClassBooking", "Course", "SavedView");
        assertThat(stored).flatExtracting(Casework.Stored::properties).contains("minorName", "by", "seq");
        assertThat(stored).flatExtracting(Casework.Stored::relationships).contains("STEP", "OF_COURSE");
        List<String> unnamed = new ArrayList<>();
        for (Casework.Stored e : stored) {
            if (!labels.get("kinds").has(e.label())) {
                unnamed.add("kind " + e.label());
            }
            e.properties().stream().filter(k -> !named(k)).forEach(k -> unnamed.add(e.label() + "." + k));
            e.relationships().stream().filter(t -> !labels.get("relations").has(t))
                    .forEach(t -> unnamed.add(e.label() + " -[" + t + "]->"));
        }
        assertThat(unnamed).as("unnamed in labels.yaml").isEmpty();
    }

    @Test
    void everyDatasetHasItsTitleAndDepartmentInBothLanguages() {
        JsonNode datasets = labels.get("datasets");
        Mappings.bundled().all().forEach(m -> {
            JsonNode d = datasets.get(m.dataset());
            assertThat(d).as(m.dataset()).isNotNull();
            assertThat(d.get("zh").asText()).isEqualTo(m.title());
            assertThat(d.get("department").asText()).isEqualTo(m.department());
            assertThat(d.get("en").asText()).as(m.dataset() + " en").isNotBlank().isNotEqualTo(m.title());
            assertThat(d.get("departmentEn").asText()).as(m.dataset() + " department en")
                    .isNotBlank().isNotEqualTo(m.department());
        });
    }

    @Test
    void rolesDepartmentsAndStatusesAreNamed() {
        bothNames(labels.get("roles"), "role");
        for (Role r : Role.values()) {
            assertThat(labels.at("/roles/" + r.code() + "/zh").asText()).isEqualTo(r.zh());
        }
        bothNames(labels.get("departments"), "department");
        assertThat(labels.get("departments").size()).isEqualTo(Departments.all().size());
        for (String kind : List.of("lead", "order", "submission", "booking")) {
            bothNames(labels.get("statuses").get(kind), kind + " status");
        }
        assertThat(labels.at("/statuses/lead/reviewing/zh").asText()).isEqualTo("核查中");
        assertThat(labels.at("/statuses/booking/delivered/zh").asText()).isEqualTo("已授课");
    }

    @Test
    void everyAuditedActionIsNamed() throws IOException {
        bothNames(labels.get("actions"), "action");
        city.http.get("/api/meta");
        List<String> recorded = city.services.access().audit().recent(e -> true, Integer.MAX_VALUE).stream()
                .map(e -> e.action()).distinct().toList();
        assertThat(recorded).contains("login");
        assertThat(recorded.stream().filter(a -> !labels.get("actions").has(a)).toList()).as("unnamed recorded actions").isEmpty();
        assertThat(writtenActions()).contains("login", "node.read", "export.docx")
                .allSatisfy(a -> assertThat(labels.get("actions").has(a)).as("action " + a + " written by the code").isTrue());
    }

    /** The action codes the api module's sources write: {@code access.record(ctx, "x", …)}, {@code audit.append(…, "x", …)}. */
    private static List<String> writtenActions() throws IOException {
        Pattern record = Pattern.compile("\\.record\\(ctx, \"([a-z.]+)\"");
        Pattern append = Pattern.compile("audit\\.append\\([^;]*?, \"([a-z.]+)\", List");
        Path root = Path.of("src/main/java/org/tongxin/api");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                for (Pattern p : List.of(record, append)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out.stream().distinct().toList();
    }
}

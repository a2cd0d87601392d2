package org.tongxin.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Errors;
import org.tongxin.api.http.Json;
import org.tongxin.api.http.Types;
import org.tongxin.domain.user.Role;

/**
 * The generator on records defined here: each kind of component gets the schema the answer really has — and, the
 * other way round, what the server's JSON mapper writes for an instance passes {@link SchemaCheck} against it.
 */
class SchemasTest {

    /** The mapper the server writes its answers with. */
    private static final ObjectMapper SERVER = Json.mapper();

    enum Severity { RED, AMBER, @JsonProperty("green-ish") GREEN }

    record Place(String code, String name, double lat, double lon) {
    }

    record Lead(String ref, int score, boolean open, Severity severity, Place place, List<Place> places, Set<String> rules,
                Map<String, Integer> counts, Map<String, Object> properties, LocalDate day, LocalDateTime at,
                OffsetDateTime offset, Instant instant, BigDecimal amount, Long maybe, Object anything,
                @JsonProperty("rule-count") int ruleCount, @JsonIgnore String secret) {
    }

    /**
     * Optional components: described as a nullable X, which is what Jackson's jdk8 module writes. (The server's mapper
     * has no such module and refuses to write an Optional: an answer record should not have one.)
     */
    record Maybe(Optional<String> note, Optional<Place> home) {
    }

    /** Recursive: a tree of nodes. */
    record Node(String id, List<Node> children, Node parent) {
    }

    static final class Orders {
        record Draft(String text) {
        }
    }

    static final class Leads {
        record Draft(int number) {
        }
    }

    record Page<T>(List<T> items, long total) {
    }

    private static ObjectNode componentsOf(Type... types) {
        Schemas s = Schemas.over(SERVER, List.of(types), Map.of());
        for (Type t : types) {
            s.schema(t);
        }
        return s.components();
    }

    @Test
    void aRecordIsAnObjectWithItsComponentsAsProperties() {
        ObjectNode c = componentsOf(Lead.class);
        JsonNode lead = c.get("Lead");
        assertThat(lead.get("type").asText()).isEqualTo("object");
        JsonNode p = lead.get("properties");
        assertThat(p.get("ref").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(p.get("score").toString()).isEqualTo("{\"type\":\"integer\",\"format\":\"int32\"}");
        assertThat(p.get("open").toString()).isEqualTo("{\"type\":\"boolean\"}");
        assertThat(p.get("severity").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/Severity\"}");
        assertThat(p.get("place").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/Place\"}");
        assertThat(p.get("places").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Place\"}}");
        assertThat(p.get("rules").toString()).isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}");
        assertThat(p.get("counts").toString())
                .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\",\"format\":\"int32\"}}");
        assertThat(p.get("properties").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(p.get("day").toString()).isEqualTo("{\"type\":\"string\",\"format\":\"date\"}");
        assertThat(p.get("at").toString()).isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
        assertThat(p.get("offset").get("format").asText()).isEqualTo("date-time");
        assertThat(p.get("instant").get("format").asText()).isEqualTo("date-time");
        assertThat(p.get("amount").toString()).isEqualTo("{\"type\":\"number\"}");
        assertThat(p.get("maybe").toString()).isEqualTo("{\"type\":\"integer\",\"format\":\"int64\"}");
        assertThat(p.get("anything").toString()).isEqualTo("{}");
        assertThat(p.has("rule-count")).as("@JsonProperty names the field").isTrue();
        assertThat(p.has("ruleCount")).isFalse();
        assertThat(p.has("secret")).as("@JsonIgnore").isFalse();
        assertThat(fieldNames(p)).as("declaration order").startsWith("ref", "score", "open", "severity", "place");
        assertThat(lead.get("required").toString()).as("the primitive components")
                .isEqualTo("[\"score\",\"open\",\"rule-count\"]");
        assertThat(c.get("Place").get("required").toString()).isEqualTo("[\"lat\",\"lon\"]");
    }

    @Test
    void anOptionalIsANullableValue() {
        JsonNode p = componentsOf(Maybe.class).get("Maybe").get("properties");
        assertThat(p.get("note").toString()).isEqualTo("{\"type\":\"string\",\"nullable\":true}");
        assertThat(p.get("home").toString())
                .isEqualTo("{\"allOf\":[{\"$ref\":\"#/components/schemas/Place\"}],\"nullable\":true}");
    }

    @Test
    void anEnumIsAStringWithTheValuesJacksonWrites() {
        assertThat(componentsOf(Severity.class).get("Severity").toString())
                .isEqualTo("{\"type\":\"string\",\"enum\":[\"RED\",\"AMBER\",\"green-ish\"]}");
    }

    @Test
    void listsAndMapsOfRecordsAreInlineAroundARef() {
        Schemas s = Schemas.over(SERVER, List.of(Types.listOf(Place.class), Types.mapOf(Place.class)), Map.of());
        assertThat(s.schema(Types.listOf(Place.class)).toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Place\"}}");
        assertThat(s.schema(Types.mapOf(Place.class)).toString())
                .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"$ref\":\"#/components/schemas/Place\"}}");
        assertThat(s.schema(Types.mapOf(Object.class)).toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(s.components().fieldNames()).toIterable().containsExactly("Place");
    }

    @Test
    void aRecursiveTypeRefersToItself() {
        JsonNode node = componentsOf(Node.class).get("Node");
        assertThat(node.get("properties").get("children").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Node\"}}");
        assertThat(node.get("properties").get("parent").toString()).isEqualTo("{\"$ref\":\"#/components/schemas/Node\"}");
    }

    @Test
    void classesOfTheSameNameAreNamedWithTheirEnclosingClass() {
        ObjectNode c = componentsOf(Orders.Draft.class, Leads.Draft.class, Place.class);
        assertThat(c.fieldNames()).toIterable().containsExactlyInAnyOrder("Orders_Draft", "Leads_Draft", "Place");
        assertThat(c.get("Orders_Draft").get("properties").has("text")).isTrue();
        assertThat(c.get("Leads_Draft").get("properties").has("number")).isTrue();
    }

    @Test
    void aGenericRecordIsNamedWithItsArgument() {
        Type page = new com.fasterxml.jackson.core.type.TypeReference<Page<Place>>() { }.getType();
        ObjectNode c = componentsOf(page);
        assertThat(c.get("Page_Place").get("properties").get("items").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Place\"}}");
    }

    @Test
    void whatTheServerWritesPassesTheCheckAgainstTheSchema() {
        Place place = new Place("V1", "网咖", 37.4, 121.6);
        Lead lead = new Lead("abc", 7, true, Severity.GREEN, place, List.of(place, place), Set.of("R6.1"),
                Map.of("a", 1), new LinkedHashMap<>(Map.of("k", List.of(1, "x"))), LocalDate.of(2026, 11, 27),
                LocalDateTime.of(2026, 11, 27, 9, 30), OffsetDateTime.of(2026, 11, 27, 9, 30, 0, 0, ZoneOffset.ofHours(8)),
                Instant.parse("2026-11-27T01:30:00Z"), new BigDecimal("1.50"), null, Map.of("any", true), 1, "hidden");
        Node tree = new Node("root", List.of(new Node("leaf", List.of(), null)), null);
        ObjectNode c = componentsOf(Lead.class, Node.class);
        Schemas s = Schemas.over(SERVER, List.of(Lead.class, Node.class), Map.of());
        JsonNode leadJson = SERVER.valueToTree(lead);
        assertThat(leadJson.has("secret")).isFalse();
        assertThat(SchemaCheck.problems(c, s.schema(Lead.class), leadJson)).isEmpty();
        assertThat(SchemaCheck.problems(c, s.schema(Node.class), SERVER.valueToTree(tree))).isEmpty();
    }

    @Test
    void theCheckFindsAnUndeclaredFieldAMissingRequiredOneAndAWrongType() {
        ObjectNode c = componentsOf(Place.class);
        Schemas s = Schemas.over(SERVER, List.of(Place.class), Map.of());
        ObjectNode json = SERVER.valueToTree(new Place("V1", "网咖", 37.4, 121.6));
        json.put("extra", 1);
        json.remove("lat");
        json.put("name", 5);
        assertThat(SchemaCheck.problems(c, s.schema(Place.class), json)).containsExactlyInAnyOrder(
                "$: required field lat is missing", "$.extra: field not declared in the schema",
                "$.name: number 5 where a string is declared");
        JsonNode list = SERVER.valueToTree(List.of(Map.of("code", "x", "lat", 1, "lon", 2, "zone", "y")));
        assertThat(SchemaCheck.problems(c, s.schema(Types.listOf(Place.class)), list))
                .containsExactly("$[0].zone: field not declared in the schema");
    }

    @Test
    void theDocumentDescribesTheDeclaredTypesAndTheErrorBody() {
        record Answer(String id, LocalDate day) {
        }
        record Body(String text) {
        }
        List<Endpoint> endpoints = List.of(
                Endpoint.get("/x", "t", "一", List.of(), ctx -> { }).returns(Types.listOf(Answer.class)).allow(Role.PROSECUTOR),
                Endpoint.post("/y", "t", "二", List.of(Endpoint.Param.body("正文")), ctx -> { }).accepts(Body.class)
                        .returns(Answer.class).allow(Role.PROSECUTOR),
                Endpoint.get("/z", "t", "三", List.of(), ctx -> { }).allow(Role.ANALYST));
        ObjectNode doc = OpenApi.document(endpoints, "1");
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.fieldNames()).toIterable().containsExactly("Answer", "Body", "Error");
        assertThat(schemas.get("Error").get("properties").toString()).isEqualTo(
                "{\"status\":{\"type\":\"integer\",\"format\":\"int32\"},\"code\":{\"type\":\"string\"},\"error\":{\"type\":\"string\"}}");
        JsonNode x = doc.get("paths").get("/x").get("get");
        assertThat(x.get("responses").get("200").get("content").get("application/json").get("schema").toString())
                .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Answer\"}}");
        assertThat(x.get("responses").get("404").get("content").get("application/json").get("schema").toString())
                .isEqualTo("{\"$ref\":\"#/components/schemas/Error\"}");
        assertThat(x.get("x-roles").toString()).isEqualTo("[\"prosecutor\"]");
        JsonNode y = doc.get("paths").get("/y").get("post");
        assertThat(y.get("requestBody").get("content").get("application/json").get("schema").toString())
                .isEqualTo("{\"$ref\":\"#/components/schemas/Body\"}");
        assertThat(doc.get("paths").get("/z").get("get").get("responses").get("200").get("content")
                .get("application/json").get("schema").toString()).isEqualTo("{\"type\":\"object\"}");
        assertThat(doc.get("components").get("securitySchemes").get("session").get("in").asText()).isEqualTo("cookie");
        // The error body the server writes fits the Error schema.
        assertThat(SchemaCheck.problems(schemas, schemas.get("Error"),
                SERVER.valueToTree(new Errors.ErrorBody(404, "lead.not-found", "没有这条线索")))).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package org.tongxin.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON answer against an OpenAPI 3.0 schema, as far as the generator writes them: every field of an object
 * is declared (unless {@code additionalProperties} says otherwise), every required field is there, and each value
 * has the declared type, format and enum value. A field that is not required may be null — a record's reference
 * component; elsewhere null needs {@code nullable}. Returns the problems, each with the JSON path where it is.
 */
public final class SchemaCheck {

    private static final String REF_PREFIX = "#/components/schemas/";
    private final JsonNode schemas;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(JsonNode schemas) {
        this.schemas = schemas;
    }

    /** The problems of this value against this schema, whose $refs point into {@code components/schemas}. */
    public static List<String> problems(JsonNode componentSchemas, JsonNode schema, JsonNode value) {
        SchemaCheck check = new SchemaCheck(componentSchemas);
        check.check(schema, value, "$", false, 0);
        return check.problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, boolean nullAllowed, int depth) {
        if (depth > 64) {
            problems.add(at + ": nested deeper than 64");
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = ref.startsWith(REF_PREFIX) ? schemas.get(ref.substring(REF_PREFIX.length())) : null;
            if (target == null) {
                problems.add(at + ": unresolved " + ref);
                return;
            }
            check(target, value, at, nullAllowed || schema.path("nullable").asBoolean(), depth + 1);
            return;
        }
        boolean nullable = nullAllowed || schema.path("nullable").asBoolean();
        if (value == null || value.isNull()) {
            if (!nullable) {
                problems.add(at + ": null where " + describe(schema) + " is declared");
            }
            return;
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                check(part, value, at, nullable, depth + 1);
            }
        }
        if (!schema.has("type")) {
            return; // any value
        }
        String type = schema.get("type").asText();
        switch (type) {
            case "object" -> object(schema, value, at, depth);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": " + kind(value) + " where an array is declared");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), at + "[" + i + "]", false, depth + 1);
                }
            }
            case "string" -> string(schema, value, at);
            case "integer" -> {
                if (!value.isIntegralNumber() && !(value.isNumber() && value.canConvertToExactIntegral())) {
                    problems.add(at + ": " + kind(value) + " where an integer is declared");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": " + kind(value) + " where a number is declared");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": " + kind(value) + " where a boolean is declared");
                }
            }
            default -> problems.add(at + ": unknown schema type " + type);
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, int depth) {
        if (!value.isObject()) {
            problems.add(at + ": " + kind(value) + " where an object is declared");
            return;
        }
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (String name : required) {
            if (!value.has(name) || value.get(name).isNull()) {
                problems.add(at + ": required field " + name + " is missing");
            }
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String where = at + "." + field.getKey();
            if (properties != null && properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), where, !required.contains(field.getKey()), depth + 1);
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), where, false, depth + 1);
            } else if (properties != null && (additional == null || !additional.asBoolean(false))) {
                problems.add(where + ": field not declared in the schema");
            }
        }
    }

    private void string(JsonNode schema, JsonNode value, String at) {
        if (!value.isTextual()) {
            problems.add(at + ": " + kind(value) + " where a string is declared");
            return;
        }
        String text = value.asText();
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asText().equals(text);
            }
            if (!listed) {
                problems.add(at + ": \"" + text + "\" is not one of " + schema.get("enum"));
            }
        }
        try {
            switch (schema.path("format").asText()) {
                case "date" -> LocalDate.parse(text);
                case "date-time" -> {
                    try {
                        OffsetDateTime.parse(text);
                    } catch (DateTimeParseException e) {
                        LocalDateTime.parse(text);
                    }
                }
                default -> {
                }
            }
        } catch (DateTimeParseException e) {
            problems.add(at + ": \"" + text + "\" is not a " + schema.get("format").asText());
        }
    }

    private static String describe(JsonNode schema) {
        return schema.has("type") ? schema.get("type").asText() : schema.toString();
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + abbreviate(value.toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}

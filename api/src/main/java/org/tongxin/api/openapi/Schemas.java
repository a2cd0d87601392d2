package org.tongxin.api.openapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * OpenAPI 3.0 schemas derived from Java types by reflection, the way Jackson writes them: a record (or any bean)
 * becomes an {@code object} whose properties are the names Jackson uses ({@code @JsonProperty}, {@code @JsonIgnore}
 * honoured), listed once under {@code components/schemas} and referred to by {@code $ref} — so recursive types
 * are fine. Primitive components are {@code required}; other fields may be null. Collections are arrays,
 * {@code Map<String, X>} an object with {@code additionalProperties}, enums strings with their values,
 * {@code Optional<X>} a nullable X, {@code Object} anything.
 *
 * <p>Components are named by the simple class name; where two classes share one, both are named with their
 * enclosing classes ({@code Orders.Draft} → {@code Orders_Draft}), and failing that with their package.
 * {@link #over} walks every type first, so the names do not depend on the order types are met.
 */
public final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String REF_PREFIX = "#/components/schemas/";
    /** The most detailed level of {@link #name}: fully qualified. */
    private static final int LAST_LEVEL = 4;

    private final ObjectMapper mapper;
    /** Final names; null while discovering. */
    private final Map<JavaType, String> names;
    /** Named types met, in the order they were met (discovery), or the component written for each (final). */
    private final Map<JavaType, ObjectNode> components = new LinkedHashMap<>();

    private Schemas(ObjectMapper mapper, Map<JavaType, String> names) {
        this.mapper = mapper;
        this.names = names;
    }

    /**
     * A generator for these types (every type the document will ask about), with component names fixed up front;
     * {@code fixedNames} name some classes outright (the error body is {@code Error}).
     */
    public static Schemas over(ObjectMapper mapper, Collection<? extends Type> types, Map<Class<?>, String> fixedNames) {
        Schemas discovery = new Schemas(mapper, null);
        for (Type t : types) {
            discovery.schema(t);
        }
        return new Schemas(mapper, assignNames(discovery.components.keySet(), fixedNames));
    }

    /** The schema for this type: inline for scalars, arrays and maps, a {@code $ref} for records, beans and enums. */
    public ObjectNode schema(Type type) {
        return schema(mapper.getTypeFactory().constructType(type));
    }

    /** The {@code components/schemas} object: every named schema met so far, sorted by name. */
    public ObjectNode components() {
        Map<String, ObjectNode> sorted = new TreeMap<>();
        components.forEach((type, schema) -> sorted.put(names.get(type), schema));
        ObjectNode out = NODES.objectNode();
        sorted.forEach(out::set);
        return out;
    }

    /** The component name of this class (as met through {@link #schema}), or null. */
    public String nameOf(Type type) {
        return names == null ? null : names.get(mapper.getTypeFactory().constructType(type));
    }

    private ObjectNode schema(JavaType t) {
        Class<?> raw = t.getRawClass();
        ObjectNode scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw == Optional.class) {
            return nullable(schema(t.containedTypeOrUnknown(0)));
        }
        if (raw == OptionalInt.class || raw == OptionalLong.class) {
            return nullable(type("integer"));
        }
        if (raw == OptionalDouble.class) {
            return nullable(type("number"));
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return NODES.objectNode();
        }
        if (t.isArrayType() || t.isCollectionLikeType()) {
            ObjectNode array = type("array");
            array.set("items", schema(t.getContentType()));
            if (Set.class.isAssignableFrom(raw)) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        if (t.isMapLikeType()) {
            ObjectNode map = type("object");
            if (t.getContentType().getRawClass() != Object.class) {
                map.set("additionalProperties", schema(t.getContentType()));
            }
            return map;
        }
        return reference(t);
    }

    /** A {@code $ref} to the component of a record, bean or enum, writing the component the first time. */
    private ObjectNode reference(JavaType t) {
        if (!components.containsKey(t)) {
            ObjectNode component = NODES.objectNode();
            components.put(t, component); // before its properties: a recursive type refers to itself
            component.setAll(t.isEnumType() ? enumeration(t.getRawClass()) : bean(t));
        }
        String name = names == null ? t.getRawClass().getSimpleName() : names.get(t);
        if (name == null) {
            throw new IllegalStateException(t + " was not among the types given to Schemas.over");
        }
        ObjectNode ref = NODES.objectNode();
        ref.put("$ref", REF_PREFIX + name);
        return ref;
    }

    private ObjectNode enumeration(Class<?> raw) {
        ObjectNode schema = type("string");
        ArrayNode values = schema.putArray("enum");
        for (Object constant : raw.getEnumConstants()) {
            JsonNode written = mapper.valueToTree(constant);
            values.add(written.isTextual() ? written.asText() : written.toString());
        }
        return schema;
    }

    private ObjectNode bean(JavaType t) {
        BeanDescription description = mapper.getSerializationConfig().introspect(t);
        AnnotatedMember value = description.findJsonValueAccessor();
        if (value != null) {
            return schema(value.getType());
        }
        ObjectNode schema = type("object");
        ObjectNode properties = schema.putObject("properties");
        List<String> required = new ArrayList<>();
        for (BeanPropertyDefinition p : description.findProperties()) {
            if (!p.couldSerialize() || p.getAccessor() == null) {
                continue;
            }
            properties.set(p.getName(), schema(p.getPrimaryType()));
            if (p.getRawPrimaryType().isPrimitive()) {
                required.add(p.getName());
            }
        }
        if (!required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            required.forEach(list::add);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode scalar(Class<?> raw) {
        if (raw == String.class || raw == char.class || raw == Character.class || CharSequence.class.isAssignableFrom(raw)) {
            return type("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return type("boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            return format("integer", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return format("integer", "int64");
        }
        if (raw == BigInteger.class) {
            return type("integer");
        }
        if (raw == double.class || raw == Double.class) {
            return format("number", "double");
        }
        if (raw == float.class || raw == Float.class) {
            return format("number", "float");
        }
        if (raw == BigDecimal.class || (Number.class.isAssignableFrom(raw) && raw.getName().startsWith("java."))) {
            return type("number");
        }
        if (raw == LocalDate.class) {
            return format("string", "date");
        }
        if (raw == LocalDateTime.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class || raw == Instant.class) {
            return format("string", "date-time");
        }
        if (raw == LocalTime.class) {
            return format("string", "time");
        }
        if (raw == UUID.class) {
            return format("string", "uuid");
        }
        if (raw == URI.class) {
            return format("string", "uri");
        }
        if (raw == byte[].class) {
            return format("string", "byte");
        }
        return null;
    }

    private static ObjectNode type(String type) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", type);
        return schema;
    }

    private static ObjectNode format(String type, String format) {
        ObjectNode schema = type(type);
        schema.put("format", format);
        return schema;
    }

    /** OpenAPI 3.0 ignores siblings of {@code $ref}, so a nullable reference is wrapped in {@code allOf}. */
    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode out = schema;
        if (schema.has("$ref")) {
            out = NODES.objectNode();
            out.putArray("allOf").add(schema);
        } else {
            out = schema.deepCopy();
        }
        out.put("nullable", true);
        return out;
    }

    // ---- names ----

    private static Map<JavaType, String> assignNames(Collection<JavaType> types, Map<Class<?>, String> fixedNames) {
        Map<JavaType, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<JavaType> open = new ArrayList<>();
        for (JavaType t : types) {
            String fixed = t.hasGenericTypes() ? null : fixedNames.get(t.getRawClass());
            if (fixed != null) {
                names.put(t, fixed);
                taken.add(fixed);
            } else {
                open.add(t);
            }
        }
        // Ever longer names until each is unique: simple name, with its enclosing class, with all enclosing classes,
        // with the package's last part, fully qualified.
        for (int level = 0; level <= LAST_LEVEL && !open.isEmpty(); level++) {
            Map<String, List<JavaType>> byName = new HashMap<>();
            for (JavaType t : open) {
                byName.computeIfAbsent(name(t, level), n -> new ArrayList<>()).add(t);
            }
            List<JavaType> stillOpen = new ArrayList<>();
            for (Map.Entry<String, List<JavaType>> e : byName.entrySet()) {
                if (e.getValue().size() == 1 && !taken.contains(e.getKey()) || level == LAST_LEVEL) {
                    e.getValue().forEach(t -> names.put(t, e.getKey()));
                    taken.add(e.getKey());
                } else {
                    stillOpen.addAll(e.getValue());
                }
            }
            open = stillOpen;
        }
        return names;
    }

    /**
     * The name of a type at a level of detail: 0 simple ({@code Draft}), 1 with its enclosing class
     * ({@code Orders_Draft}), 2 with all enclosing classes, 3 also the package's last part ({@code order_Orders_Draft}),
     * 4 fully qualified. Type arguments follow, joined by {@code _} ({@code Page_Lead}).
     */
    private static String name(JavaType t, int level) {
        Class<?> raw = t.getRawClass();
        StringBuilder name = new StringBuilder();
        if (level >= LAST_LEVEL) {
            name.append(raw.getName().replaceAll("[^A-Za-z0-9]+", "_"));
        } else {
            name.append(raw.getSimpleName());
            int depth = level == 0 ? 0 : level == 1 ? 1 : Integer.MAX_VALUE;
            Class<?> outer = raw.getEnclosingClass();
            for (int i = 0; i < depth && outer != null; i++, outer = outer.getEnclosingClass()) {
                name.insert(0, outer.getSimpleName() + "_");
            }
            if (level >= 3 && !raw.getPackageName().isEmpty()) {
                String pkg = raw.getPackageName();
                name.insert(0, pkg.substring(pkg.lastIndexOf('.') + 1) + "_");
            }
        }
        for (int i = 0; i < t.containedTypeCount(); i++) {
            name.append('_').append(name(t.containedType(i), level == LAST_LEVEL ? 0 : level));
        }
        return name.toString();
    }
}

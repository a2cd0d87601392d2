package org.tongxin.api.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Errors;
import org.tongxin.api.http.Json;
import org.tongxin.domain.user.Role;
import org.tongxin.api.security.Sessions;

/**
 * The OpenAPI 3.0 description of the endpoint table; served at {@code /openapi.json}. The request and answer
 * schemas are derived from the types the endpoints declare ({@link Endpoint#accepts}, {@link Endpoint#returns}) by
 * {@link Schemas}; a JSON endpoint that declares none is described as a bare {@code object}.
 */
public final class OpenApi {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The name of the error body's schema. */
    public static final String ERROR = "Error";
    private static final String SESSION = "session";

    private OpenApi() {
    }

    public static ObjectNode document(List<Endpoint> endpoints, String version) {
        return document(endpoints, version, Json.mapper());
    }

    /** The document, with schemas as this mapper writes the types (by default the server's, {@link Json#mapper}). */
    public static ObjectNode document(List<Endpoint> endpoints, String version, ObjectMapper mapper) {
        List<Type> types = new ArrayList<>();
        types.add(Errors.ErrorBody.class);
        endpoints.stream().flatMap(e -> Stream.of(e.accepts(), e.returns())).filter(Objects::nonNull).forEach(types::add);
        Schemas schemas = Schemas.over(mapper, types, Map.of(Errors.ErrorBody.class, ERROR));

        ObjectNode doc = NODES.objectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "童心 Tongxin API");
        info.put("version", version);
        info.put("description", "未成年人检察大数据法律监督平台：线索、图谱探索、只读 Cypher、场所热力、帮教画像与案卷导出。"
                + " Errors are {\"status\": n, \"code\": \"…\", \"error\": \"…\"} (the message in the language of"
                + " Accept-Language); identity and mobile numbers are masked. Sign in with POST /api/login: the session"
                + " is a cookie, and every request but GET sends the CSRF token it returned in the " + Sessions.CSRF_HEADER
                + " header. In the answers, a field not listed as required may be null.");
        doc.putArray("security").addObject().putArray(SESSION);

        ObjectNode paths = doc.putObject("paths");
        for (Endpoint e : endpoints) {
            ObjectNode item = paths.has(e.path()) ? (ObjectNode) paths.get(e.path()) : paths.putObject(e.path());
            item.set(e.method().toLowerCase(Locale.ROOT), operation(e, schemas));
        }

        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas.components());
        ObjectNode session = components.putObject("securitySchemes").putObject(SESSION);
        session.put("type", "apiKey");
        session.put("in", "cookie");
        session.put("name", Sessions.COOKIE);
        session.put("description", "登录后设置的会话 Cookie (HttpOnly, SameSite=Strict)");
        return doc;
    }

    private static ObjectNode operation(Endpoint e, Schemas schemas) {
        ObjectNode op = NODES.objectNode();
        op.putArray("tags").add(e.tag());
        op.put("summary", e.summary());
        op.put("operationId", e.method().toLowerCase(Locale.ROOT) + e.path().replaceAll("[^A-Za-z0-9]+", "_"));
        if (e.open()) {
            op.putArray("security");
        } else {
            ArrayNode roles = op.putArray("x-roles");
            e.roles().stream().sorted(Comparator.naturalOrder()).map(Role::code).forEach(roles::add);
            op.put("description", "角色 roles: " + String.join(", ", e.roles().stream().sorted().map(Role::code).toList()));
        }
        ArrayNode params = NODES.arrayNode();
        for (Endpoint.Param p : e.params()) {
            if (p.in().equals("body")) {
                ObjectNode body = op.putObject("requestBody");
                body.put("required", true);
                body.put("description", p.description());
                body.putObject("content").putObject("application/json")
                        .set("schema", e.accepts() != null ? schemas.schema(e.accepts()) : type("object"));
            } else {
                ObjectNode param = params.addObject();
                param.put("name", p.name());
                param.put("in", p.in());
                param.put("required", p.required());
                param.put("description", p.description());
                param.set("schema", type(p.type()));
            }
        }
        if (e.accepts() != null && !op.has("requestBody")) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject("application/json").set("schema", schemas.schema(e.accepts()));
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "OK");
        ok.putObject("content").putObject(e.produces()).set("schema", answer(e, schemas));
        error(responses, "400", "a parameter or body the API cannot use", schemas);
        if (!e.open()) {
            error(responses, "401", "no session: log in first", schemas);
            error(responses, "403", "the session's role may not call this, or the CSRF token is missing", schemas);
        }
        error(responses, "404", "no such lead, node or record", schemas);
        return op;
    }

    private static ObjectNode answer(Endpoint e, Schemas schemas) {
        if (!e.produces().equals("application/json")) {
            ObjectNode binary = type("string");
            binary.put("format", "binary");
            return binary;
        }
        return e.returns() != null ? schemas.schema(e.returns()) : type("object");
    }

    private static void error(ObjectNode responses, String status, String description, Schemas schemas) {
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.putObject("content").putObject("application/json").set("schema", schemas.schema(Errors.ErrorBody.class));
    }

    private static ObjectNode type(String type) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", type);
        return schema;
    }
}

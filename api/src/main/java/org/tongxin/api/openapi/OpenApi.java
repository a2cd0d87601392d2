package org.tongxin.api.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tongxin.api.http.Endpoint;

/** The OpenAPI 3.0 description of the endpoint table; served at {@code /openapi.json}. */
public final class OpenApi {

    private OpenApi() {
    }

    public static Map<String, Object> document(List<Endpoint> endpoints, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "童心 Tongxin API", "version", version,
                "description", "未成年人检察大数据法律监督平台：线索、图谱探索、只读 Cypher、场所热力、帮教画像与案卷导出。"
                        + " Errors are {\"status\": n, \"error\": \"…\"}; identity and mobile numbers are masked."));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(e.path(), p -> new LinkedHashMap<>());
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("tags", List.of(e.tag()));
            op.put("summary", e.summary());
            op.put("operationId", e.method().toLowerCase(Locale.ROOT) + e.path().replaceAll("[^A-Za-z0-9]+", "_"));
            List<Map<String, Object>> params = new ArrayList<>();
            for (Endpoint.Param p : e.params()) {
                if (p.in().equals("body")) {
                    op.put("requestBody", Map.of("required", true, "description", p.description(),
                            "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
                } else {
                    params.add(Map.of("name", p.name(), "in", p.in(), "required", p.required(),
                            "description", p.description(), "schema", Map.of("type", p.type())));
                }
            }
            if (!params.isEmpty()) {
                op.put("parameters", params);
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", "OK", "content", Map.of(e.produces(), Map.of("schema",
                    e.produces().equals("application/json") ? Map.of("type", "object") : Map.of("type", "string", "format", "binary")))));
            Map<String, Object> error = Map.of("content", Map.of("application/json", Map.of("schema", Map.of("$ref",
                    "#/components/schemas/Error"))));
            responses.put("400", withDescription(error, "a parameter or body the API cannot use"));
            responses.put("404", withDescription(error, "no such lead, node or record"));
            op.put("responses", responses);
            item.put(e.method().toLowerCase(Locale.ROOT), op);
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", Map.of("Error", Map.of("type", "object", "properties",
                Map.of("status", Map.of("type", "integer"), "error", Map.of("type", "string"))))));
        return doc;
    }

    private static Map<String, Object> withDescription(Map<String, Object> base, String description) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.put("description", description);
        return m;
    }
}

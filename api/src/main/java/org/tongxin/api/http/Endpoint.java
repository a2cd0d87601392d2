package org.tongxin.api.http;

import io.javalin.http.Handler;
import java.util.List;

/**
 * One endpoint of the API, declared once: method, path, what it does, its parameters and what it returns. The
 * server registers these and the OpenAPI description is generated from the same list, so the two cannot drift.
 */
public record Endpoint(String method, String path, String tag, String summary, List<Param> params, String produces,
                       Handler handler) {

    /** A path or query parameter, or the JSON body. */
    public record Param(String name, String in, String type, boolean required, String description) {
        public static Param path(String name, String description) {
            return new Param(name, "path", "string", true, description);
        }

        public static Param query(String name, String type, String description) {
            return new Param(name, "query", type, false, description);
        }

        public static Param body(String description) {
            return new Param("body", "body", "object", true, description);
        }
    }

    public Endpoint {
        if (!List.of("GET", "POST").contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        params = List.copyOf(params);
    }

    public static Endpoint get(String path, String tag, String summary, List<Param> params, Handler handler) {
        return new Endpoint("GET", path, tag, summary, params, "application/json", handler);
    }

    public static Endpoint post(String path, String tag, String summary, List<Param> params, Handler handler) {
        return new Endpoint("POST", path, tag, summary, params, "application/json", handler);
    }

    public Endpoint producing(String mediaType) {
        return new Endpoint(method, path, tag, summary, params, mediaType, handler);
    }
}

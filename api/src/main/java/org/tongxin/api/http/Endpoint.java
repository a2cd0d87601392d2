package org.tongxin.api.http;

import io.javalin.http.Handler;
import java.lang.reflect.Type;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tongxin.domain.user.Role;

/**
 * One endpoint of the API, declared once: method, path, what it does, its parameters, what it returns and the roles
 * that may call it. The server registers these, checks the roles before every call, and generates the OpenAPI
 * description from the same list, so none of the three can drift. An endpoint without roles is closed to all;
 * only an {@code open} one (logging in) needs no session. {@code accepts} and {@code returns} are the types of the
 * request and answer bodies (null where not declared yet).
 */
public record Endpoint(String method, String path, String tag, String summary, List<Param> params, String produces,
                       Set<Role> roles, boolean open, Handler handler, Type accepts, Type returns) {

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
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Endpoint get(String path, String tag, String summary, List<Param> params, Handler handler) {
        return new Endpoint("GET", path, tag, summary, params, "application/json", Set.of(), false, handler, null, null);
    }

    public static Endpoint post(String path, String tag, String summary, List<Param> params, Handler handler) {
        return new Endpoint("POST", path, tag, summary, params, "application/json", Set.of(), false, handler, null, null);
    }

    public Endpoint producing(String mediaType) {
        return new Endpoint(method, path, tag, summary, params, mediaType, roles, open, handler, accepts, returns);
    }

    /** The roles that may call this endpoint (scopes within a role are checked by the handler). */
    public Endpoint allow(Role... allowed) {
        return new Endpoint(method, path, tag, summary, params, produces, Set.of(allowed), open, handler, accepts, returns);
    }

    /** Callable without a session: only for logging in. */
    public Endpoint openToAll() {
        return new Endpoint(method, path, tag, summary, params, produces, Set.of(Role.values()), true, handler, accepts, returns);
    }

    /**
     * The type of the JSON answer — a record, or a generic type such as {@code List<X>} written with
     * {@link Types#listOf}; the OpenAPI description derives its schema from it, so clients can rely on the fields.
     */
    public Endpoint returns(Type type) {
        return new Endpoint(method, path, tag, summary, params, produces, roles, open, handler, accepts, type);
    }

    /** The type of the JSON request body (a record), described in the OpenAPI document like {@link #returns}. */
    public Endpoint accepts(Type type) {
        return new Endpoint(method, path, tag, summary, params, produces, roles, open, handler, type, returns);
    }
}

package org.tongxin.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every error becomes {@code {"status": …, "error": "…"}}; the one place exceptions meet responses. */
public final class Errors {

    /** Set on a request whose error this class already wrote, so the 404 fallback leaves it alone. */
    private static final String ANSWERED = "tongxin.error.answered";

    private static final System.Logger LOG = System.getLogger(Errors.class.getName());

    private Errors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            if (e instanceof ApiException.TooManyRequests t) {
                ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
            }
            respond(ctx, e.status(), e.getMessage());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), switch (e.getStatus()) {
            case 404 -> "no such address: " + ctx.method() + " " + ctx.path();
            case 413 -> "a JSON body is at most " + Bodies.MAX_JSON_BYTES / 1024 + " KiB";
            default -> e.getMessage();
        }));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> respond(ctx, 400, e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            // The message may carry query text or personal values: the log gets the type and where, not the message.
            LOG.log(System.Logger.Level.ERROR, "request " + ctx.method() + " " + ctx.path() + " failed: " + where(e));
            respond(ctx, 500, "internal error; the server log has the details");
        });
        routes.error(404, "*", ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                respond(ctx, 404, "no such address: " + ctx.path());
            }
        });
    }

    static String where(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getName());
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(8, trace.length); i++) {
            sb.append("\n    at ").append(trace[i]);
        }
        if (e.getCause() != null && e.getCause() != e) {
            sb.append("\n  caused by ").append(where(e.getCause()));
        }
        return sb.toString();
    }

    private static void respond(Context ctx, int status, String message) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message == null ? "" : message);
        ctx.status(status).json(body);
    }
}

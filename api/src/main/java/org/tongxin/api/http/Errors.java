package org.tongxin.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import org.tongxin.domain.problem.Messages;
import org.tongxin.domain.problem.Problem;

/** Every error becomes {@code {"status": …, "code": "…", "error": "…"}}; the one place exceptions meet responses. */
public final class Errors {

    /** Set on a request whose error this class already wrote, so the 404 fallback leaves it alone. */
    private static final String ANSWERED = "tongxin.error.answered";

    private static final System.Logger LOG = System.getLogger(Errors.class.getName());

    private Errors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(Problem.class, (e, ctx) -> {
            if (e.kind() == Problem.Kind.TOO_MANY && e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            respond(ctx, Statuses.of(e.kind()), e);
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), switch (e.getStatus()) {
            case 404 -> Problem.notFound("http.no-route", ctx.method() + " " + ctx.path());
            case 413 -> new Problem(Problem.Kind.TOO_LARGE, "body.too-large", Bodies.MAX_JSON_BYTES / 1024);
            default -> forStatus(e.getStatus());
        }));
        routes.exception(IllegalArgumentException.class, (e, ctx) -> respond(ctx, 400, Problem.invalid("http.message", e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> {
            // The message may carry query text or personal values: the log gets the type and where, not the message.
            LOG.log(System.Logger.Level.ERROR, "request " + ctx.method() + " " + ctx.path() + " failed: " + where(e));
            respond(ctx, 500, Problem.unavailable("http.internal"));
        });
        routes.error(404, "*", ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                respond(ctx, 404, Problem.notFound("http.no-route", ctx.path()));
            }
        });
    }

    /**
     * The reader's language: English when the request's {@code Accept-Language} puts English first (the web view
     * sends its switch's language), else Chinese, the interface's default.
     */
    public static Locale language(Context ctx) {
        return language(ctx.header("Accept-Language"));
    }

    /** The reader's language from an {@code Accept-Language} header (null when there is none). */
    public static Locale language(String accept) {
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Messages.CHINESE;
    }

    /**
     * The problem for a status the server gives on its own, outside any route's handling (Jetty refusing a
     * request line, URI or headers, Javalin refusing before a handler), so it reads like every other error.
     */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 400 -> Problem.invalid("http.bad-request");
            case 404 -> Problem.notFound("http.not-found");
            case 405 -> Problem.invalid("http.method");
            case 408 -> Problem.invalid("http.timeout");
            case 413 -> new Problem(Problem.Kind.TOO_LARGE, "http.too-large");
            case 414 -> new Problem(Problem.Kind.TOO_LARGE, "http.uri-too-long");
            case 415 -> Problem.invalid("http.media-type");
            case 431 -> new Problem(Problem.Kind.TOO_LARGE, "http.headers-too-large");
            default -> status >= 500 ? Problem.unavailable("http.server", status) : Problem.invalid("http.client", status);
        };
    }

    /**
     * The JSON of an error answer Jetty writes itself, for a request that never reached Javalin. Non-ASCII is
     * escaped, so the body reads the same whatever charset Jetty's error page picked.
     */
    public static String serverBody(int status, String acceptLanguage) {
        Problem p = forStatus(status);
        return "{\"status\":" + status + ",\"code\":" + jsonString(p.code()) + ",\"error\":"
                + jsonString(p.message(language(acceptLanguage))) + "}";
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
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

    private static void respond(Context ctx, int status, Problem problem) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(status).json(new ErrorBody(status, problem.code(), problem.message(language(ctx))));
    }

    /** Every error answer: the status, a stable code a client can branch on, and the message in the reader's language. */
    public record ErrorBody(int status, String code, String error) {
    }
}

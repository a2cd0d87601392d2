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
            default -> Problem.invalid("http.message", e.getMessage());
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
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Messages.CHINESE;
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

package org.tongxin.api.http;

import io.javalin.http.Context;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers of every answer: those the routes give, and those Jetty gives itself when it refuses a
 * request no route ever sees (a URI too long, a malformed request line or header).
 */
public final class SecurityHeaders {

    /**
     * The strictest policy the web view runs under: no inline script, nothing from elsewhere, no framing. The one
     * inline style allowed, by its hash, is the stylesheet Cytoscape.js 3.33.1 adds for its canvas container.
     */
    public static final String CSP = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    public static final Map<String, String> ALL = headers();

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ALL.forEach(ctx::header);
    }

    /** Jetty's own error answers with the same headers and {@link Errors}' JSON body, in the reader's language. */
    public static ErrorHandler jettyErrors() {
        ErrorHandler h = new ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                ALL.forEach((k, v) -> response.getHeaders().put(k, v));
                return super.handle(request, response, callback);
            }

            @Override
            protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
                writer.write(Errors.serverBody(code, request.getHeaders().get("Accept-Language")));
            }
        };
        h.setDefaultResponseMimeType("application/json");
        h.setShowStacks(false);
        h.setShowCauses(false);
        h.setShowMessageInTitle(false);
        h.setCacheControl("no-store");
        return h;
    }

    private static Map<String, String> headers() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Content-Security-Policy", CSP);
        m.put("X-Content-Type-Options", "nosniff");
        m.put("X-Frame-Options", "DENY");
        m.put("Referrer-Policy", "no-referrer");
        m.put("Cache-Control", "no-store");
        return Collections.unmodifiableMap(m);
    }
}

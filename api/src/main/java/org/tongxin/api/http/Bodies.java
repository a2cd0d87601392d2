package org.tongxin.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.tongxin.domain.problem.Check;
import org.tongxin.domain.problem.Problem;

/**
 * JSON request bodies read strictly: a missing or malformed body is a 400 with an example, never a 500; one over
 * {@link #MAX_JSON_BYTES} is a 413.
 */
public final class Bodies {

    /** The largest JSON body any endpoint takes (uploads are streamed and have their own limits). */
    public static final long MAX_JSON_BYTES = 1024 * 1024;

    private Bodies() {
    }

    public static <T> T read(Context ctx, Class<T> type, String example) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw Problem.invalid("body.required", example);
            }
            return body;
        } catch (Problem | HttpResponseException e) {
            // HttpResponseException: Javalin's 413 for a body over the server's maximum request size.
            throw e;
        } catch (Exception e) {
            throw Problem.invalid("body.json", example);
        }
    }

    /** A text field of a body: see {@link Check#text}. */
    public static String text(String value, String name, int max, boolean required) {
        return Check.text(value, name, max, required);
    }

    /** A date field of a body: see {@link Check#date}. */
    public static LocalDate date(String value, String name) {
        return Check.date(value, name);
    }

    /** A local date-and-time field of a body: see {@link Check#dateTime}. */
    public static LocalDateTime dateTime(String value, String name) {
        return Check.dateTime(value, name);
    }
}

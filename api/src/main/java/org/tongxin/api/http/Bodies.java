package org.tongxin.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.LocalDate;
import java.time.LocalDateTime;

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
                throw new ApiException.BadRequest("a JSON body is required, like " + example);
            }
            return body;
        } catch (ApiException | HttpResponseException e) {
            // HttpResponseException: Javalin's 413 for a body over the server's maximum request size.
            throw e;
        } catch (Exception e) {
            throw new ApiException.BadRequest("the body must be JSON like " + example);
        }
    }

    /** A text field of a body: stripped, at most {@code max} characters, required or not (then blank is ""). */
    public static String text(String value, String name, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new ApiException.BadRequest("'" + name + "' is required");
        }
        if (v.length() > max) {
            throw new ApiException.BadRequest("'" + name + "' is at most " + max + " characters");
        }
        return v;
    }

    /** A date field of a body (ISO, 2026-12-31). */
    public static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (RuntimeException e) {
            throw new ApiException.BadRequest("'" + name + "' is a date like 2026-12-31");
        }
    }

    /** A local date-and-time field of a body (ISO, seconds optional: 2026-12-15T09:30). */
    public static LocalDateTime dateTime(String value, String name) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip());
        } catch (RuntimeException e) {
            throw new ApiException.BadRequest("'" + name + "' is a local date and time like 2026-12-15T09:30");
        }
    }
}

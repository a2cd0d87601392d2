package org.tongxin.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.json.JavalinJackson;

/**
 * How the server writes its answers: Javalin's Jackson mapper (java.time registered), with dates and times as ISO
 * text — {@code "2026-11-27"}, {@code "2026-11-27T09:30:00"} — rather than Jackson's default arrays and epoch
 * numbers, so a record's {@code LocalDate} component is written as the OpenAPI description says ({@code format: date}).
 */
public final class Json {

    private Json() {
    }

    /** A new mapper configured like the server's. */
    public static ObjectMapper mapper() {
        return JavalinJackson.defaultMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}

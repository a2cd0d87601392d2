package org.tongxin.api.http;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tongxin.domain.problem.Problem;

/** Query parameters read strictly: a value that cannot be used is a 400 naming the parameter, never a 500. */
public final class Params {

    private Params() {
    }

    public static Optional<String> text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public static String required(Context ctx, String name) {
        return text(ctx, name).orElseThrow(() -> Problem.invalid("param.required", name));
    }

    public static int integer(Context ctx, String name, int dflt, int min, int max) {
        Optional<String> v = text(ctx, name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw Problem.invalid("param.range", name, min, max, n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.invalid("param.integer", name, v.get());
        }
    }

    public static Optional<LocalDate> date(Context ctx, String name) {
        return text(ctx, name).map(v -> {
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw Problem.invalid("param.date", name, v);
            }
        });
    }

    public static Optional<String> oneOf(Context ctx, String name, Set<String> allowed) {
        return text(ctx, name).map(v -> {
            if (!allowed.contains(v)) {
                throw Problem.invalid("param.one-of", name, String.join(", ", allowed.stream().sorted().toList()), v);
            }
            return v;
        });
    }

    /** A comma-separated list, each item checked against {@code allowed} (empty = anything goes). */
    public static List<String> list(Context ctx, String name, Set<String> allowed) {
        return text(ctx, name).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .peek(s -> {
                    if (!allowed.isEmpty() && !allowed.contains(s)) {
                        throw Problem.invalid("param.unknown-value", name, s, String.join(", ", allowed.stream().sorted().toList()));
                    }
                }).toList()).orElse(List.of());
    }
}

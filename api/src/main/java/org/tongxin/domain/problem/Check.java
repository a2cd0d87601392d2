package org.tongxin.domain.problem;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.tongxin.ingest.mapping.Labels;

/** Fields of a request checked where the domain receives them; each failure is a {@link Problem.Kind#INVALID}. */
public final class Check {

    private Check() {
    }

    /** A text field: stripped, at most {@code max} characters, required or not (then blank is ""). */
    public static String text(String value, String name, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw Problem.invalid("field.required", field(name));
        }
        if (v.length() > max) {
            throw Problem.invalid("field.too-long", field(name), max);
        }
        return v;
    }

    /** A date field (ISO, 2026-12-31). */
    public static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (RuntimeException e) {
            throw Problem.invalid("field.date", field(name));
        }
    }

    /** A local date-and-time field (ISO, seconds optional: 2026-12-15T09:30). */
    public static LocalDateTime dateTime(String value, String name) {
        try {
            return LocalDateTime.parse(value == null ? "" : value.strip());
        } catch (RuntimeException e) {
            throw Problem.invalid("field.date-time", field(name));
        }
    }

    /** A field by its name in labels.yaml (事实, facts), so a message never shows the request's key. */
    public static Localized field(String name) {
        Labels labels = Labels.bundled();
        return new Localized(labels.property(name, Messages.CHINESE), labels.property(name, Locale.ENGLISH));
    }
}

package org.tongxin.model.time;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date and timestamp forms of datasets.md: {@code 2024-03-05}, {@code 2024/3/5}, {@code 20240305},
 * {@code 2024年3月5日}, each optionally followed by {@code  21:30}, {@code  21:30:00} or {@code T21:30:00}.
 */
public final class Temporals {

    /** A parsed value; {@code hasTime} is false when only a date was written. */
    public record Stamp(LocalDateTime value, boolean hasTime) {
        public LocalDate date() {
            return value.toLocalDate();
        }
    }

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})(?:[-/](\\d{1,2})[-/](\\d{1,2})|(\\d{2})(\\d{2})|年(\\d{1,2})月(\\d{1,2})日)"
                    + "(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?");

    private Temporals() {
    }

    public static Optional<Stamp> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(s.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month;
            int day;
            if (m.group(2) != null) {
                month = Integer.parseInt(m.group(2));
                day = Integer.parseInt(m.group(3));
            } else if (m.group(4) != null) {
                month = Integer.parseInt(m.group(4));
                day = Integer.parseInt(m.group(5));
            } else {
                month = Integer.parseInt(m.group(6));
                day = Integer.parseInt(m.group(7));
            }
            LocalDate date = LocalDate.of(year, month, day);
            if (m.group(8) == null) {
                return Optional.of(new Stamp(date.atStartOfDay(), false));
            }
            int sec = m.group(10) == null ? 0 : Integer.parseInt(m.group(10));
            LocalTime time = LocalTime.of(Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)), sec);
            return Optional.of(new Stamp(date.atTime(time), true));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

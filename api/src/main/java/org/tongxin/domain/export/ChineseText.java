package org.tongxin.domain.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.model.time.LegalAge;

/**
 * Text as a document sent out of the procuratorate writes it: dates the Chinese way (2026年12月2日, times to the
 * minute), no rule codes in prose (the rule's own words say what it found), and nothing for an unknown value
 * rather than "NULL".
 */
public final class ChineseText {

    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d+)?)?)?(?![\\d:])");
    private static final Pattern RULE_CODE = Pattern.compile("(?<![0-9A-Za-z])R\\d+(?:\\.\\d+)+\\s*");

    private ChineseText() {
    }

    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public static String dateTime(LocalDateTime t) {
        return date(t.toLocalDate()) + String.format(" %02d:%02d", t.getHour(), t.getMinute());
    }

    /**
     * A stored temporal (as its ISO text: a date, or a date-time with or without offset, shown in China's time
     * zone) written the Chinese way; blank for none; anything else as it is.
     */
    public static String when(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString().strip();
        try {
            if (s.length() == 10) {
                return date(LocalDate.parse(s));
            }
            if (s.endsWith("]")) {
                return dateTime(ZonedDateTime.parse(s).withZoneSameInstant(LegalAge.ZONE).toLocalDateTime());
            }
            if (s.matches(".*([+-]\\d{2}:\\d{2}|Z)$")) {
                return dateTime(OffsetDateTime.parse(s).atZoneSameInstant(LegalAge.ZONE).toLocalDateTime());
            }
            return dateTime(LocalDateTime.parse(s.replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    /** Prose with its ISO dates and date-times written the Chinese way and its rule codes (R7.1 …) left out. */
    public static String prose(String s) {
        if (s == null) {
            return "";
        }
        Matcher m = ISO.matcher(RULE_CODE.matcher(s).replaceAll(""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate d;
            try {
                d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (java.time.DateTimeException e) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String text = m.group(4) == null ? date(d) : date(d) + " " + m.group(4) + ":" + m.group(5);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A cell value, blank when it is missing or written as null/NULL. */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v.toString();
        return s.strip().equalsIgnoreCase("null") ? "" : s;
    }
}

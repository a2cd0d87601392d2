package org.tongxin.api.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.model.id.IdNumber;

/**
 * Masks identity numbers ({@code 370612********123X}) and mobile numbers ({@code 138****5678}) wherever they
 * appear in text the API returns: property values, lead keys, summaries, source rows and query results. Matching
 * is by shape, not by property name, so a number in a free-text column or an ad-hoc query alias is masked too;
 * an identity-number shape is masked only when it is a valid number (region, birth date, check character), so a
 * unit's unified social credit code of 18 digits stays readable.
 * Addresses are masked by name (a property {@code address}, a column 户籍地址, 住址 …) down to the county:
 * {@code 山东省烟台市牟平区****}.
 */
public final class Masking {

    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");

    private Masking() {
    }

    public static String text(String s) {
        if (s == null || s.length() < 11) {
            return s;
        }
        Matcher m = ID.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(IdNumber.check(found).valid() ? IdNumber.mask(found) : found));
        }
        m.appendTail(out);
        return MOBILE.matcher(out).replaceAll("$1****$3");
    }

    private static final java.util.Set<String> ADDRESS_KEYS = java.util.Set.of("address", "户籍地址", "住址", "家庭住址",
            "现住址", "地址");

    /** An address down to its county or district, the rest hidden. */
    public static String address(String a) {
        if (a == null || a.isBlank()) {
            return a;
        }
        int cut = -1;
        for (int i = 0; i < a.length() - 1 && cut < 0; i++) {
            if ("区县旗".indexOf(a.charAt(i)) >= 0 && i > 0) {
                cut = i;
            }
        }
        if (cut < 0) {
            cut = a.lastIndexOf('市', a.length() - 2);
        }
        return (cut > 0 ? a.substring(0, cut + 1) : a.substring(0, Math.min(a.length(), 4))) + "****";
    }

    /** Masks every string inside maps, lists and plain values; other values pass through. */
    @SuppressWarnings("unchecked")
    public static Object value(Object v) {
        if (v instanceof String s) {
            return text(s);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k,
                    ADDRESS_KEYS.contains(k) && x instanceof String a ? address(a) : value(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(value(x)));
            return out;
        }
        return v;
    }
}

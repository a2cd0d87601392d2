package org.tongxin.analytics.engine;

import java.util.List;
import java.util.Map;

/** Reading the maps a Gremlin {@code project()} returns: a missing value is -1 (numbers) or null. */
public final class Rows {

    private Rows() {
    }

    public static long num(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Number n ? n.longValue() : -1;
    }

    public static String str(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v == null || "".equals(v) ? null : v.toString();
    }

    public static boolean bool(Map<String, Object> row, String key) {
        return Boolean.TRUE.equals(row.get(key));
    }

    @SuppressWarnings("unchecked")
    public static <T> List<T> list(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof List<?> l ? (List<T>) l : List.of();
    }
}

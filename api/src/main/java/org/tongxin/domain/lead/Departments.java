package org.tongxin.domain.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The departments a lead can be referred to (the data providers of mission.md), code → Chinese name, and their
 * English names for the web view's English switch.
 */
public final class Departments {

    private static final Map<String, String> ALL = new LinkedHashMap<>();
    private static final Map<String, String> EN = new LinkedHashMap<>();

    static {
        ALL.put("public_security", "公安");
        ALL.put("education", "教育");
        ALL.put("civil_affairs", "民政");
        ALL.put("health", "卫健");
        ALL.put("traffic_police", "交警");
        ALL.put("administrative_approval", "行政审批");
        ALL.put("market_regulation", "市场监管");
        ALL.put("culture_tourism", "文旅");
        EN.put("public_security", "Public security");
        EN.put("education", "Education");
        EN.put("civil_affairs", "Civil affairs");
        EN.put("health", "Health");
        EN.put("traffic_police", "Traffic police");
        EN.put("administrative_approval", "Administrative approval");
        EN.put("market_regulation", "Market regulation");
        EN.put("culture_tourism", "Culture and tourism");
    }

    private Departments() {
    }

    /** In the order above, which is the order of the web view's drop-down list. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(ALL);
    }

    /** A department's English name (its code when it has none). */
    public static String english(String code) {
        return EN.getOrDefault(code, code);
    }

    public static boolean known(String code) {
        return ALL.containsKey(code);
    }
}

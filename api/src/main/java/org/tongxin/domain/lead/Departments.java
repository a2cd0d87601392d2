package org.tongxin.domain.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The departments a lead can be referred to (the data providers of mission.md), code → Chinese name. */
public final class Departments {

    private static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("public_security", "公安");
        ALL.put("education", "教育");
        ALL.put("civil_affairs", "民政");
        ALL.put("health", "卫健");
        ALL.put("traffic_police", "交警");
        ALL.put("administrative_approval", "行政审批");
        ALL.put("market_regulation", "市场监管");
        ALL.put("culture_tourism", "文旅");
    }

    private Departments() {
    }

    /** In the order above, which is the order of the web view's drop-down list. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(ALL);
    }

    public static boolean known(String code) {
        return ALL.containsKey(code);
    }
}

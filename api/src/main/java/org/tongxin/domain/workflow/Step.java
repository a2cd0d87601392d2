package org.tongxin.domain.workflow;

import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One step of a piece of casework, as stored on its step node: its place in the node's history ({@code seq}),
 * when ({@code at}, ISO text as the API shows it), who, the status it left and the one it reached (the same for a
 * step that keeps the status), what kind of step ({@code status}, {@code report}, {@code visit} …), the note, and
 * the kind's own fields ({@code department}, {@code proposal} …) in {@code extra}.
 */
public record Step(long seq, String at, String by, String from, String to, String kind, String note,
                   Map<String, Object> extra) {

    private static final Set<String> OWN = Set.of("seq", "at", "by", "from", "to", "kind", "note");

    public Step {
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An extra field, or null. */
    public Object extra(String name) {
        return extra.get(name);
    }

    /** The step from a step node's properties; {@code defaultKind} for a step stored without one. */
    static Step of(Map<String, Object> p, String defaultKind) {
        Map<String, Object> extra = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (!OWN.contains(k)) {
                extra.put(k, plain(v));
            }
        });
        return new Step(((Number) p.get("seq")).longValue(), text(p.get("at")), text(p.get("by")), text(p.get("from")),
                text(p.get("to")), p.get("kind") == null ? defaultKind : text(p.get("kind")), text(p.get("note")), extra);
    }

    private static String text(Object o) {
        return o == null ? null : o instanceof TemporalAccessor t ? t.toString() : o.toString();
    }

    private static Object plain(Object o) {
        return o instanceof TemporalAccessor t ? t.toString() : o;
    }
}

package org.tongxin.domain.graph;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tongxin.ingest.mapping.ColumnType;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.Labels;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.model.schema.EntityKind;
import org.tongxin.model.schema.Records;

/**
 * What a node is, in the words of the people who read it: hub kinds in Chinese (from labels.yaml), a record by its
 * dataset's title and department (from the dataset mappings), and the property that dates a record's event.
 */
public final class Kinds {

    private static final Labels LABELS = Labels.bundled();
    private static final Map<String, String> HUB_ZH = hubNames();

    private final Map<String, DatasetMapping> byLabel = new HashMap<>();
    private final Map<String, String> eventProp = new HashMap<>();
    private final Map<String, String> eventEndProp = new HashMap<>();

    public Kinds(Mappings mappings) {
        for (DatasetMapping m : mappings.all()) {
            byLabel.put(m.label(), m);
            String when = !m.intervals().isEmpty() ? m.intervals().get(0).start()
                    : m.columns().stream().filter(c -> c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.DATE)
                            .map(c -> c.prop()).findFirst().orElse(null);
            if (when != null) {
                eventProp.put(m.label(), when);
            }
            if (!m.intervals().isEmpty() && m.intervals().get(0).end() != null) {
                eventEndProp.put(m.label(), m.intervals().get(0).end());
            }
        }
    }

    /** The hub labels a user may filter on, with their Chinese names. */
    public static Map<String, String> hubs() {
        return HUB_ZH;
    }

    private static Map<String, String> hubNames() {
        Map<String, String> out = new LinkedHashMap<>();
        LABELS.hubs().forEach(h -> out.put(h, LABELS.kind(h, Locale.CHINESE)));
        return Collections.unmodifiableMap(out);
    }

    public Map<String, DatasetMapping> recordLabels() {
        return Map.copyOf(byLabel);
    }

    /** The dataset mapping behind a record's labels, if it is a record. */
    public Optional<DatasetMapping> dataset(List<String> labels) {
        return labels.stream().map(byLabel::get).filter(m -> m != null).findFirst();
    }

    /** The property that dates the event of a record with these labels (start of its interval, else its first date). */
    public Optional<String> eventProperty(List<String> labels) {
        return labels.stream().map(eventProp::get).filter(p -> p != null).findFirst();
    }

    /** Every record label whose event lasts (a stay, a session) with the property that ends it. */
    public Map<String, String> eventEndProperties() {
        return Map.copyOf(eventEndProp);
    }

    /** Every record label with its event property, for Cypher that filters by time window. */
    public Map<String, String> eventProperties() {
        return Map.copyOf(eventProp);
    }

    /** The kind in Chinese: 人员, 场所, … or the dataset title for a record; the labels themselves if unnamed. */
    public String kindZh(List<String> labels) {
        if (labels.contains(Records.LABEL)) {
            return dataset(labels).map(DatasetMapping::title).orElse(LABELS.kind(Records.LABEL, Locale.CHINESE));
        }
        return labels.stream().filter(LABELS::namesKind).map(l -> LABELS.kind(l, Locale.CHINESE)).findFirst()
                .orElse(String.join(":", labels));
    }

    /** The hub kind or "Record" or "Lead": what the explorer colours a node by. */
    public static String kind(List<String> labels) {
        if (labels.contains(Records.LABEL)) {
            return Records.LABEL;
        }
        for (EntityKind k : EntityKind.values()) {
            if (labels.contains(k.label())) {
                return k.label();
            }
        }
        return labels.contains("Lead") ? "Lead" : labels.isEmpty() ? "" : labels.get(0);
    }

    /**
     * A short caption: a person's name, a venue's name, a plate, a record's dataset title and key — from properties
     * already opened and masked as the caller may see them.
     */
    public String caption(List<String> labels, Map<String, Object> props) {
        String kind = kind(labels);
        Object c = switch (kind) {
            case "Person" -> props.getOrDefault("name", props.get("id"));
            case "Venue", "Unit" -> props.getOrDefault("name", props.get("code"));
            case "Vehicle" -> props.get("plate");
            case "Household", "Case", "Incident" -> props.get("no");
            case "Record" -> kindZh(labels) + " " + props.get(Records.KEY);
            case "Lead" -> props.get("model") + " " + props.get("key");
            default -> props.values().stream().findFirst().orElse("");
        };
        return String.valueOf(c);
    }
}

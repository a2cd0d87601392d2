package org.tongxin.domain.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongxin.ingest.mapping.ColumnType;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.model.schema.EntityKind;
import org.tongxin.model.schema.Records;

/**
 * What a node is, in the words of the people who read it: hub kinds in Chinese, a record by its dataset's title
 * and department (from the dataset mappings), and the property that dates a record's event.
 */
public final class Kinds {

    private static final Map<String, String> HUB_ZH = Map.of("Person", "人员", "Household", "户", "Venue", "场所",
            "Unit", "单位", "Vehicle", "车辆", "Case", "案件", "Incident", "警情", "Lead", "线索");

    private final Map<String, DatasetMapping> byLabel = new HashMap<>();
    private final Map<String, String> eventProp = new HashMap<>();

    public Kinds(Mappings mappings) {
        for (DatasetMapping m : mappings.all()) {
            byLabel.put(m.label(), m);
            String when = !m.intervals().isEmpty() ? m.intervals().get(0).start()
                    : m.columns().stream().filter(c -> c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.DATE)
                            .map(c -> c.prop()).findFirst().orElse(null);
            if (when != null) {
                eventProp.put(m.label(), when);
            }
        }
    }

    /** The hub labels a user may filter on, with their Chinese names. */
    public static Map<String, String> hubs() {
        return HUB_ZH;
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

    /** Every record label with its event property, for Cypher that filters by time window. */
    public Map<String, String> eventProperties() {
        return Map.copyOf(eventProp);
    }

    /** The kind in Chinese: 人员, 场所, … or the dataset title for a record. */
    public String kindZh(List<String> labels) {
        if (labels.contains(Records.LABEL)) {
            return dataset(labels).map(DatasetMapping::title).orElse("记录");
        }
        return labels.stream().map(HUB_ZH::get).filter(z -> z != null).findFirst().orElse(String.join(":", labels));
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

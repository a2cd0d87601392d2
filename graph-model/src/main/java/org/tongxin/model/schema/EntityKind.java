package org.tongxin.model.schema;

/**
 * The shared hubs that link department records (POLE: person, object, location). Every dataset row is its own
 * {@code Record} node (the event); it points at these hubs, so a lead's evidence is a path from a person through
 * events back to source rows.
 */
public enum EntityKind {
    PERSON("Person", "id", "valid 18-character identity number"),
    HOUSEHOLD("Household", "no", "户号"),
    VENUE("Venue", "code", "场所编码 / 旅馆编码 (one code space)"),
    UNIT("Unit", "code", "unified social credit code of a school, employer, hospital or permit holder"),
    VEHICLE("Vehicle", "plate", "normalised plate"),
    CASE("Case", "no", "案件编号"),
    INCIDENT("Incident", "no", "警情编号");

    private final String label;
    private final String key;
    private final String keyMeaning;

    EntityKind(String label, String key, String keyMeaning) {
        this.label = label;
        this.key = key;
        this.keyMeaning = keyMeaning;
    }

    public String label() {
        return label;
    }

    public String key() {
        return key;
    }

    public String keyMeaning() {
        return keyMeaning;
    }
}

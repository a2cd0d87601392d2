package org.tongxin.ingest.mapping;

import java.util.Map;
import org.tongxin.model.schema.EntityKind;

/**
 * A relationship made from a row. By default it runs from the row's own node to the entity whose key is in
 * column prop {@code from}; with {@code fromEntity}/{@code fromProp} it runs between two entities (a guardian edge
 * between two persons), and carries the row's rid as provenance. {@code set} copies row props onto the entity
 * (entity prop → row prop); {@code master} says this dataset is the authority for those values (it overwrites),
 * otherwise a value is only filled in when the entity has none. {@code props} copies row props onto the
 * relationship.
 */
public record LinkSpec(String type, EntityKind entity, String from, EntityKind fromEntity, String fromProp,
                       Map<String, String> set, boolean master, Map<String, String> props) {
    public LinkSpec {
        if (type == null || !type.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("relationship type must be UPPER_SNAKE: " + type);
        }
        if (entity == null || from == null) {
            throw new IllegalArgumentException("link " + type + " needs an entity and a from prop");
        }
        if ((fromEntity == null) != (fromProp == null)) {
            throw new IllegalArgumentException("link " + type + ": fromEntity and fromProp go together");
        }
        set = set == null ? Map.of() : Map.copyOf(set);
        props = props == null ? Map.of() : Map.copyOf(props);
    }

    public boolean betweenEntities() {
        return fromEntity != null;
    }
}

package org.tongxin.ingest.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.LinkSpec;
import org.tongxin.model.schema.EntityKind;
import org.tongxin.model.schema.Records;

/**
 * The Cypher that writes one dataset, generated once from its mapping. Labels, types and property names come
 * from the mapping files, whose names are checked against identifier patterns when they are read; values always
 * travel as parameters.
 */
final class CypherTemplates {

    final String upsertRows;
    final String deleteRowLinks;
    final List<String> deleteEntityLinks;
    final List<String> links;

    CypherTemplates(DatasetMapping m) {
        upsertRows = """
                UNWIND $rows AS row
                MERGE (r:%1$s {%2$s: row.rid})
                WITH r, row, r.%3$s AS old
                WHERE old IS NULL OR old <> row.hash
                SET r.%4$s = CASE WHEN old IS NULL THEN r.%4$s
                                  ELSE coalesce(r.%4$s, []) + [r.%5$s + '#' + toString(r.%6$s) + ' ' + r.%7$s] END
                SET r:%8$s, r += row.props,
                    r.%9$s = $dataset, r.%10$s = row.key, r.%5$s = row.file, r.%6$s = row.line,
                    r.%7$s = row.raw, r.%3$s = row.hash, r.%11$s = row.flags, r.loadedAt = datetime()
                RETURN row.rid AS rid, old IS NOT NULL AS changed
                """.formatted(Records.LABEL, Records.RID, Records.HASH, Records.HISTORY, Records.FILE, Records.LINE,
                Records.RAW, m.label(), Records.DATASET, Records.KEY, Records.FLAGS);
        deleteRowLinks = "UNWIND $rids AS rid MATCH (:%s {%s: rid})-[x]->() DELETE x"
                .formatted(Records.LABEL, Records.RID);
        List<String> deletes = new ArrayList<>();
        List<String> linkStatements = new ArrayList<>();
        for (int i = 0; i < m.links().size(); i++) {
            LinkSpec l = m.links().get(i);
            linkStatements.add(l.betweenEntities() ? between(l, i) : fromRow(l, i));
            if (l.betweenEntities()) {
                String delete = "UNWIND $rids AS rid MATCH ()-[x:%s {%s: rid}]->() DELETE x".formatted(l.type(), Records.SRC);
                if (!deletes.contains(delete)) {
                    deletes.add(delete);
                }
            }
        }
        deleteEntityLinks = List.copyOf(deletes);
        links = List.copyOf(linkStatements);
    }

    private static String fromRow(LinkSpec l, int index) {
        EntityKind e = l.entity();
        return """
                UNWIND $links AS l
                MATCH (r:%s {%s: l.rid})
                MERGE (e:%s {%s: l.key})
                %s
                MERGE (r)-[x:%s {link: %d}]->(e)
                SET x += l.rel, x.%s = l.rid
                """.formatted(Records.LABEL, Records.RID, e.label(), e.key(), setClause(l), l.type(), index, Records.SRC);
    }

    private static String between(LinkSpec l, int index) {
        return """
                UNWIND $links AS l
                MATCH (a:%s {%s: l.fromKey})
                MATCH (e:%s {%s: l.key})
                %s
                MERGE (a)-[x:%s {%s: l.rid, link: %d}]->(e)
                SET x += l.rel
                """.formatted(l.fromEntity().label(), l.fromEntity().key(), l.entity().label(), l.entity().key(),
                setClause(l), l.type(), Records.SRC, index);
    }

    /**
     * Values copied onto the entity with their provenance ({@code src_<prop>} = rid). A master dataset overwrites
     * with what it knows; any other fills only what is still unknown. Birth date and sex of a person come from the
     * identity number, so every dataset may fill them.
     */
    private static String setClause(LinkSpec l) {
        List<String> items = new ArrayList<>();
        List<String> props = new ArrayList<>(l.set().keySet());
        if (l.entity() == EntityKind.PERSON) {
            props.add("birthDate");
            props.add("sex");
        }
        props.sort(String::compareTo);
        for (String p : props) {
            String src = Records.VALUE_SRC_PREFIX + p;
            boolean master = l.master() && l.set().containsKey(p);
            if (master) {
                items.add("e.%2$s = CASE WHEN l.set.%1$s IS NULL THEN e.%2$s ELSE l.rid END".formatted(p, src));
                items.add("e.%1$s = coalesce(l.set.%1$s, e.%1$s)".formatted(p));
            } else {
                items.add("e.%2$s = CASE WHEN e.%1$s IS NULL AND l.set.%1$s IS NOT NULL THEN l.rid ELSE e.%2$s END"
                        .formatted(p, src));
                items.add("e.%1$s = coalesce(e.%1$s, l.set.%1$s)".formatted(p));
            }
        }
        return items.isEmpty() ? "" : "SET " + String.join(",\n    ", items);
    }

}

package org.tongxin.ingest.load;

import java.util.ArrayList;
import java.util.List;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.LinkSpec;
import org.tongxin.model.schema.EntityKind;
import org.tongxin.model.schema.Records;

/**
 * The Cypher that writes one dataset, generated once from its mapping. Labels, types and property names come
 * from the mapping files, whose names are checked against identifier patterns when they are read; values always
 * travel as parameters.
 *
 * <p>Rows are classified first (new, changed, unchanged by their hash), so that new rows are plain CREATEs and
 * unchanged rows cost one index lookup. Relationships of a new or changed row are always created afresh (a
 * changed row's old ones are deleted in the same transaction), so they need no MERGE either.
 */
final class CypherTemplates {

    final String anyRecord;
    final String existingHashes;
    final String createRows;
    final String updateRows;
    final String deleteRowLinks;
    final List<String> deleteEntityLinks;
    final List<String> links;

    CypherTemplates(DatasetMapping m) {
        anyRecord = "MATCH (r:%s) RETURN count(r) > 0 AS any LIMIT 1".formatted(m.label());
        existingHashes = "UNWIND $rids AS rid MATCH (r:%s {%s: rid}) RETURN rid, r.%s AS hash"
                .formatted(Records.LABEL, Records.RID, Records.HASH);
        createRows = "UNWIND $rows AS row CREATE (r:%s:%s) SET r = row".formatted(Records.LABEL, m.label());
        updateRows = """
                UNWIND $rows AS row
                MATCH (r:%1$s {%2$s: row.%2$s})
                WITH r, row, coalesce(r.%3$s, []) + [r.%4$s + '#' + toString(r.%5$s) + ' ' + r.%6$s] AS history
                SET r = row
                SET r.%3$s = history
                """.formatted(Records.LABEL, Records.RID, Records.HISTORY, Records.SOURCE, Records.LINE, Records.RAW);
        deleteRowLinks = "UNWIND $rids AS rid MATCH (:%s {%s: rid})-[x]->() DELETE x".formatted(Records.LABEL, Records.RID);
        List<String> deletes = new ArrayList<>();
        List<String> linkStatements = new ArrayList<>();
        for (int i = 0; i < m.links().size(); i++) {
            LinkSpec l = m.links().get(i);
            linkStatements.add(l.betweenEntities() ? between(l) : fromRow(l));
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

    private static String fromRow(LinkSpec l) {
        EntityKind e = l.entity();
        return """
                UNWIND $links AS l
                MATCH (r:%s {%s: l.rid})
                MERGE (e:%s {%s: l.key})
                %s
                CREATE (r)-[x:%s]->(e)
                SET x = l.rel
                """.formatted(Records.LABEL, Records.RID, e.label(), e.key(), setClause(l), l.type());
    }

    private static String between(LinkSpec l) {
        return """
                UNWIND $links AS l
                MATCH (a:%s {%s: l.fromKey})
                MATCH (e:%s {%s: l.key})
                %s
                CREATE (a)-[x:%s]->(e)
                SET x = l.rel
                """.formatted(l.fromEntity().label(), l.fromEntity().key(), l.entity().label(), l.entity().key(),
                setClause(l), l.type());
    }

    /**
     * Values copied onto the entity with their provenance ({@code src_<prop>} = rid), written only when they
     * change something: a master dataset overwrites with what it knows, any other fills only what is still
     * unknown. A person's birth date and sex come from the identity number, its key, so they are set once.
     */
    private static String setClause(LinkSpec l) {
        StringBuilder sb = new StringBuilder();
        if (l.entity() == EntityKind.PERSON && !l.betweenEntities()) {
            sb.append("ON CREATE SET e.birthDate = l.set.birthDate, e.sex = l.set.sex\n");
        }
        List<String> props = new ArrayList<>(l.set().keySet());
        props.sort(String::compareTo);
        for (String p : props) {
            String when = l.master()
                    ? "l.set.%1$s IS NOT NULL AND (e.%1$s IS NULL OR e.%1$s <> l.set.%1$s)".formatted(p)
                    : "l.set.%1$s IS NOT NULL AND e.%1$s IS NULL".formatted(p);
            sb.append("FOREACH (_ IN CASE WHEN %s THEN [1] ELSE [] END | SET e.%s = l.set.%s, e.%s%s = l.rid)\n"
                    .formatted(when, p, p, Records.VALUE_SRC_PREFIX, p));
        }
        return sb.toString();
    }
}

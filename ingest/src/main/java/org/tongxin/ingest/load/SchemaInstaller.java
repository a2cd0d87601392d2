package org.tongxin.ingest.load;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neo4j.driver.Session;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.LinkSpec;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.schema.EntityKind;
import org.tongxin.model.schema.Records;

/** Creates the constraints and indexes of the graph model; idempotent, run at every start. */
public final class SchemaInstaller {

    private SchemaInstaller() {
    }

    public static List<String> statements(Mappings mappings) {
        List<String> s = new ArrayList<>();
        s.add("CREATE CONSTRAINT record_rid IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE"
                .formatted(Records.LABEL, Records.RID));
        s.add("CREATE CONSTRAINT source_file_sid IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE"
                .formatted(Records.SOURCE_FILE, Records.SID));
        s.add("CREATE INDEX record_dataset IF NOT EXISTS FOR (n:%s) ON (n.%s)".formatted(Records.LABEL, Records.DATASET));
        for (EntityKind k : EntityKind.values()) {
            s.add("CREATE CONSTRAINT %s_key IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE"
                    .formatted(k.label().toLowerCase(), k.label(), k.key()));
        }
        Set<String> relTypes = new LinkedHashSet<>();
        for (DatasetMapping m : mappings.all()) {
            for (LinkSpec l : m.links()) {
                if (l.betweenEntities()) {
                    relTypes.add(l.type());
                }
            }
        }
        for (String t : relTypes) {
            s.add("CREATE INDEX rel_%s_src IF NOT EXISTS FOR ()-[x:%s]-() ON (x.%s)"
                    .formatted(t.toLowerCase(), t, Records.SRC));
        }
        return s;
    }

    public static void install(GraphStore store, Mappings mappings) {
        try (Session session = store.driver().session(store.session())) {
            for (String statement : statements(mappings)) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }
}

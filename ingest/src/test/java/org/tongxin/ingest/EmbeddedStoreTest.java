package org.tongxin.ingest;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.Session;
import org.tongxin.model.id.IdNumber;

/** Base of the tests that share one embedded Neo4j per class. */
public abstract class EmbeddedStoreTest {

    protected static EmbeddedStoreExtension neo4j;

    @BeforeAll
    static void startNeo4j() throws Exception {
        neo4j = new EmbeddedStoreExtension();
    }

    @AfterAll
    static void stopNeo4j() throws Exception {
        neo4j.close();
    }

    /** A valid identity number: the 17 digits given plus their check character. */
    protected static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    protected static long count(String cypher) {
        return count(cypher, Map.of());
    }

    protected static long count(String cypher, Map<String, Object> params) {
        try (Session s = neo4j.store().driver().session()) {
            return s.run(cypher, params).single().get(0).asLong();
        }
    }
}

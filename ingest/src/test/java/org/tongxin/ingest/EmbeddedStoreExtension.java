package org.tongxin.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;

/** One embedded Neo4j per test class, in a temporary directory, emptied between tests on request. */
public final class EmbeddedStoreExtension implements AutoCloseable {

    private final Path dir;
    private final GraphStore store;

    public EmbeddedStoreExtension() throws Exception {
        dir = Files.createTempDirectory("tongxin-store");
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("64m").build());
    }

    public GraphStore store() {
        return store;
    }

    public Path dir() {
        return dir;
    }

    /** Deletes every node and relationship (the schema stays). */
    public void clear() {
        try (var s = store.driver().session()) {
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }

    @Override
    public void close() throws Exception {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

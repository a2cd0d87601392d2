package org.tongxin.web.cli;

import java.net.URI;
import java.nio.file.Path;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import picocli.CommandLine.Option;

/** Where the graph is: {@code --store DIR} (embedded, the default) or {@code --neo4j-uri URI}. */
public final class StoreOptions {

    @Option(names = "--store", paramLabel = "DIR", description = "Embedded Neo4j store directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "data/store")
    Path store;

    @Option(names = "--neo4j-uri", paramLabel = "URI",
            description = "External Neo4j (bolt:// or neo4j://); user and password from NEO4J_USER / NEO4J_PASSWORD.")
    URI uri;

    @Option(names = "--bolt-port", paramLabel = "PORT", defaultValue = "7687",
            description = "Bolt port of the embedded store on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int boltPort;

    @Option(names = "--page-cache", paramLabel = "SIZE", defaultValue = "512m",
            description = "Page cache of the embedded store (default: ${DEFAULT-VALUE}).")
    String pageCache;

    @Option(names = "--state", paramLabel = "DIR",
            description = "State folder: the key file that pseudonymises personal values, users, the audit log "
                    + "(default: the folder 'state' beside the store; data/state with --neo4j-uri).")
    Path state;

    /** The state folder: given, or beside the embedded store, or data/state for a server. */
    Path stateDir() {
        if (state != null) {
            return state;
        }
        return uri != null ? Path.of("data/state") : store.toAbsolutePath().resolveSibling("state");
    }

    StoreConfig config() {
        if (uri != null) {
            return StoreConfig.builder().uri(uri).credentialsFromEnvironment().stateDir(stateDir()).build();
        }
        return StoreConfig.builder().storeDir(store).boltPort(boltPort).pageCache(pageCache).stateDir(stateDir()).build();
    }

    GraphStore open() {
        GraphStore g = GraphStore.open(config());
        System.err.println(g.isEmbedded()
                ? "Embedded Neo4j: " + store.toAbsolutePath() + " — Bolt " + g.boltUri()
                        + " (user neo4j, password in " + store.toAbsolutePath().resolve("bolt-password") + ")"
                : "Neo4j: " + g.boltUri());
        return g;
    }
}

package org.tongxin.web.cli;

import java.time.LocalDate;
import java.util.List;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.engine.Engine;
import org.tongxin.analytics.engine.GremlinEngine;
import org.tongxin.analytics.model.Models;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.time.LegalAge;
import picocli.CommandLine.Option;

/** {@code --as-of DATE} and {@code --engine cypher|gremlin}. */
public final class ModelOptions {

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate the models as of this date (default: today, Asia/Shanghai).")
    LocalDate asOf;

    @Option(names = "--engine", defaultValue = "cypher", description = "cypher (Neo4j) or gremlin (TinkerGraph built from the store) (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--gremlin-uri", paramLabel = "URI",
            description = "With --engine gremlin: a Gremlin Server (ws://host:8182, traversal source g) instead of the in-process TinkerGraph.")
    java.net.URI gremlinUri;

    @Option(names = "--gremlin-load",
            description = "With --gremlin-uri: first replace the server's graph by the projection of the store.")
    boolean gremlinLoad;

    LocalDate asOf() {
        return asOf == null ? LocalDate.now(LegalAge.ZONE) : asOf;
    }

    Engine engine(GraphStore store) {
        return switch (engine) {
            case "cypher" -> new CypherEngine(store);
            case "gremlin" -> gremlinUri == null ? GremlinEngine.projected(store, Models.all())
                    : GremlinEngine.remote(gremlinUri, gremlinLoad ? store : null, Models.all());
            default -> throw new IllegalArgumentException("unknown engine '" + engine + "' (cypher or gremlin)");
        };
    }

    static void requireJsonl(String format) {
        if (!List.of("jsonl").contains(format)) {
            throw new IllegalArgumentException("unknown format '" + format + "' (jsonl)");
        }
    }
}

package org.tongxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;

/**
 * The pinned versions (Netty, Lucene, ANTLR, Jackson, Caffeine, Jetty) let embedded Neo4j, Javalin and TinkerGraph
 * run together in one JVM: each is started and used for real.
 */
class OneJvmStackTest {

    @Test
    void embeddedNeo4jJavalinAndTinkerGraphWorkSideBySide(@TempDir Path dir) throws Exception {
        try (GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("32m").build());
             TinkerGraph tinker = TinkerGraph.open()) {
            GraphTraversalSource g = tinker.traversal();
            g.addV("Person").property("id", "p1").iterate();
            Javalin app = Javalin.create(config -> config.routes.get("/count", ctx -> {
                try (Session s = store.driver().session()) {
                    long neo = s.run("UNWIND range(1, 5) AS i RETURN count(i) AS n").single().get("n").asLong();
                    ctx.result(neo + "/" + g.V().hasLabel("Person").count().next());
                }
            })).start(0);
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/count")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("5/1");
            } finally {
                app.stop();
            }
        }
    }
}

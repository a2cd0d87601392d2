package org.tongxin.analytics;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.server.GremlinServer;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.engine.GremlinCopy;
import org.tongxin.analytics.engine.GremlinEngine;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.engine.TinkerProjection;
import org.tongxin.analytics.model.Models;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.ingest.synth.CityGenerator;

/**
 * A real Gremlin Server, started in-process on a loopback port; the graph is copied into it and every model runs
 * through the gremlin-driver over the socket, giving the same leads as Cypher on Neo4j.
 */
class RemoteGremlinServerTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);
    private static Path dir;
    private static GraphStore store;
    private static GremlinServer server;
    private static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("tongxin-gremlin");
        CityGenerator.generate(new CityGenerator.Config(800, 33, AS_OF, dir.resolve("city")));
        store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("64m").build());
        new FolderLoader(store, Mappings.bundled(), dir.resolve("q"), 1000, false).load(dir.resolve("city"));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Settings settings = new Settings();
        settings.host = "127.0.0.1";
        settings.port = port;
        settings.graphs = Map.of("graph", Path.of(RemoteGremlinServerTest.class.getResource("/tinkergraph-empty.properties").toURI()).toString());
        server = new GremlinServer(settings);
        var executor = server.start().get();
        Graph graph = executor.getGraphManager().getGraph("graph");
        executor.getGraphManager().putTraversalSource("g", graph.traversal());
        cluster = Cluster.build("127.0.0.1").port(port).create();
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
        server.stop().get();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void everyModelRunsOverTheGremlinDriverAndMatchesCypher() throws Exception {
        TinkerGraph projected = TinkerProjection.build(store, Models.all());
        try (GraphTraversalSource remote = traversal().withRemote(DriverRemoteConnection.using(cluster, "g"))) {
            long copied = GremlinCopy.copy(projected, remote);
            assertThat(remote.V().count().next()).isEqualTo(copied);
            GremlinEngine gremlin = new GremlinEngine(remote);
            CypherEngine cypher = new CypherEngine(store);
            int leads = 0;
            for (Model m : Models.all()) {
                var expected = cypher.leads(m, AS_OF);
                assertThat(gremlin.leads(m, AS_OF)).as(m.id()).isEqualTo(expected);
                leads += expected.size();
            }
            assertThat(leads).isGreaterThan(50);
        }
    }
}

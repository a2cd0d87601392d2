package org.tongxin.analytics.engine;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;

import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.ingest.store.GraphStore;

/**
 * Runs a model's Gremlin traversal on a graph traversal source: the in-process TinkerGraph projected from the
 * store ({@link #projected}), or any Gremlin Server reached with the gremlin-driver ({@link #remote}).
 */
public final class GremlinEngine implements Engine, AutoCloseable {

    private final GraphTraversalSource g;
    private final Cluster cluster;
    /** The birthdays the graph was projected with, when this engine projected it; else null (not checked). */
    private final Set<Integer> projectedBirthdays;

    public GremlinEngine(GraphTraversalSource g) {
        this(g, null, null);
    }

    private GremlinEngine(GraphTraversalSource g, Cluster cluster, Set<Integer> projectedBirthdays) {
        this.g = g;
        this.cluster = cluster;
        this.projectedBirthdays = projectedBirthdays;
    }

    /** A TinkerGraph built from the store now for these models (see {@link TinkerProjection}). */
    public static GremlinEngine projected(GraphStore store, Collection<? extends Model> models) {
        return new GremlinEngine(TinkerProjection.build(store, models).traversal(), null,
                TinkerProjection.birthdays(models));
    }

    /**
     * A Gremlin Server at {@code ws://host:port} with a traversal source named {@code g}. With {@code loadFrom}, its
     * graph is first replaced by the projection of that store for these models (for a server that is not kept in
     * step otherwise).
     */
    public static GremlinEngine remote(URI uri, GraphStore loadFrom, Collection<? extends Model> models) {
        if (uri.getScheme() == null || !uri.getScheme().matches("wss?") || uri.getHost() == null) {
            throw new IllegalArgumentException("Gremlin URI must look like ws://host:8182 (got " + uri + ")");
        }
        Cluster cluster = Cluster.build(uri.getHost()).port(uri.getPort() < 0 ? 8182 : uri.getPort())
                .enableSsl(uri.getScheme().equals("wss")).create();
        GraphTraversalSource g = traversal().withRemote(DriverRemoteConnection.using(cluster, "g"));
        if (loadFrom != null) {
            GremlinCopy.copy(TinkerProjection.build(loadFrom, models), g);
        }
        return new GremlinEngine(g, cluster, loadFrom == null ? null : TinkerProjection.birthdays(models));
    }

    @Override
    public String name() {
        return "gremlin";
    }

    @Override
    public List<RuleHit> hits(Model model, LocalDate asOf) {
        // A birthday the projection lacks would silently drop the model's persons: refuse instead.
        if (projectedBirthdays != null && !projectedBirthdays.containsAll(model.birthdays())) {
            throw new IllegalStateException("the graph was projected without the birthdays model " + model.id()
                    + " declares: " + model.birthdays());
        }
        return model.gremlin(g, asOf);
    }

    @Override
    public void close() throws Exception {
        g.close();
        if (cluster != null) {
            cluster.close();
        }
    }
}

package org.tongxin.analytics.engine;

import java.time.LocalDate;
import java.util.List;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.tongxin.analytics.lead.RuleHit;
import org.tongxin.analytics.model.Model;
import org.tongxin.ingest.store.GraphStore;

/**
 * Runs a model's Gremlin traversal on a graph traversal source: the in-process TinkerGraph projected from the
 * store ({@link #projected}), or any Gremlin Server reached with the gremlin-driver.
 */
public final class GremlinEngine implements Engine {

    private final GraphTraversalSource g;

    public GremlinEngine(GraphTraversalSource g) {
        this.g = g;
    }

    /** A TinkerGraph built from the store now (see {@link TinkerProjection}). */
    public static GremlinEngine projected(GraphStore store) {
        return new GremlinEngine(TinkerProjection.build(store).traversal());
    }

    @Override
    public String name() {
        return "gremlin";
    }

    @Override
    public List<RuleHit> hits(Model model, LocalDate asOf) {
        return model.gremlin(g, asOf);
    }
}

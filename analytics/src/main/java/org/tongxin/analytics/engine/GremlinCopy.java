package org.tongxin.analytics.engine;

import java.util.Iterator;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

/**
 * Copies a projected graph into another traversal source — a Gremlin Server reached over the gremlin-driver —
 * with bytecode traversals only (no scripts), {@value #BATCH} elements a request. Vertex ids are kept, so the
 * target must accept user-supplied ids (TinkerGraph does; JanusGraph needs {@code graph.set-vertex-id}).
 */
public final class GremlinCopy {

    static final int BATCH = 100;

    private GremlinCopy() {
    }

    /** Drops everything in the target, then writes every vertex and edge of the source. Returns the vertex count. */
    public static long copy(Graph source, GraphTraversalSource target) {
        target.V().drop().iterate();
        long vertices = 0;
        GraphTraversal<?, ?> t = null;
        for (Iterator<Vertex> it = source.vertices(); it.hasNext(); ) {
            Vertex v = it.next();
            t = (t == null ? target.addV(v.label()) : t.addV(v.label())).property(T.id, v.id());
            for (Iterator<VertexProperty<Object>> ps = v.properties(); ps.hasNext(); ) {
                VertexProperty<Object> p = ps.next();
                t = t.property(p.key(), p.value());
            }
            t = sendEvery(++vertices, t);
        }
        send(t);
        t = null;
        long edges = 0;
        for (Iterator<Edge> it = source.edges(); it.hasNext(); ) {
            Edge e = it.next();
            t = (t == null ? target.V(e.outVertex().id()) : t.V(e.outVertex().id()))
                    .addE(e.label()).to(__.V(e.inVertex().id()));
            for (Iterator<Property<Object>> ps = e.properties(); ps.hasNext(); ) {
                Property<Object> p = ps.next();
                t = t.property(p.key(), p.value());
            }
            t = sendEvery(++edges, t);
        }
        send(t);
        return vertices;
    }

    /** Sends the batch when it is full; returns what is left to send (null when sent). */
    private static GraphTraversal<?, ?> sendEvery(long count, GraphTraversal<?, ?> t) {
        if (count % BATCH == 0) {
            t.iterate();
            return null;
        }
        return t;
    }

    private static void send(GraphTraversal<?, ?> t) {
        if (t != null) {
            t.iterate();
        }
    }
}

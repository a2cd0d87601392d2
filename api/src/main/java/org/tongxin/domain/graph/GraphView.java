package org.tongxin.domain.graph;

import java.util.List;
import java.util.Map;

/** What the explorer draws: nodes and relationships in one shape for every endpoint. */
public final class GraphView {

    /** A node: element id, labels, kind (hub label, Record or Lead), Chinese kind, caption, masked properties. */
    public record GNode(String id, List<String> labels, String kind, String kindZh, String caption,
                        Map<String, Object> properties) {
    }

    /** A relationship between two nodes by element id. */
    public record GEdge(String id, String type, String from, String to, Map<String, Object> properties) {
    }

    private GraphView() {
    }
}

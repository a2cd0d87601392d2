package org.tongxin.domain.lead;

import java.util.List;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;

/** A lead's evidence graph: lead → records → the people, places and objects they name; {@code subject} is a node id. */
public record EvidenceGraph(List<GNode> nodes, List<GEdge> edges, String subject) {
}

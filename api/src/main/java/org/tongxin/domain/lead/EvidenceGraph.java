package org.tongxin.domain.lead;

import java.util.List;
import java.util.Map;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;

/**
 * A lead's evidence graph: lead → records → the people, places and objects they name; {@code subject} is a node id.
 * Each person carries its role in the lead ({@link LeadRoles}); other nodes have none.
 */
public record EvidenceGraph(List<EvidenceNode> nodes, List<GEdge> edges, String subject) {

    /** A node as the explorer's {@link GNode}, plus the person's role in the lead (null for anything but a person). */
    public record EvidenceNode(String id, List<String> labels, String kind, String kindZh, String caption,
                               Map<String, Object> properties, PersonRole.RoleInLead role) {

        public static EvidenceNode of(GNode n, PersonRole role) {
            return new EvidenceNode(n.id(), n.labels(), n.kind(), n.kindZh(), n.caption(), n.properties(),
                    role == null ? null : role.answer());
        }

        /** The node without its role, in the explorer's shape. */
        public GNode node() {
            return new GNode(id, labels, kind, kindZh, caption, properties);
        }
    }
}

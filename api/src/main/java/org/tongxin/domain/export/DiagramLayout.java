package org.tongxin.domain.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.graph.Relations;

/**
 * A lead's evidence path laid out for a case file, left to right: the subject in the first column, then each
 * column one hop further (records and the people, places and objects they name alternate), so the source
 * records sit right of what they prove. Within a column nodes are ordered by kind and caption, so the same lead
 * always gives the same picture. The lead node itself is left out.
 *
 * <p>Cost: one breadth-first pass, O(nodes + edges · log).
 */
public final class DiagramLayout {

    public static final int BOX_W = 260;
    public static final int BOX_H = 56;
    public static final int COL_GAP = 90;
    public static final int ROW_GAP = 22;
    public static final int MARGIN = 30;
    public static final int TITLE_H = 40;

    /** A placed box: top-left corner, two lines of text, and its kind (for the colour). */
    public record Box(String id, int x, int y, String kind, String line1, String line2, boolean subject) {
    }

    /** A connection between two boxes, with its label in Chinese. */
    public record Link(Box from, Box to, String label) {
    }

    /** The whole picture. */
    public record Layout(String title, int width, int height, List<Box> boxes, List<Link> links) {
    }

    private static final List<String> KIND_ORDER = List.of("Person", "Vehicle", "Venue", "Unit", "Household", "Case",
            "Incident", "Record");

    private DiagramLayout() {
    }

    /**
     * @param nodes    the evidence graph's nodes (already masked)
     * @param edges    its relationships
     * @param subject  the id of the node the lead is about
     * @param line2    a node's second line (its caption or, for a record, its key and date)
     */
    public static Layout of(String title, List<GNode> nodes, List<GEdge> edges, String subject,
                            java.util.function.Function<GNode, String> line2) {
        Map<String, GNode> byId = new LinkedHashMap<>();
        nodes.stream().filter(n -> !n.kind().equals("Lead")).forEach(n -> byId.put(n.id(), n));
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("the evidence graph has no nodes to draw");
        }
        List<GEdge> drawn = edges.stream().filter(e -> byId.containsKey(e.from()) && byId.containsKey(e.to())).toList();
        Map<String, List<String>> adjacent = new HashMap<>();
        for (GEdge e : drawn) {
            adjacent.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            adjacent.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
        }
        String start = byId.containsKey(subject) ? subject : byId.keySet().iterator().next();
        Map<String, Integer> column = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        column.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (String next : adjacent.getOrDefault(id, List.of())) {
                if (!column.containsKey(next)) {
                    column.put(next, column.get(id) + 1);
                    queue.add(next);
                }
            }
        }
        int last = column.values().stream().max(Integer::compare).orElse(0);
        for (String id : byId.keySet()) {
            column.putIfAbsent(id, last + 1);
        }
        int columns = column.values().stream().max(Integer::compare).orElse(0) + 1;
        Comparator<GNode> order = Comparator.<GNode>comparingInt(n -> KIND_ORDER.indexOf(n.kind()) < 0 ? 99 : KIND_ORDER.indexOf(n.kind()))
                .thenComparing(GNode::caption).thenComparing(GNode::id);
        Map<String, Box> boxes = new LinkedHashMap<>();
        int maxRows = 0;
        for (int c = 0; c < columns; c++) {
            final int col = c;
            List<GNode> inColumn = byId.values().stream().filter(n -> column.get(n.id()) == col).sorted(order).toList();
            maxRows = Math.max(maxRows, inColumn.size());
            for (int r = 0; r < inColumn.size(); r++) {
                GNode n = inColumn.get(r);
                boxes.put(n.id(), new Box(n.id(), MARGIN + c * (BOX_W + COL_GAP), TITLE_H + MARGIN + r * (BOX_H + ROW_GAP),
                        n.kind(), n.kindZh(), line2.apply(n), n.id().equals(start)));
            }
        }
        List<Link> links = new ArrayList<>();
        for (GEdge e : drawn) {
            Box a = boxes.get(e.from());
            Box b = boxes.get(e.to());
            links.add(a.x() <= b.x() ? new Link(a, b, Relations.zh(e.type())) : new Link(b, a, Relations.zh(e.type())));
        }
        links.sort(Comparator.comparing((Link l) -> l.from().id()).thenComparing(l -> l.to().id()).thenComparing(Link::label));
        int width = 2 * MARGIN + columns * BOX_W + (columns - 1) * COL_GAP;
        int height = TITLE_H + 2 * MARGIN + maxRows * BOX_H + (maxRows - 1) * ROW_GAP;
        return new Layout(title, width, height, List.copyOf(boxes.values()), List.copyOf(links));
    }

    /** Fill and stroke colours per kind, shared by the SVG and PNG renderers. */
    static String fill(String kind) {
        return switch (kind) {
            case "Person" -> "#e8f1fb";
            case "Vehicle", "Venue", "Unit" -> "#fdf3e1";
            case "Record" -> "#f2f2f2";
            default -> "#eef7ee";
        };
    }

    static String stroke(Box b) {
        return b.subject() ? "#c0392b" : b.kind().equals("Record") ? "#777777" : "#4a6fa5";
    }
}

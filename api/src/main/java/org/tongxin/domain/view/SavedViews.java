package org.tongxin.domain.view;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.persistence.SavedViewEntity;
import org.tongxin.domain.persistence.SavedViewStore;
import org.tongxin.domain.problem.Check;
import org.tongxin.domain.problem.Problem;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;
import org.tongxin.model.time.LegalAge;

/**
 * The explorer's saved views: a user saves what the explorer shows (a name, an optional note, the element ids of
 * the nodes drawn and where they stand), lists, opens, renames and deletes their own. A view holds node ids only;
 * opening it reads the nodes again as the reader may see them now (masked; a node the explorer may not draw, or one
 * gone since, is left out and counted). Another user's view is answered as absent. Names and notes are free text
 * and stored sealed (the same name seals to the same token, so names stay unique), shown with numbers masked.
 */
public final class SavedViews {

    public static final int MAX_NODES = 500;
    public static final int MAX_VIEWS = 200;
    public static final int MAX_NAME = 60;
    public static final int MAX_NOTE = 500;
    private static final int MAX_ID = 200;
    private static final int MAX_EDGES = 5_000;
    private static final double MAX_COORDINATE = 1e7;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A node of the view and its position in the explorer (Cytoscape model coordinates). */
    public record Placed(String id, Double x, Double y) {
    }

    /** A view to save: its name, an optional note, the nodes with their positions. */
    public record ViewBody(String name, String note, List<Placed> nodes) {
    }

    /** A new name (and note; an absent note keeps the old one). */
    public record RenameBody(String name, String note) {
    }

    /** A view as the list shows it: no node data, only how many nodes it holds. */
    public record ViewSummary(String id, String name, String note, int nodes, String createdAt, String updatedAt) {
    }

    /** The user's own views, last changed first. */
    public record ViewList(List<ViewSummary> views, int max) {
    }

    /** A node read again for the view, with its saved position. */
    public record ViewNode(GNode node, double x, double y) {
    }

    /**
     * A view opened: its fields, the nodes the reader may see (masked, at their saved positions), the relationships
     * among them, how many nodes were saved and how many are left out.
     */
    public record OpenedView(String id, String name, String note, String createdAt, String updatedAt,
                             List<ViewNode> nodes, List<GEdge> edges, int saved, int omitted) {
    }

    /** A view deleted. */
    public record Deleted(String id, boolean deleted) {
    }

    private final SavedViewStore store;
    private final GraphQueries graph;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public SavedViews(SavedViewStore store, GraphQueries graph, Pseudonyms pseudonyms, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    public ViewList list(String owner) {
        return new ViewList(store.list(owner).stream().map(this::summary).toList(), MAX_VIEWS);
    }

    /** Saves a new view of the owner's. */
    public ViewSummary save(String owner, ViewBody body) {
        if (body == null) {
            throw Problem.invalid("view.no-nodes");
        }
        String name = Check.text(body.name(), "name", MAX_NAME, true);
        String note = Check.text(body.note(), "note", MAX_NOTE, false);
        List<Placed> nodes = body.nodes() == null ? List.of() : body.nodes();
        if (nodes.isEmpty()) {
            throw Problem.invalid("view.no-nodes");
        }
        if (nodes.size() > MAX_NODES) {
            throw Problem.invalid("view.too-many-nodes", MAX_NODES);
        }
        List<String> ids = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Placed p : nodes) {
            if (p == null || p.id() == null || p.id().isBlank() || p.id().length() > MAX_ID) {
                throw Problem.invalid("view.bad-node-id");
            }
            if (!seen.add(p.id())) {
                continue;
            }
            ids.add(p.id());
            xs.add(coordinate(p.x()));
            ys.add(coordinate(p.y()));
        }
        if (store.count(owner) >= MAX_VIEWS) {
            throw Problem.conflict("view.too-many", MAX_VIEWS);
        }
        if (store.nameTaken(owner, sealed(name), null)) {
            throw Problem.conflict("view.name-taken", name);
        }
        String id = "V" + HexFormat.of().formatHex(RANDOM.generateSeed(8));
        return summary(store.save(new SavedViewEntity(id, owner, sealed(name), note.isEmpty() ? null : sealed(note), ids,
                xs, ys, now())));
    }

    /** Opens one of the owner's views: the nodes read again, as this reader may see them. */
    public OpenedView open(String owner, String id) {
        SavedViewEntity v = find(owner, id);
        List<String> ids = v.getNodeIds();
        GraphQueries.Subgraph g = graph.subgraph(ids, MAX_EDGES);
        List<ViewNode> nodes = new ArrayList<>();
        for (GNode n : g.nodes()) {
            int i = ids.indexOf(n.id());
            nodes.add(new ViewNode(n, at(v.getXs(), i), at(v.getYs(), i)));
        }
        return new OpenedView(v.getId(), shown(v.getName()), shown(v.getNote()), text(v.getCreatedAt()), text(v.getUpdatedAt()),
                nodes, g.edges(), ids.size(), g.missing());
    }

    /** Renames one of the owner's views (and changes its note when one is given). */
    public ViewSummary rename(String owner, String id, RenameBody body) {
        SavedViewEntity v = find(owner, id);
        String name = Check.text(body == null ? null : body.name(), "name", MAX_NAME, true);
        String note = body.note() == null ? v.getNote() : Check.text(body.note(), "note", MAX_NOTE, false);
        if (store.nameTaken(owner, sealed(name), id)) {
            throw Problem.conflict("view.name-taken", name);
        }
        v.rename(sealed(name), note == null || note.isEmpty() ? null : sealed(note), now());
        return summary(store.save(v));
    }

    /** Deletes one of the owner's views. */
    public Deleted delete(String owner, String id) {
        if (!store.delete(owner, id)) {
            throw Problem.notFound("view.not-found", id);
        }
        return new Deleted(id, true);
    }

    /** One of the owner's views; another user's is answered as absent. */
    private SavedViewEntity find(String owner, String id) {
        return store.find(owner, id == null ? "" : id).orElseThrow(() -> Problem.notFound("view.not-found", id));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(LegalAge.ZONE)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static double coordinate(Double v) {
        if (v == null) {
            return 0;
        }
        if (v.isNaN() || v.isInfinite() || Math.abs(v) > MAX_COORDINATE) {
            throw Problem.invalid("view.bad-position");
        }
        return v;
    }

    private static double at(List<Double> list, int i) {
        return i >= 0 && i < list.size() && list.get(i) != null ? list.get(i) : 0;
    }

    private ViewSummary summary(SavedViewEntity v) {
        return new ViewSummary(v.getId(), shown(v.getName()), shown(v.getNote()), v.getNodeIds().size(),
                text(v.getCreatedAt()), text(v.getUpdatedAt()));
    }

    /** A name or note as stored: sealed (sealing a kept note again leaves it as it is). */
    private String sealed(String text) {
        return pseudonyms.seal(PiiKind.TEXT, text);
    }

    /** A stored name or note as shown: opened, identity and phone numbers masked. */
    private String shown(String stored) {
        return stored == null ? null : Masking.text(pseudonyms, stored);
    }

    private static String text(LocalDateTime t) {
        return t == null ? null : t.toString();
    }
}

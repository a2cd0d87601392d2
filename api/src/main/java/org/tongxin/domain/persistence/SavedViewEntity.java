package org.tongxin.domain.persistence;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/**
 * A saved view of the explorer, {@code (:SavedView)}: its owner (a user name), name, optional note, and the element
 * ids of the nodes drawn with their positions ({@code xs}, {@code ys} in the same order). It holds no copy of a
 * node's data: reopening reads the nodes again, as the reader may see them. Linked to nothing.
 */
@Node("SavedView")
public class SavedViewEntity {

    @Id
    private String id;
    private String owner;
    private String name;
    private String note;
    private List<String> nodeIds = new ArrayList<>();
    private List<Double> xs = new ArrayList<>();
    private List<Double> ys = new ArrayList<>();
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    protected SavedViewEntity() {
    }

    /** A new view. */
    public SavedViewEntity(String id, String owner, String name, String note, List<String> nodeIds, List<Double> xs,
                           List<Double> ys, LocalDateTime createdAt) {
        if (nodeIds.size() != xs.size() || nodeIds.size() != ys.size()) {
            throw new IllegalArgumentException("one position per node");
        }
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.note = note;
        this.nodeIds = List.copyOf(nodeIds);
        this.xs = List.copyOf(xs);
        this.ys = List.copyOf(ys);
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** A new name and note. */
    public void rename(String name, String note, LocalDateTime at) {
        this.name = name;
        this.note = note;
        this.updatedAt = at;
    }

    public String getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public String getNote() {
        return note;
    }

    public List<String> getNodeIds() {
        return nodeIds == null ? List.of() : nodeIds;
    }

    public List<Double> getXs() {
        return xs == null ? List.of() : xs;
    }

    public List<Double> getYs() {
        return ys == null ? List.of() : ys;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}

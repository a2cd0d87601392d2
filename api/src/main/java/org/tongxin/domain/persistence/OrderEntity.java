package org.tongxin.domain.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;

/**
 * An order to a guardian, {@code (:Order)}, as Spring Data maps it: the node's properties and its steps
 * {@code -[:STEP]->(:CaseStep)}. Names, the minor's number and the facts are stored sealed (the caller seals).
 * The steps and the step counter are read only: the workflow engine writes them, in its own statements.
 */
@Node("Order")
public class OrderEntity {

    @Id
    private String id;
    private String kind;
    private String status;
    private String minorId;
    private String minorName;
    private String guardianName;
    private String guardianRelation;
    private String guardianUser;
    private String leadRef;
    private String facts;
    private List<String> requirements;
    private LocalDate dueBy;
    private LocalDateTime createdAt;
    private String createdBy;
    @ReadOnlyProperty
    private String thread;
    @ReadOnlyProperty
    private LocalDateTime statusChangedAt;
    @ReadOnlyProperty
    private LocalDateTime issuedAt;
    @ReadOnlyProperty
    private LocalDateTime acknowledgedAt;
    @ReadOnlyProperty
    private LocalDateTime closedAt;
    @ReadOnlyProperty
    private LocalDateTime cancelledAt;
    @ReadOnlyProperty
    @Relationship(type = "STEP")
    private List<CaseStepEntity> steps = new ArrayList<>();

    protected OrderEntity() {
    }

    /** A new draft. */
    public OrderEntity(String id, String kind, String minorId, String minorName, String guardianName,
                       String guardianRelation, String guardianUser, String leadRef, String facts, List<String> requirements,
                       LocalDate dueBy, LocalDateTime createdAt, String createdBy) {
        this.id = id;
        this.kind = kind;
        this.status = "draft";
        this.minorId = minorId;
        this.minorName = minorName;
        this.guardianName = guardianName;
        this.guardianRelation = guardianRelation;
        this.guardianUser = guardianUser;
        this.leadRef = leadRef;
        this.facts = facts;
        this.requirements = requirements;
        this.dueBy = dueBy;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getStatus() {
        return status;
    }

    public String getMinorId() {
        return minorId;
    }

    public String getMinorName() {
        return minorName;
    }

    public String getGuardianName() {
        return guardianName;
    }

    public String getGuardianRelation() {
        return guardianRelation;
    }

    public String getGuardianUser() {
        return guardianUser;
    }

    public String getLeadRef() {
        return leadRef;
    }

    public String getFacts() {
        return facts;
    }

    public List<String> getRequirements() {
        return requirements;
    }

    public LocalDate getDueBy() {
        return dueBy;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getThread() {
        return thread;
    }

    public LocalDateTime getStatusChangedAt() {
        return statusChangedAt;
    }

    public LocalDateTime getIssuedAt() {
        return issuedAt;
    }

    public LocalDateTime getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public LocalDateTime getClosedAt() {
        return closedAt;
    }

    public LocalDateTime getCancelledAt() {
        return cancelledAt;
    }

    /** The steps, oldest first. */
    public List<CaseStepEntity> getSteps() {
        return steps.stream().sorted(Comparator.comparing(CaseStepEntity::getSeq, Comparator.nullsFirst(Long::compare)))
                .toList();
    }
}

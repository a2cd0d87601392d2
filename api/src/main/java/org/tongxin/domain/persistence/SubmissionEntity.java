package org.tongxin.domain.persistence;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Property;
import org.springframework.data.neo4j.core.schema.Relationship;

/**
 * A volunteer's submission, {@code (:Submission)}, as Spring Data maps it: the properties written when it is
 * submitted (the description sealed by the caller), and, read only, what the workflow writes later (the status
 * dates, the department, the result, the proposal) and its steps {@code -[:STEP]->(:CaseStep)}. Saved once, when
 * submitted; from then on only the workflow engine writes it. Its link to the place,
 * {@code -[:ABOUT_PLACE]->(:Venue|:Unit)}, is an ingest-loaded node and written by {@link SubmissionStore}.
 */
@Node("Submission")
public class SubmissionEntity {

    @Id
    private String id;
    private String category;
    private String suggested;
    private String description;
    private LocalDateTime at;
    private LocalDateTime submittedAt;
    @Property("by")
    private String submitter;
    private List<String> media;
    private List<String> mediaTypes;
    private String placeKey;
    private String placeName;
    private String placeKind;
    private Long distance;
    private Double lat;
    private Double lon;
    private String status;
    @ReadOnlyProperty
    private LocalDateTime statusChangedAt;
    @ReadOnlyProperty
    private LocalDateTime acknowledgedAt;
    @ReadOnlyProperty
    private String department;
    @ReadOnlyProperty
    private String result;
    @ReadOnlyProperty
    private LocalDateTime closedAt;
    @ReadOnlyProperty
    private String proposal;
    @ReadOnlyProperty
    @Relationship(type = "STEP")
    private List<CaseStepEntity> steps = new ArrayList<>();

    protected SubmissionEntity() {
    }

    /** A new submission, {@code submitted}; {@code distance}, {@code lat} and {@code lon} may be null (not stored). */
    public SubmissionEntity(String id, String category, String suggested, String description, LocalDateTime at,
                            LocalDateTime submittedAt, String submitter, List<String> media, List<String> mediaTypes,
                            String placeKey, String placeName, String placeKind, Long distance, Double lat, Double lon) {
        this.id = id;
        this.category = category;
        this.suggested = suggested;
        this.description = description;
        this.at = at;
        this.submittedAt = submittedAt;
        this.submitter = submitter;
        this.media = media;
        this.mediaTypes = mediaTypes;
        this.placeKey = placeKey;
        this.placeName = placeName;
        this.placeKind = placeKind;
        this.distance = distance;
        this.lat = lat;
        this.lon = lon;
        this.status = "submitted";
    }

    public String getId() {
        return id;
    }

    public String getCategory() {
        return category;
    }

    public String getSuggested() {
        return suggested;
    }

    public String getDescription() {
        return description;
    }

    public LocalDateTime getAt() {
        return at;
    }

    public LocalDateTime getSubmittedAt() {
        return submittedAt;
    }

    /** Who submitted it (stored as {@code by}). */
    public String getSubmitter() {
        return submitter;
    }

    public List<String> getMedia() {
        return media;
    }

    public List<String> getMediaTypes() {
        return mediaTypes;
    }

    public String getPlaceKey() {
        return placeKey;
    }

    public String getPlaceName() {
        return placeName;
    }

    public String getPlaceKind() {
        return placeKind;
    }

    public Long getDistance() {
        return distance;
    }

    public Double getLat() {
        return lat;
    }

    public Double getLon() {
        return lon;
    }

    public String getStatus() {
        return status;
    }

    public LocalDateTime getStatusChangedAt() {
        return statusChangedAt;
    }

    public LocalDateTime getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getDepartment() {
        return department;
    }

    public String getResult() {
        return result;
    }

    public LocalDateTime getClosedAt() {
        return closedAt;
    }

    public String getProposal() {
        return proposal;
    }

    /** The steps, oldest first. */
    public List<CaseStepEntity> getSteps() {
        return steps.stream().sorted(Comparator.comparing(CaseStepEntity::getSeq, Comparator.nullsFirst(Long::compare)))
                .toList();
    }
}

package org.tongxin.domain.persistence;

import java.time.LocalDate;
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
 * A school's order for a class, {@code (:ClassBooking)-[:OF_COURSE]->(:Course)}, as Spring Data maps it: the
 * properties written when it is requested (the course's number and title are copied onto it), the link to its
 * course (saving a booking never rewrites the course), and, read only, what the workflow writes later (who teaches
 * it and when, the status date) and its steps {@code -[:STEP]->(:CaseStep)}. Saved once, when requested.
 */
@Node("ClassBooking")
public class ClassBookingEntity {

    @Id
    private String id;
    private String course;
    private String courseTitle;
    private LocalDate date;
    private String audience;
    private Long size;
    private String school;
    @Property("by")
    private String requestedBy;
    private LocalDateTime requestedAt;
    private String status;
    @ReadOnlyProperty
    private LocalDateTime statusChangedAt;
    @ReadOnlyProperty
    private String prosecutor;
    @ReadOnlyProperty
    private LocalDateTime scheduledAt;
    @Relationship(type = "OF_COURSE", cascadeUpdates = false)
    private CourseEntity ofCourse;
    @ReadOnlyProperty
    @Relationship(type = "STEP")
    private List<CaseStepEntity> steps = new ArrayList<>();

    protected ClassBookingEntity() {
    }

    /** A new booking of {@code course}, {@code requested}. */
    public ClassBookingEntity(String id, CourseEntity course, LocalDate date, String audience, Long size, String school,
                              String requestedBy, LocalDateTime requestedAt) {
        this.id = id;
        this.ofCourse = course;
        this.course = course.getId();
        this.courseTitle = course.getTitle();
        this.date = date;
        this.audience = audience;
        this.size = size;
        this.school = school;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = "requested";
    }

    public String getId() {
        return id;
    }

    /** The course's number, as copied when it was booked. */
    public String getCourse() {
        return course;
    }

    public String getCourseTitle() {
        return courseTitle;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getAudience() {
        return audience;
    }

    public Long getSize() {
        return size;
    }

    public String getSchool() {
        return school;
    }

    /** Who requested it (stored as {@code by}). */
    public String getRequestedBy() {
        return requestedBy;
    }

    public LocalDateTime getRequestedAt() {
        return requestedAt;
    }

    public String getStatus() {
        return status;
    }

    public LocalDateTime getStatusChangedAt() {
        return statusChangedAt;
    }

    public String getProsecutor() {
        return prosecutor;
    }

    public LocalDateTime getScheduledAt() {
        return scheduledAt;
    }

    /** The course node it is linked to (null for a booking whose course is gone). */
    public CourseEntity getOfCourse() {
        return ofCourse;
    }

    /** The steps, oldest first. */
    public List<CaseStepEntity> getSteps() {
        return steps.stream().sorted(Comparator.comparing(CaseStepEntity::getSeq, Comparator.nullsFirst(Long::compare)))
                .toList();
    }
}

package org.tongxin.domain.persistence;

import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/**
 * A class of the education base's catalogue, {@code (:Course)}, as Spring Data maps it: its number
 * ({@code C001}), title, topic, form, length, description and, once attached, its recorded video's media id.
 * Plans and attendance ({@code (:Person)-[:PLAN_CLASS]->}, {@code (:Attendance)-[:OF_COURSE]->}) point at it from
 * ingest-loaded persons and are not mapped here.
 */
@Node("Course")
public class CourseEntity {

    @Id
    private String id;
    private String title;
    private String topic;
    private String form;
    private Long minutes;
    private String description;
    private String video;

    protected CourseEntity() {
    }

    /** A course without a video; {@code id} null for one the catalogue numbers when it is added. */
    public CourseEntity(String id, String title, String topic, String form, Long minutes, String description) {
        this.id = id;
        this.title = title;
        this.topic = topic;
        this.form = form;
        this.minutes = minutes;
        this.description = description;
    }

    /** The same course under the number {@code id}. */
    CourseEntity numbered(String id) {
        return new CourseEntity(id, title, topic, form, minutes, description);
    }

    void setVideo(String video) {
        this.video = video;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getTopic() {
        return topic;
    }

    public String getForm() {
        return form;
    }

    public Long getMinutes() {
        return minutes;
    }

    public String getDescription() {
        return description;
    }

    public String getVideo() {
        return video;
    }
}

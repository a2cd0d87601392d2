package org.tongxin.domain.persistence;

import java.time.LocalDateTime;
import org.springframework.data.neo4j.core.schema.GeneratedValue;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/**
 * A {@code (:CaseStep)} of an order as Spring Data reads it (written by the workflow engine, never saved from here):
 * the fields orders use; a kind's extra fields are not mapped.
 */
@Node("CaseStep")
public class CaseStepEntity {

    @Id
    @GeneratedValue
    private String elementId;
    private Long seq;
    private LocalDateTime at;
    private String by;
    private String from;
    private String to;
    private String kind;
    private String note;

    public Long getSeq() {
        return seq;
    }

    public LocalDateTime getAt() {
        return at;
    }

    public String getBy() {
        return by;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }
}

package org.tongxin.domain.persistence;

import java.time.LocalDateTime;
import org.springframework.data.neo4j.core.schema.GeneratedValue;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/**
 * A {@code (:CaseStep)} of an order, a submission or a class booking as Spring Data reads it (written by the
 * workflow engine, never saved from here): the workflow's own fields and the extras a kind's API shows (a
 * submission's {@code department} and {@code proposal}); other extra fields are not mapped.
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
    private String department;
    private String proposal;

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

    /** The department a submission was referred to, on its referral step. */
    public String getDepartment() {
        return department;
    }

    /** The kind of proposal (recommendation, campaign), on a submission's proposal step. */
    public String getProposal() {
        return proposal;
    }
}

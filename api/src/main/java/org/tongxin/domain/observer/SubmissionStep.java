package org.tongxin.domain.observer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of a submission as the API shows it: the workflow's step fields, then the department a referral went to
 * or the kind of proposal, where the step has one. A field the stored step lacks is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionStep(long seq, String at, String by, String from, String to, String kind, String note,
                             String department, String proposal) {
}

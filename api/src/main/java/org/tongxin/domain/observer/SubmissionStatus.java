package org.tongxin.domain.observer;

import java.util.Optional;
import org.tongxin.domain.code.Coded;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Transitions;

/**
 * The life of a volunteer's submission: submitted, acknowledged, referred to a department or proposed (with a
 * recurring cluster, as a recommendation or a campaign), closed with the reply; or dismissed.
 */
public enum SubmissionStatus implements State {
    SUBMITTED("submitted", "已提交", "Submitted"),
    ACKNOWLEDGED("acknowledged", "已受理", "Acknowledged"),
    REFERRED("referred", "已移送主管部门", "Referred to the department"),
    PROPOSED("proposed", "已提出检察建议/专项监督", "Recommendation or special supervision proposed"),
    DISMISSED("dismissed", "不予处理", "Not pursued"),
    CLOSED("closed", "已办结", "Closed");

    private final Names names;

    SubmissionStatus(String code, String zh, String en) {
        this.names = new Names(code, zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    /** The steps a submission may take (each status's next ones in the order the old adapter listed them). */
    public static final Transitions<SubmissionStatus> STEPS = Transitions.of(SUBMITTED, values())
            .allow(SUBMITTED, ACKNOWLEDGED, DISMISSED, PROPOSED)
            .allow(ACKNOWLEDGED, DISMISSED, PROPOSED, REFERRED)
            .allow(REFERRED, CLOSED)
            .allow(PROPOSED, CLOSED)
            .build();

    public static Optional<SubmissionStatus> of(String code) {
        return Coded.of(SubmissionStatus.class, code);
    }
}

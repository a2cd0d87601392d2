package org.tongxin.domain.observer;

import java.util.Arrays;
import java.util.Optional;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Transitions;

/**
 * The life of a volunteer's submission: submitted, acknowledged, referred to a department or proposed (with a
 * recurring cluster, as a recommendation or a campaign), closed with the reply; or dismissed.
 */
public enum SubmissionStatus implements State {
    SUBMITTED("submitted"),
    ACKNOWLEDGED("acknowledged"),
    REFERRED("referred"),
    PROPOSED("proposed"),
    DISMISSED("dismissed"),
    CLOSED("closed");

    private final String code;

    SubmissionStatus(String code) {
        this.code = code;
    }

    /** The steps a submission may take (each status's next ones in the order the old adapter listed them). */
    public static final Transitions<SubmissionStatus> STEPS = Transitions.of(SUBMITTED, values())
            .allow(SUBMITTED, ACKNOWLEDGED, DISMISSED, PROPOSED)
            .allow(ACKNOWLEDGED, DISMISSED, PROPOSED, REFERRED)
            .allow(REFERRED, CLOSED)
            .allow(PROPOSED, CLOSED)
            .build();

    @Override
    public String code() {
        return code;
    }

    public static Optional<SubmissionStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}

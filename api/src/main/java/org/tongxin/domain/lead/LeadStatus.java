package org.tongxin.domain.lead;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.tongxin.domain.code.Coded;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Transitions;

/**
 * The life of a lead: new → reviewing → one outcome → closed. The outcomes are what a prosecutor can do with a
 * lead (立案监督, 诉前检察建议, 督促监护令, 移送主管部门, 排除); a dismissal needs a reason and a referral names the
 * department.
 */
public enum LeadStatus implements State {
    NEW("new", "新线索", "New"),
    REVIEWING("reviewing", "核查中", "Under review"),
    CASE_FILING_SUPERVISION("case_filing_supervision", "立案监督", "Case-filing supervision"),
    PRE_LITIGATION_RECOMMENDATION("pre_litigation_recommendation", "诉前检察建议", "Pre-litigation recommendation"),
    GUARDIAN_SUPERVISION_ORDER("guardian_supervision_order", "督促监护令", "Guardianship supervision order"),
    REFERRED("referred", "移送主管部门", "Referred to the department"),
    DISMISSED("dismissed", "排除（附理由）", "Dismissed (with reason)"),
    CLOSED("closed", "已办结", "Closed");

    private final Names names;

    LeadStatus(String code, String zh, String en) {
        this.names = new Names(code, zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Optional<LeadStatus> of(String code) {
        return Coded.of(LeadStatus.class, code);
    }

    public static Set<String> codes() {
        return Set.of(Arrays.stream(values()).map(LeadStatus::code).toArray(String[]::new));
    }

    /** The steps a lead may take, as data (a lead without a status is new). */
    public static final Transitions<LeadStatus> STEPS = Transitions.of(NEW, values())
            .allow(NEW, REVIEWING)
            .allow(REVIEWING, CASE_FILING_SUPERVISION, PRE_LITIGATION_RECOMMENDATION, GUARDIAN_SUPERVISION_ORDER, REFERRED,
                    DISMISSED)
            .allow(CASE_FILING_SUPERVISION, CLOSED)
            .allow(PRE_LITIGATION_RECOMMENDATION, CLOSED)
            .allow(GUARDIAN_SUPERVISION_ORDER, CLOSED)
            .allow(REFERRED, CLOSED)
            .allow(DISMISSED, CLOSED)
            .build();

    /** The steps allowed from this status. */
    public Set<LeadStatus> next() {
        return STEPS.next(this);
    }
}

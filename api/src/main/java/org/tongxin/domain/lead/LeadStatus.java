package org.tongxin.domain.lead;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.tongxin.domain.workflow.State;
import org.tongxin.domain.workflow.Transitions;

/**
 * The life of a lead: new → reviewing → one outcome → closed. The outcomes are what a prosecutor can do with a
 * lead (立案监督, 诉前检察建议, 督促监护令, 移送主管部门, 排除); a dismissal needs a reason and a referral names the
 * department.
 */
public enum LeadStatus implements State {
    NEW("new", "新线索"),
    REVIEWING("reviewing", "核查中"),
    CASE_FILING_SUPERVISION("case_filing_supervision", "立案监督"),
    PRE_LITIGATION_RECOMMENDATION("pre_litigation_recommendation", "诉前检察建议"),
    GUARDIAN_SUPERVISION_ORDER("guardian_supervision_order", "督促监护令"),
    REFERRED("referred", "移送主管部门"),
    DISMISSED("dismissed", "排除（附理由）"),
    CLOSED("closed", "已办结");

    private final String code;
    private final String zh;

    LeadStatus(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    @Override
    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public static Optional<LeadStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
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

package org.tongxin.api.lead;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a lead: new → reviewing → one outcome → closed. The outcomes are what a prosecutor can do with a
 * lead (立案监督, 诉前检察建议, 督促监护令, 移送主管部门, 排除); a dismissal needs a reason and a referral names the
 * department.
 */
public enum LeadStatus {
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

    /** The steps allowed from this status. */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(REVIEWING);
            case REVIEWING -> EnumSet.of(CASE_FILING_SUPERVISION, PRE_LITIGATION_RECOMMENDATION,
                    GUARDIAN_SUPERVISION_ORDER, REFERRED, DISMISSED);
            case CASE_FILING_SUPERVISION, PRE_LITIGATION_RECOMMENDATION, GUARDIAN_SUPERVISION_ORDER, REFERRED,
                 DISMISSED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(LeadStatus.class);
        };
    }
}

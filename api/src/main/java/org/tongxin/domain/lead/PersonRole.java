package org.tongxin.domain.lead;

/**
 * The part a person plays in a lead, as the evidence graph names it (decided by {@link LeadRoles}): a code the
 * page colours by and its Chinese name.
 */
public enum PersonRole {
    MINOR("minor", "未成年人"),
    GUARDIAN("guardian", "监护人"),
    SUSPECT("suspect", "涉嫌违法人员"),
    STAFF("staff", "从业人员"),
    DRIVER("driver", "驾驶人"),
    COMPANION("companion", "同住成年人"),
    OTHER("other", "其他关联人");

    private final String code;
    private final String zh;

    PersonRole(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    /** The role as the API writes it. */
    public RoleInLead answer() {
        return new RoleInLead(code, zh);
    }

    /** A person's role in a lead: its code ({@code minor}, {@code guardian} …) and its Chinese name. */
    public record RoleInLead(String code, String zh) {
    }
}

package org.tongxin.domain.lead;

import org.tongxin.domain.user.Role;

/**
 * Whom or what a lead is about, as the list shows it: the node the evidence graph marks as the subject (the minor
 * of a guardianship lead, the victim of a penalty, the patient of a visit, the guest of a stay, the employee of a
 * check, the school bus …). {@code kind} is the node's kind (Person, Venue, Unit, Vehicle, Household, Record),
 * {@code kindZh} its Chinese name (人员, 场所, … or a record's dataset title), {@code name} the caption shown — a
 * name, a plate, a number — with identity and phone numbers always masked, and {@code masked} whether part of it is
 * hidden (a number shown masked, or a name masked in an export for a role that may not take names away). Never the
 * lead's key.
 */
public record LeadSubject(String kind, String kindZh, String name, boolean masked) {

    /**
     * The subject as it leaves in an export for this role. On screen every role that reaches the list reads the
     * subject as the explorer shows it (the full name; identity and phone numbers masked). An export is personal
     * data leaving the platform: prosecutors and the department a lead was referred to act on the person and take
     * the name; anyone else (analysts: no personal data export) gets a person's name, a plate or a household number
     * with all but its first character(s) hidden — 张**, 鲁F****5. Venues, units and records are not personal and
     * stay as they are.
     */
    public LeadSubject exportedFor(Role role) {
        if (role == Role.PROSECUTOR || role == Role.DEPARTMENT || name == null) {
            return this;
        }
        return switch (kind) {
            case "Person" -> new LeadSubject(kind, kindZh, hideName(name), true);
            case "Vehicle", "Household" -> new LeadSubject(kind, kindZh, hideCode(name), true);
            default -> this;
        };
    }

    /**
     * A name with only its first character kept and at most two stars after it (张*, 张**), so neither the given
     * name nor the length of a long name shows; a number already masked stays as it is.
     */
    static String hideName(String name) {
        if (name.isEmpty() || name.indexOf('*') >= 0) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return rest == 0 ? "*" : name.substring(0, first) + "*".repeat(Math.min(rest, 2));
    }

    /** A plate or number with its first two and last characters kept (鲁F****5); short ones all hidden. */
    static String hideCode(String code) {
        if (code.isEmpty() || code.indexOf('*') >= 0) {
            return code;
        }
        int n = code.codePointCount(0, code.length());
        if (n <= 3) {
            return "*".repeat(n);
        }
        int head = code.offsetByCodePoints(0, 2);
        int tail = code.offsetByCodePoints(0, n - 1);
        return code.substring(0, head) + "*".repeat(n - 3) + code.substring(tail);
    }
}

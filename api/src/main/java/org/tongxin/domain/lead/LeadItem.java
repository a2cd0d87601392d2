package org.tongxin.domain.lead;

import java.util.List;
import org.tongxin.domain.user.Role;

/**
 * A lead as the list shows it, masked. {@code modelTitle}, {@code statusZh} and {@code referredToZh} are the
 * Chinese names of the model, the status and the department it was referred to (null when there is none);
 * {@code subject} whom or what the lead is about (null when no evidence names one).
 */
public record LeadItem(String ref, String key, String model, List<String> rules, String severity, String status,
                       String summary, String firstRaisedAt, String lastSeenAt, Boolean holds, String clearedAt,
                       String referredTo, String modelTitle, String statusZh, String referredToZh,
                       LeadSubject subject) {

    /** The item with its subject as it leaves in an export for this role ({@link LeadSubject#exportedFor}). */
    public LeadItem exportedFor(Role role) {
        return subject == null ? this : new LeadItem(ref, key, model, rules, severity, status, summary, firstRaisedAt,
                lastSeenAt, holds, clearedAt, referredTo, modelTitle, statusZh, referredToZh, subject.exportedFor(role));
    }
}

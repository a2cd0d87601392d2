package org.tongxin.domain.lead;

import java.util.List;

/**
 * A lead as the list shows it, masked. {@code modelTitle}, {@code statusZh} and {@code referredToZh} are the
 * Chinese names of the model, the status and the department it was referred to (null when there is none).
 */
public record LeadItem(String ref, String key, String model, List<String> rules, String severity, String status,
                       String summary, String firstRaisedAt, String lastSeenAt, Boolean holds, String clearedAt,
                       String referredTo, String modelTitle, String statusZh, String referredToZh) {
}

package org.tongxin.domain.lead;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A lead's own fields, masked, for the services that build on a lead (orders, exports, the department scope).
 * {@code rawKey} is the key as stored (pseudonymised, not masked): what the evidence graph and an order's minor are
 * read from. It is for internal use and never leaves in JSON.
 */
public record LeadSummary(String ref, String key, String model, List<String> rules, String severity, String status,
                          String summary, List<String> legalBasis, String firstRaisedAt, String lastSeenAt,
                          Boolean holds, String clearedAt, List<String> history, String asOf, String engine,
                          String referredTo, String modelTitle, String statusZh, String referredToZh,
                          @JsonIgnore String rawKey) {
}

package org.tongxin.domain.lead;

import java.util.List;
import java.util.Map;

/** One page of the lead list, with the number of matching leads per model, status and severity (all pages). */
public record LeadPage(long total, int page, int size, Map<String, Long> countsByModel,
                       Map<String, Long> countsByStatus, Map<String, Long> countsBySeverity, List<LeadItem> items) {
}

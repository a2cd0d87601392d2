package org.tongxin.analytics.lead;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One rule holding for one lead key, with the records that make it hold — what either engine returns. A venue
 * lead also names its venue and event time, for the venue level.
 */
public record RuleHit(String key, String rule, List<String> evidenceRids, String venue, LocalDateTime at) {
    public RuleHit {
        evidenceRids = List.copyOf(evidenceRids);
    }
}

package org.tongxin.analytics.lead;

import java.util.List;

/**
 * A supervision lead in the format of models.md: one per key, every rule that holds (sorted), severity,
 * evidence (sorted by dataset then key, no duplicates), legal basis, and why it was raised in Chinese.
 */
public record Lead(String key, String model, List<String> rules, String severity, List<Evidence> evidence,
                   List<String> legalBasis, String summary) {
    public Lead {
        rules = List.copyOf(rules);
        evidence = List.copyOf(evidence);
        legalBasis = List.copyOf(legalBasis);
    }
}

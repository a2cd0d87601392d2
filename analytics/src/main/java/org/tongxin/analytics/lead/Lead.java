package org.tongxin.analytics.lead;

import java.util.List;
import org.tongxin.model.privacy.Pseudonyms;

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

    /**
     * The lead as the operator reads it: the tokens in its key and its evidence keys opened (the store keeps
     * identity numbers only as tokens), evidence sorted again by the clear keys, as models.md orders it.
     */
    public Lead revealed(Pseudonyms p) {
        return new Lead(p.reveal(key), model, rules, severity, evidence.stream()
                .map(e -> new Evidence(e.dataset(), p.reveal(e.key()))).sorted().toList(), legalBasis, summary);
    }
}

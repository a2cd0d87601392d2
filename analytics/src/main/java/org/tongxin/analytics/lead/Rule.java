package org.tongxin.analytics.lead;

/** One rule of a model: its id (R2.1), severity, legal basis, and what it says in Chinese. */
public record Rule(String id, Severity severity, String legalBasis, String zh) {
    public Rule {
        if (id == null || !id.matches("R\\d+\\.\\d+")) {
            throw new IllegalArgumentException("rule id must look like R2.1: " + id);
        }
    }
}

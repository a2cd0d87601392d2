package org.tongxin.domain.workflow;

/**
 * Where a kind of casework keeps its status and its steps in the graph: the node {@code (:label {key: id})}, its
 * {@code status}, the counter that numbers (and locks) its steps, and each step a
 * {@code (node)-[:relationship]->(:stepLabel)}. {@code wholeSeconds}: step times without fractions;
 * {@code stampEveryStep}: every step, also one that keeps the status, sets {@code statusChangedAt}.
 * The two shapes in use are {@link #lead()} and {@link #casework}; both are served by one {@link Flow}.
 */
public record Trail(String label, String key, String relationship, String stepLabel, String counter,
                    boolean wholeSeconds, boolean stampEveryStep) {

    public Trail {
        for (String name : new String[] {label, key, relationship, stepLabel, counter}) {
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain graph name: " + name);
            }
        }
    }

    /** Leads: {@code (:Lead {ref})-[:ACTION]->(:LeadAction)}, numbered by {@code workflowSeq}. */
    public static Trail lead() {
        return new Trail("Lead", "ref", "ACTION", "LeadAction", "workflowSeq", false, false);
    }

    /** Other casework: {@code (:label {id})-[:STEP]->(:CaseStep)}, numbered by {@code stepSeq}. */
    public static Trail casework(String label) {
        return new Trail(label, "id", "STEP", "CaseStep", "stepSeq", true, true);
    }

    /** The node's name in messages: {@code lead}, {@code order}, {@code classbooking}. */
    public String noun() {
        return label.toLowerCase(java.util.Locale.ROOT);
    }
}

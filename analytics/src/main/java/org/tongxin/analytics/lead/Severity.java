package org.tongxin.analytics.lead;

/** models.md: a lead is red when any of its rules is red, yellow otherwise. */
public enum Severity {
    RED, YELLOW;

    public String code() {
        return name().toLowerCase();
    }
}

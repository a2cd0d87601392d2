package org.tongxin.analytics.lead;

import java.util.Comparator;

/** A source record that meets a positive condition of a lead's rules: dataset + record key. */
public record Evidence(String dataset, String key) implements Comparable<Evidence> {

    private static final Comparator<Evidence> ORDER = Comparator.comparing(Evidence::dataset).thenComparing(Evidence::key);

    /** From a record's rid ({@code <dataset>:<key>}). */
    public static Evidence ofRid(String rid) {
        int colon = rid.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a record id: " + rid);
        }
        return new Evidence(rid.substring(0, colon), rid.substring(colon + 1));
    }

    public String rid() {
        return dataset + ":" + key;
    }

    @Override
    public int compareTo(Evidence o) {
        return ORDER.compare(this, o);
    }
}

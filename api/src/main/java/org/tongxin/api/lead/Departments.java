package org.tongxin.api.lead;

import java.util.Map;

/**
 * Transitional: the departments moved to {@link org.tongxin.domain.lead.Departments}; this delegate keeps the
 * callers in packages being moved by others compiling until they import the domain class. Delete after the merge.
 */
@Deprecated(forRemoval = true)
public final class Departments {

    private Departments() {
    }

    public static Map<String, String> all() {
        return org.tongxin.domain.lead.Departments.all();
    }

    public static boolean known(String code) {
        return org.tongxin.domain.lead.Departments.known(code);
    }
}

package org.tongxin.domain.problem;

import java.util.List;
import java.util.Locale;

/**
 * A value a message names in the reader's language (a status, a kind of casework): a {@link Problem} argument of
 * this type is shown as {@link #zh} or {@link #en}, so messages never show a stored code.
 */
public record Localized(String zh, String en) {

    public String in(Locale locale) {
        return Messages.english(locale) ? en : zh;
    }

    /** Several values as one readable list: 核查中、已办结 in Chinese, "Under review, Closed" in English; none as 无/none. */
    public static Localized list(List<Localized> values) {
        if (values.isEmpty()) {
            return new Localized("无", "none");
        }
        return new Localized(String.join("、", values.stream().map(Localized::zh).toList()),
                String.join(", ", values.stream().map(Localized::en).toList()));
    }

    @Override
    public String toString() {
        return zh;
    }
}

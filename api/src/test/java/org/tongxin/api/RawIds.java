package org.tongxin.api;

import java.util.regex.Pattern;
import org.tongxin.model.id.IdNumber;

/**
 * Whether a text shows an identity number in clear: a valid number of that shape. An 18-digit unit code (unified
 * social credit code) has the shape too, but is no identity number and is shown as it is.
 */
public final class RawIds {

    private static final Pattern SHAPE = Pattern.compile("(?<![0-9])\\d{17}[0-9X](?![0-9])");

    private RawIds() {
    }

    public static boolean in(String text) {
        return SHAPE.matcher(text).results().anyMatch(m -> IdNumber.check(m.group()).valid());
    }
}

package org.tongxin.model.value;

import java.util.Locale;

/** Plate numbers (车牌号) compare after removing white space and {@code ·•・.-} and upper-casing. */
public final class Plates {

    private Plates() {
    }

    public static String normalize(String plate) {
        if (plate == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(plate.length());
        plate.codePoints().forEach(cp -> {
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && "·•・.-".indexOf(cp) < 0) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}

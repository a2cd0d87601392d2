package org.tongxin.ingest.read;

/**
 * Text from outside (file, sheet and column names) made safe to print on one line: control, format and
 * line-separator characters become escapes ({@code \n}, {@code \u202E}), so a name cannot break a report's
 * line, fake a second one or turn the terminal's text around.
 */
public final class Printable {

    private Printable() {
    }

    public static String of(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = escape(c);
            if (esc != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                out.append(esc != null ? esc : String.valueOf(c));
            }
        }
        return out == null ? s : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                int type = Character.getType(c);
                if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR) {
                    return String.format("\\u%04X", (int) c);
                }
                return null;
        }
    }
}

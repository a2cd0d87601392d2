package org.tongxin.api.http;

import java.nio.charset.StandardCharsets;

/** Content-Disposition headers for downloads whose real name is Chinese. */
public final class Attachments {

    private Attachments() {
    }

    /**
     * A Content-Disposition for a download with a non-ASCII name: an ASCII {@code filename} for old clients and
     * the real name as {@code filename*} in UTF-8, percent-encoded as RFC 5987 (and RFC 6266) ask.
     */
    public static String attachment(String name, String asciiFallback) {
        return "attachment; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    /** Every byte but RFC 5987's attr-char (letters, digits and !#$&+-.^_`|~) as %XX of its UTF-8. */
    public static String rfc5987(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}

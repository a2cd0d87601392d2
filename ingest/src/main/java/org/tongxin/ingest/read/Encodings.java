package org.tongxin.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Detects the encoding of a CSV file among those datasets.md allows: UTF-8 (with or without BOM) and
 * GBK/GB18030. Detection is by strict decoding, never by guessing: bytes must be valid in the encoding chosen,
 * otherwise the file is rejected with the first bad line.
 */
public final class Encodings {

    /** GB18030 is a superset of GBK, so one strict decoder serves both. */
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** The text and the name of the encoding it was read in. */
    public record Decoded(String text, String encoding) {
    }

    private Encodings() {
    }

    public static Decoded decode(byte[] bytes) throws FileRejectedException {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8, "UTF-8 (BOM)"), "UTF-8 (BOM)");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new FileRejectedException("UTF-16 is not a supported encoding (use UTF-8 or GBK)", 1);
        }
        try {
            return new Decoded(strict(bytes, 0, StandardCharsets.UTF_8, "UTF-8"), "UTF-8");
        } catch (FileRejectedException notUtf8) {
            try {
                return new Decoded(strict(bytes, 0, GB18030, "GBK/GB18030"), "GBK/GB18030");
            } catch (FileRejectedException notGb) {
                throw new FileRejectedException("bytes are valid in no supported encoding (UTF-8: invalid at line "
                        + notUtf8.line() + "; GBK/GB18030: invalid at line " + notGb.line() + ")",
                        Math.max(notUtf8.line(), notGb.line()));
            }
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String name) throws FileRejectedException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, (long) bytes.length + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new FileRejectedException("invalid " + name + " bytes", lineAt(bytes, in.position()));
        }
        out.flip();
        return out.toString();
    }

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}

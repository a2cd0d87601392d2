package org.tongxin.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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

    /** The encoding of a file, its name for the report, and how many bytes of byte-order mark to skip. */
    public record Detected(Charset charset, String name, int skip) {
    }

    private Encodings() {
    }

    /**
     * Detects a file's encoding by decoding it strictly as a stream (the file is never held): UTF-8 first, then
     * GBK/GB18030; bytes valid in neither reject the file with the first bad line of each.
     */
    public static Detected detect(Path file) throws FileRejectedException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            n = in.readNBytes(head, 0, 3);
        } catch (IOException e) {
            throw new FileRejectedException(TableReader.cannotRead(e), 0, e);
        }
        if (n == 0) {
            throw new FileRejectedException("empty file (no header row)", 1);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            int bad = firstBadLine(file, 3, StandardCharsets.UTF_8);
            if (bad > 0) {
                throw new FileRejectedException("invalid UTF-8 (BOM) bytes", bad);
            }
            return new Detected(StandardCharsets.UTF_8, "UTF-8 (BOM)", 3);
        }
        if (n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new FileRejectedException("UTF-16 is not a supported encoding (use UTF-8 or GBK)", 1);
        }
        int notUtf8 = firstBadLine(file, 0, StandardCharsets.UTF_8);
        if (notUtf8 == 0) {
            return new Detected(StandardCharsets.UTF_8, "UTF-8", 0);
        }
        int notGb = firstBadLine(file, 0, GB18030);
        if (notGb == 0) {
            return new Detected(GB18030, "GBK/GB18030", 0);
        }
        throw new FileRejectedException("bytes are valid in no supported encoding (UTF-8: invalid at line "
                + notUtf8 + "; GBK/GB18030: invalid at line " + notGb + ")", Math.max(notUtf8, notGb));
    }

    /** The line of the first byte not valid in {@code charset}, or 0 when all are. */
    private static int firstBadLine(Path file, int skip, Charset charset) throws FileRejectedException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        int line = 1;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            in.skipNBytes(skip);
            boolean eof = false;
            while (true) {
                if (!eof) {
                    int r = in.read(buf.array(), buf.position(), buf.remaining());
                    if (r < 0) {
                        eof = true;
                    } else {
                        buf.position(buf.position() + r);
                    }
                }
                buf.flip();
                int start = buf.position();
                CoderResult result = decoder.decode(buf, out, eof);
                for (int i = start; i < buf.position(); i++) {
                    if (buf.get(i) == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
                out.clear();
                buf.compact();
                if (eof && result.isUnderflow()) {
                    if (decoder.flush(out).isError()) {
                        return line;
                    }
                    return 0;
                }
            }
        } catch (IOException e) {
            throw new FileRejectedException(TableReader.cannotRead(e), line, e);
        }
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

package org.tongxin.domain.export;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A font that draws Chinese, for PNG diagrams. Java's own fonts have no Han glyphs and draw boxes, so the font is
 * loaded from a file: {@code TONGXIN_CJK_FONT} if set, else Debian's WenQuanYi Zen Hei ({@code fonts-wqy-zenhei},
 * which {@code ./tongxin} and {@code .ci/run} install when missing) or Noto Sans CJK, else any font under
 * /usr/share/fonts that can display the test text. None found means no PNG, said plainly — never boxes.
 */
public final class CjkFont {

    /** Characters every candidate must draw. */
    static final String PROBE = "童心检察线索人员场所";

    private static final List<String> KNOWN = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private static volatile Optional<Font> found;

    private CjkFont() {
    }

    /** The font at 1 pt, or empty when this machine has none that draws Chinese. */
    public static Optional<Font> find() {
        Optional<Font> f = found;
        if (f == null) {
            f = locate();
            found = f;
        }
        return f;
    }

    /** What to tell a user when {@link #find()} is empty. */
    public static String missingMessage() {
        return "no font that draws Chinese is installed; install Debian's fonts-wqy-zenhei "
                + "(apt-get install fonts-wqy-zenhei) or set TONGXIN_CJK_FONT to a .ttf/.ttc/.otf file";
    }

    private static Optional<Font> locate() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("TONGXIN_CJK_FONT");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        KNOWN.forEach(k -> candidates.add(Path.of(k)));
        for (Path p : candidates) {
            Optional<Font> f = load(p);
            if (f.isPresent()) {
                return f;
            }
        }
        Path fonts = Path.of("/usr/share/fonts");
        if (Files.isDirectory(fonts)) {
            try (Stream<Path> all = Files.walk(fonts)) {
                for (Path p : all.filter(x -> x.toString().matches("(?i).*\\.(ttf|ttc|otf)$")).sorted().toList()) {
                    Optional<Font> f = load(p);
                    if (f.isPresent()) {
                        return f;
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<Font> load(Path p) {
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            for (Font f : Font.createFonts(p.toFile())) {
                if (f.canDisplayUpTo(PROBE) == -1) {
                    return Optional.of(f);
                }
            }
        } catch (FontFormatException | IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}

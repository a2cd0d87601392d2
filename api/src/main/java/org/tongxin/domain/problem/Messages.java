package org.tongxin.domain.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The messages of {@link Problem}s, Chinese ({@code <area>.properties}) and English ({@code <area>_en.properties}),
 * both UTF-8. Placeholders are {@code {0}}, {@code {1}} …, replaced literally (no {@code MessageFormat}: its quoting
 * rules and number grouping would alter values such as record ids).
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /**
     * The bundles, one per area so each area keeps its own messages: {@code <area>.properties} (Chinese) and
     * {@code <area>_en.properties} beside this class. An area without files has no messages yet.
     */
    private static final List<String> AREAS = List.of("problems", "workflow", "lead", "order", "observer", "education",
            "board", "graph", "search", "venue", "cypher", "audit", "law", "security", "export", "exchange", "link",
            "stats", "view");

    private static final Map<String, String> ZH = loadAll("");
    private static final Map<String, String> EN = loadAll("_en");

    private Messages() {
    }

    /** The codes both bundles hold. */
    public static Set<String> codes() {
        return ZH.keySet();
    }

    /** The codes one bundle has and the other lacks (a test keeps this empty). */
    public static Set<String> untranslated() {
        Set<String> odd = new java.util.TreeSet<>(ZH.keySet());
        odd.addAll(EN.keySet());
        odd.removeIf(c -> ZH.containsKey(c) && EN.containsKey(c));
        return odd;
    }

    /** English if the reader asked for it, else Chinese. */
    public static boolean english(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }

    static String require(String code) {
        if (!ZH.containsKey(code) || !EN.containsKey(code)) {
            throw new IllegalArgumentException("no message for problem code '" + code + "' in problems.properties and problems_en.properties");
        }
        return code;
    }

    static String format(String code, List<Object> args, Locale locale) {
        String text = (english(locale) ? EN : ZH).get(code);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            text = text.replace("{" + i + "}", a instanceof Localized l ? l.in(locale) : String.valueOf(a));
        }
        return text;
    }

    private static Map<String, String> loadAll(String suffix) {
        Map<String, String> m = new TreeMap<>();
        for (String area : AREAS) {
            String name = area + suffix + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(name)) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                p.forEach((k, v) -> {
                    if (m.put((String) k, (String) v) != null) {
                        throw new IllegalStateException("problem code " + k + " is defined twice (" + name + ")");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(m);
    }
}

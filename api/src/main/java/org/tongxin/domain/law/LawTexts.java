package org.tongxin.domain.law;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tongxin.domain.problem.Problem;

/**
 * The bundled law texts (see resources {@code org/tongxin/api/laws/SOURCES.md}), split into articles. A law is
 * known by its short title (the file name before the date); where two versions exist the latest is used.
 * Read once, on first use; about 2,000 articles.
 */
public final class LawTexts {

    /** One article: the law's short title, its version date, its number as written (第六十二条) and its text. */
    public record Article(String law, String version, String article, String text) {
    }

    private static final String DIR = "/org/tongxin/api/laws/";
    private static final Pattern ARTICLE = Pattern.compile("^(第[一二三四五六七八九十百千零]+条(?:之[一二三四五六七八九十]+)?)\\s*(.*)$");

    private final Map<String, Map<String, Article>> byLaw;

    private LawTexts(Map<String, Map<String, Article>> byLaw) {
        this.byLaw = byLaw;
    }

    public static LawTexts bundled() {
        Map<String, String> latestFile = new TreeMap<>();
        Map<String, String> version = new TreeMap<>();
        for (String file : lines(DIR + "index.txt")) {
            String name = file.replace(".md", "");
            int paren = name.indexOf('(');
            String law = paren < 0 ? name : name.substring(0, paren);
            String v = paren < 0 ? "" : name.substring(paren + 1, name.length() - 1);
            if (!version.containsKey(law) || version.get(law).compareTo(v) < 0) {
                version.put(law, v);
                latestFile.put(law, file);
            }
        }
        Map<String, Map<String, Article>> byLaw = new LinkedHashMap<>();
        latestFile.forEach((law, file) -> byLaw.put(law, parse(law, version.get(law), lines(DIR + file))));
        return new LawTexts(byLaw);
    }

    static Map<String, Article> parse(String law, String version, List<String> lines) {
        Map<String, Article> articles = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        boolean body = false;
        for (String raw : lines) {
            String line = raw.replace("\u200b", "").strip();
            if (line.startsWith("<!-- INFO END")) {
                body = true;
                continue;
            }
            if (!body || line.isEmpty()) {
                continue;
            }
            Matcher m = ARTICLE.matcher(line);
            if (m.matches() || line.startsWith("#")) {
                if (current != null) {
                    articles.put(current, new Article(law, version, current, text.toString().strip()));
                }
                current = m.matches() ? m.group(1) : null;
                text.setLength(0);
                if (m.matches()) {
                    text.append(m.group(2));
                }
            } else if (current != null) {
                text.append('\n').append(line);
            }
        }
        if (current != null) {
            articles.put(current, new Article(law, version, current, text.toString().strip()));
        }
        return articles;
    }

    public List<String> laws() {
        return List.copyOf(byLaw.keySet());
    }

    public Optional<Article> article(String law, String article) {
        return Optional.ofNullable(byLaw.getOrDefault(law, Map.of()).get(article));
    }

    /** The article, or the problem that there is none. */
    public Article require(String law, String article) {
        return article(law, article).orElseThrow(() -> Problem.notFound("law.article-not-found", article, law));
    }

    /** Every article of every law, in order. */
    public List<Article> all() {
        List<Article> out = new ArrayList<>();
        byLaw.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /** A law title as cited in a legal basis, matched to a bundled law (the longest bundled title it names). */
    public Optional<String> lawNamed(String cited) {
        return byLaw.keySet().stream().filter(cited::contains).max(Comparator.comparingInt(String::length));
    }

    /** 62 → 第六十二条. */
    public static String articleNumber(int n) {
        if (n <= 0 || n >= 10000) {
            throw new IllegalArgumentException("article number out of range: " + n);
        }
        String[] digit = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        String[] unit = {"", "十", "百", "千"};
        String s = Integer.toString(n);
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            int pos = s.length() - 1 - i;
            if (d == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append("零");
                zero = false;
            }
            if (!(d == 1 && pos == 1 && out.length() == 0)) {
                out.append(digit[d]);
            }
            out.append(unit[pos]);
        }
        return "第" + out + "条";
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LawTexts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

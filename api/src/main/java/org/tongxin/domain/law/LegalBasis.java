package org.tongxin.domain.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a rule's legal basis as written in the models ("未成年人保护法 第118条；家庭教育促进法 第49条",
 * "刑法 第237条 猥亵儿童罪、第17条") to the article texts. A citation of a text that is not bundled (e.g. 校车安全管理条例)
 * stays a citation with no text, and says so.
 */
public final class LegalBasis {

    /** One cited article: as cited, the bundled law it resolved to (if any), and the article's text (if found). */
    public record Citation(String cited, String law, String article, String text) {
        public boolean resolved() {
            return text != null;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("第(\\d+)条");

    private final LawTexts laws;

    public LegalBasis(LawTexts laws) {
        this.laws = laws;
    }

    public List<Citation> resolve(String basis) {
        List<Citation> out = new ArrayList<>();
        for (String part : basis.split("[；;]")) {
            String segment = part.strip();
            if (segment.isEmpty()) {
                continue;
            }
            int first = segment.indexOf('第');
            String lawCited = (first < 0 ? segment : segment.substring(0, first)).strip();
            Optional<String> law = laws.lawNamed(lawCited.isEmpty() ? segment : lawCited);
            Matcher m = NUMBER.matcher(segment);
            boolean any = false;
            while (m.find()) {
                any = true;
                String article = LawTexts.articleNumber(Integer.parseInt(m.group(1)));
                String text = law.flatMap(l -> laws.article(l, article)).map(LawTexts.Article::text).orElse(null);
                out.add(new Citation(lawCited + " " + m.group(), law.orElse(null), article, text));
            }
            if (!any) {
                out.add(new Citation(segment, law.orElse(null), null, null));
            }
        }
        return List.copyOf(out);
    }
}

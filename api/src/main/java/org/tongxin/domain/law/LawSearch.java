package org.tongxin.domain.law;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.search.ChineseAnalyzers;

/**
 * Search over the bundled laws, one Lucene document per article. The query is first widened by the synonym list
 * ({@code synonyms.txt}: the words people use → the words the texts use, e.g. 网吧 → 互联网上网服务营业场所), then
 * matched as words (smart Chinese analyzer, weighted double) and as character pairs, any word counting, ranked by
 * BM25. A hit carries the character ranges of the text that matched, so a page can mark them without HTML.
 *
 * <p>Cost: building reads about 1,000 articles once (well under a second); a query is one Lucene search plus
 * re-analysing the texts of the hits it returns.
 */
public final class LawSearch {

    /** One hit: the law's short title, its version, the article number as written, the text, score, matched ranges. */
    public record Hit(String law, String version, String article, String text, float score, List<int[]> marks) {
        public Hit {
            marks = List.copyOf(marks);
        }
    }

    /** One synonym rule: any of these words → add these words to the query. */
    public record Synonym(List<String> words, String expansion) {
    }

    /** A search as answered: what was typed, the query as searched (with synonyms), the hits best first. */
    public record Answer(String query, String expanded, List<Hit> hits) {
    }

    /** The synonym list as answered. */
    public record Synonyms(List<Synonym> synonyms) {
    }

    private static final int MAX_TOP = 100;
    /** The longest query a user may type. */
    public static final int MAX_QUERY_CHARS = 200;

    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final List<Synonym> synonyms;

    public LawSearch(LawTexts laws) {
        this.analyzer = new PerFieldAnalyzerWrapper(ChineseAnalyzers.words(), Map.of("pairs", ChineseAnalyzers.pairs(false)));
        this.synonyms = synonyms();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (LawTexts.Article a : laws.all()) {
                Document d = new Document();
                d.add(new StringField("law", a.law(), Field.Store.YES));
                d.add(new StoredField("version", a.version()));
                d.add(new StoredField("article", a.article()));
                d.add(new StoredField("body", a.text()));
                d.add(new TextField("words", a.text(), Field.Store.NO));
                d.add(new TextField("pairs", a.text(), Field.Store.NO));
                d.add(new TextField("title", a.law(), Field.Store.NO));
                defined(a.text()).ifPresent(term -> d.add(new TextField("defines", term, Field.Store.NO)));
                w.addDocument(d);
            }
            w.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.regex.Pattern DEFINITION = java.util.regex.Pattern.compile("本(?:法|条例|解释)所称([^，,。]{2,20}?)，?是指");

    /**
     * The term a definition article defines ("本法所称严重不良行为，是指…" → 严重不良行为): a search for a bare term
     * should find where the law says what it means before the many articles that merely use it.
     */
    static java.util.Optional<String> defined(String text) {
        var m = DEFINITION.matcher(text);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    public List<Synonym> synonymList() {
        return synonyms;
    }

    /** The synonym list, as the API answers it. */
    public Synonyms synonymsAnswer() {
        return new Synonyms(synonyms);
    }

    /** A user's search: at most {@value #MAX_QUERY_CHARS} characters, the best {@code top} articles. */
    public Answer answer(String query, int top) {
        if (query.length() > MAX_QUERY_CHARS) {
            throw Problem.invalid("law.query-too-long", MAX_QUERY_CHARS);
        }
        return new Answer(query, expand(query), search(query, top));
    }

    /** The query as searched: what was typed plus the expansions of the synonyms it contains. */
    public String expand(String query) {
        StringBuilder out = new StringBuilder(query);
        String lower = query.toLowerCase(Locale.ROOT);
        for (Synonym s : synonyms) {
            if (s.words().stream().anyMatch(w -> lower.contains(w.toLowerCase(Locale.ROOT)))) {
                out.append(' ').append(s.expansion());
            }
        }
        return out.toString();
    }

    /** The best {@code top} articles (1–100) for the query; a blank query finds nothing. */
    public List<Hit> search(String query, int top) {
        if (top < 1 || top > MAX_TOP) {
            throw new IllegalArgumentException("top must be 1–" + MAX_TOP);
        }
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        String expanded = expand(q);
        QueryBuilder qb = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (var field : Map.of("words", 2f, "pairs", 1f, "title", 0.5f, "defines", 3f).entrySet()) {
            Query part = qb.createBooleanQuery(field.getKey(), expanded, Occur.SHOULD);
            if (part != null) {
                any.add(new BoostQuery(part, field.getValue()), Occur.SHOULD);
            }
        }
        Set<String> terms = new HashSet<>(terms("words", expanded));
        terms.addAll(terms("pairs", expanded));
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(any.build(), top).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                String text = d.get("body");
                hits.add(new Hit(d.get("law"), d.get("version"), d.get("article"), text, sd.score, marks(text, terms)));
            }
            return List.copyOf(hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The character ranges [start, end) of the text whose words or pairs are among the query's, merged. */
    private List<int[]> marks(String text, Set<String> terms) {
        List<int[]> ranges = new ArrayList<>();
        for (String field : List.of("words", "pairs")) {
            try (TokenStream ts = analyzer.tokenStream(field, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    if (terms.contains(term.toString())) {
                        ranges.add(new int[] {offset.startOffset(), offset.endOffset()});
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }

    private List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                // Single characters mark too much of a text to be useful as highlights.
                if (term.length() > 1) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Synonym> synonyms() {
        List<Synonym> out = new ArrayList<>();
        try (var in = Objects.requireNonNull(LawSearch.class.getResourceAsStream("/org/tongxin/api/laws/synonyms.txt"));
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int arrow = l.indexOf("=>");
                if (arrow < 0) {
                    throw new IllegalStateException("synonyms.txt: no '=>' in: " + l);
                }
                List<String> words = List.of(l.substring(0, arrow).split("\\s*,\\s*")).stream().map(String::strip)
                        .filter(w -> !w.isEmpty()).toList();
                out.add(new Synonym(words, l.substring(arrow + 2).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** Recall@k and mean reciprocal rank of {@code search} over labelled queries. */
    public record Quality(int queries, int k, int found, double recallAtK, double mrr, List<QualityRow> rows) {
    }

    /** One labelled query: what was asked, the article expected, its rank (0 when not found), the top hit. */
    public record QualityRow(String query, String expected, int rank, String top) {
    }

    /**
     * Measures the search against labelled queries (the TSV format of {@code law-queries.tsv}: query, law, article,
     * quote, notes, source_file; the law is taken from the source file's name).
     */
    public Quality evaluate(List<String> tsvLines, int k) {
        int n = 0;
        int found = 0;
        double rr = 0;
        List<QualityRow> rows = new ArrayList<>();
        for (String line : tsvLines.subList(1, tsvLines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String file = f[5].substring(f[5].lastIndexOf('/') + 1).replace(".md", "");
            String law = file.contains("(") ? file.substring(0, file.indexOf('(')) : file;
            String article = f[2].strip();
            List<Hit> hits = search(f[0], Math.max(k, 20));
            int rank = 0;
            for (int i = 0; i < hits.size(); i++) {
                if (hits.get(i).law().equals(law) && hits.get(i).article().equals(article)) {
                    rank = i + 1;
                    break;
                }
            }
            n++;
            if (rank > 0 && rank <= k) {
                found++;
            }
            if (rank > 0) {
                rr += 1.0 / rank;
            }
            rows.add(new QualityRow(f[0], law + " " + article, rank,
                    hits.isEmpty() ? "" : hits.get(0).law() + " " + hits.get(0).article()));
        }
        return new Quality(n, k, found, n == 0 ? 0 : (double) found / n, n == 0 ? 0 : rr / n, List.copyOf(rows));
    }

    /** The labelled queries bundled with the laws. */
    public static List<String> bundledQueries() {
        try (var in = Objects.requireNonNull(LawSearch.class.getResourceAsStream("/org/tongxin/api/laws/law-queries.tsv"));
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.tongxin.web.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tongxin.domain.law.LawSearch;
import org.tongxin.domain.law.LawTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "laws", mixinStandardHelpOptions = true,
        description = {"Search the bundled law texts by article: 'laws search QUERY [--top K] [--format jsonl|text]';",
            "measure the search: 'laws eval [--queries law-queries.tsv] [--k 5]' prints recall@k and MRR."})
final class LawsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "search | eval")
    String action;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "QUERY", description = "what to look for (search)")
    List<String> query = List.of();

    @Option(names = "--top", defaultValue = "5", description = "how many articles (1–100), default ${DEFAULT-VALUE}")
    int top;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (one object a line) or text")
    String format;

    @Option(names = "--queries", description = "labelled queries (TSV: query, law, article, quote, notes, source_file); default the bundled copy of law-queries.tsv")
    Path queries;

    @Option(names = "--k", defaultValue = "5", description = "the k of recall@k, default ${DEFAULT-VALUE}")
    int k;

    @Override
    public Integer call() throws IOException {
        LawSearch search = new LawSearch(LawTexts.bundled());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        switch (action) {
            case "search" -> {
                if (query.isEmpty()) {
                    throw new IllegalArgumentException("what to search for: laws search QUERY");
                }
                if (!format.equals("jsonl") && !format.equals("text")) {
                    throw new IllegalArgumentException("--format is jsonl or text");
                }
                if (top < 1 || top > 100) {
                    throw new IllegalArgumentException("--top is 1–100");
                }
                for (LawSearch.Hit h : search.search(String.join(" ", query), top)) {
                    if (format.equals("jsonl")) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("law", h.law());
                        line.put("article", h.article());
                        line.put("text", h.text());
                        line.put("score", Math.round(h.score() * 1000) / 1000.0);
                        out.println(json.writeValueAsString(line));
                    } else {
                        out.printf("%.3f  %s %s  %s%n", h.score(), h.law(), h.article(), h.text().replace('\n', ' '));
                    }
                }
                return 0;
            }
            case "eval" -> {
                List<String> lines = queries == null ? LawSearch.bundledQueries() : Files.readAllLines(queries, StandardCharsets.UTF_8);
                LawSearch.Quality q = search.evaluate(lines, k);
                for (LawSearch.QualityRow row : q.rows()) {
                    out.printf("%-4s %s → %s%n", row.rank() == 0 ? "-" : Integer.toString(row.rank()), row.query(), row.expected());
                }
                out.printf("queries %d, found in top %d: %d, recall@%d %.3f, MRR (ranks to 20) %.3f%n",
                        q.queries(), q.k(), q.found(), q.k(), q.recallAtK(), q.mrr());
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (search | eval)");
        }
    }
}

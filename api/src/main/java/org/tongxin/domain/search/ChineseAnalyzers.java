package org.tongxin.domain.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two ways Chinese text is indexed here: words (Lucene's smart Chinese analyzer, a hidden Markov model
 * segmenter) and overlapping character pairs, which still match when the segmenter splits a word differently
 * in the query than in the text ("烟酒" against "烟、酒").
 */
public final class ChineseAnalyzers {

    private ChineseAnalyzers() {
    }

    public static Analyzer words() {
        return new SmartChineseAnalyzer();
    }

    /** Character pairs, and single characters too: for names, where one character can be all a user knows. */
    public static Analyzer pairs() {
        return pairs(true);
    }

    /**
     * Character pairs, with or without the single characters. Without them the token stream is a simple chain, so
     * a long query becomes one clause per pair rather than a graph of every segmentation.
     */
    public static Analyzer pairs(boolean singles) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, new CJKBigramFilter(new LowerCaseFilter(t), CJKBigramFilter.HAN, singles));
            }
        };
    }
}

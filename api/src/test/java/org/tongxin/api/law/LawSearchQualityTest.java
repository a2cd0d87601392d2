package org.tongxin.api.law;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.law.LawSearch;
import org.tongxin.domain.law.LawTexts;

class LawSearchQualityTest {

    private static LawSearch search;

    @BeforeAll
    static void index() {
        search = new LawSearch(LawTexts.bundled());
    }

    @Test
    void theLabelledQueriesFindTheirArticleInTheTopFiveNineTimesInTen() {
        LawSearch.Quality q = search.evaluate(LawSearch.bundledQueries(), 5);
        q.rows().forEach(r -> System.out.println("law-search " + r));
        System.out.printf("law-search recall@5 %.3f MRR %.3f over %d queries%n", q.recallAtK(), q.mrr(), q.queries());
        assertThat(q.queries()).isEqualTo(20);
        assertThat(q.recallAtK()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aWordPeopleUseFindsTheLegalTermThroughTheSynonymList() {
        var hits = search.search("网吧", 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).text()).contains("互联网上网服务营业场所");
        assertThat(search.expand("网吧")).contains("互联网上网服务营业场所");
    }

    @Test
    void hitsMarkTheMatchedCharactersOfTheirText() {
        var hit = search.search("撤销监护人资格", 1).get(0);
        assertThat(hit.marks()).isNotEmpty();
        String marked = hit.marks().stream().map(m -> hit.text().substring(m[0], m[1])).reduce("", String::concat);
        assertThat(marked).contains("监护");
    }

    @Test
    void aBlankQueryFindsNothing() {
        assertThat(search.search("  ", 5)).isEmpty();
    }
}

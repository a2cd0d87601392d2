package org.tongxin.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Document numbers and the Chinese forms of dates and prose in documents. */
class LetterheadTest {

    @Test
    void theNumberPrefixIsThePlacesFirstCharacterUnlessOneIsGiven() {
        assertThat(new Letterhead("烟台市牟平区人民检察院", null).number("监", 2026, 3)).isEqualTo("牟检未监〔2026〕3号");
        assertThat(new Letterhead("山东省烟台市人民检察院", null).prefix()).isEqualTo("烟检");
        assertThat(new Letterhead(Letterhead.DEFAULT_UNIT, null).prefix()).isEqualTo("检");
        assertThat(new Letterhead("山东省人民检察院", "鲁检").number("线", 2027, 12)).isEqualTo("鲁检未线〔2027〕12号");
    }

    @Test
    void datesAreWrittenTheChineseWayToTheMinuteAndRuleCodesLeaveTheProse() {
        assertThat(ChineseText.when("2026-12-02T01:46:50.615158466")).isEqualTo("2026年12月2日 01:46");
        assertThat(ChineseText.when("2026-11-27")).isEqualTo("2026年11月27日");
        assertThat(ChineseText.when(null)).isEmpty();
        assertThat(ChineseText.dateTime(LocalDateTime.of(2026, 1, 5, 9, 7))).isEqualTo("2026年1月5日 09:07");
        assertThat(ChineseText.prose("监护失职：R7.1 未成年人夜间在外；R7.3 监护人受到处罚。依据：养马岛网咖，2026-10-16 23:30上机；GAXJ3706120000028（2026-09-14）"))
                .isEqualTo("监护失职：未成年人夜间在外；监护人受到处罚。依据：养马岛网咖，2026年10月16日 23:30上机；GAXJ3706120000028（2026年9月14日）");
        assertThat(ChineseText.cell("NULL")).isEmpty();
        assertThat(ChineseText.cell("无")).isEqualTo("无");
    }
}

package org.tongxin.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void identityNumbersAreMaskedWhereverTheyStandInText() {
        assertThat(Masking.text("370612201001011234")).isEqualTo("370612********1234");
        assertThat(Masking.text("guardianship:37061220100101123X")).isEqualTo("guardianship:370612********123X");
        assertThat(Masking.text("employment-check:37061219800101123X@U1")).isEqualTo("employment-check:370612********123X@U1");
        assertThat(Masking.text("370612800101123")).isEqualTo("370612*****1123");
        assertThat(Masking.text("order 1234567890123456789012 stays")).contains("1234567890123456789012");
    }

    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertThat(Masking.text("联系电话13812345678")).isEqualTo("联系电话138****5678");
        assertThat(Masking.text("12812345678")).isEqualTo("12812345678");
    }

    @Test
    void addressesAreCutAtTheCounty() {
        assertThat(Masking.address("山东省烟台市牟平区宁海大街198号")).isEqualTo("山东省烟台市牟平区****");
        assertThat(Masking.address("烟台市芝罘区南大街1号")).isEqualTo("烟台市芝罘区****");
        assertThat(Masking.address("某某村3组")).isEqualTo("某某村3****");
        assertThat(Masking.value(Map.of("户籍地址", "山东省烟台市牟平区宁海大街198号", "name", "张三")))
                .isEqualTo(Map.of("户籍地址", "山东省烟台市牟平区****", "name", "张三"));
    }

    @Test
    void nestedValuesAreMaskedToo() {
        Object v = Masking.value(List.of(Map.of("p", Map.of("id", "370612201001011234"))));
        assertThat(v.toString()).contains("370612********1234").doesNotContain("201001011234");
    }
}

package org.tongxin.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.graph.Masking;

class MaskingTest {

    @Test
    void identityNumbersAreMaskedWhereverTheyStandInText() {
        assertThat(Masking.text("370612201001011231")).isEqualTo("370612***********1");
        assertThat(Masking.text("guardianship:370612201001011231")).isEqualTo("guardianship:370612***********1");
        assertThat(Masking.text("employment-check:370612198001011237@U1")).isEqualTo("employment-check:370612***********7@U1");
        assertThat(Masking.text("370612800101123")).isEqualTo("370612********3");
        assertThat(Masking.text("order 1234567890123456789012 stays")).contains("1234567890123456789012");
    }

    @Test
    void unitCodesStayReadableBecauseTheyAreNoValidIdentityNumbers() {
        assertThat(Masking.text("统一社会信用代码 913706121659783018")).isEqualTo("统一社会信用代码 913706121659783018");
        assertThat(Masking.text("单位 91370612MA3CBW2K1F")).isEqualTo("单位 91370612MA3CBW2K1F");
        assertThat(Masking.text("单位 913706121659783018，法定代表人 370612198001011237"))
                .isEqualTo("单位 913706121659783018，法定代表人 370612***********7");
    }

    @Test
    void aMistypedIdentityNumberIsStillMaskedBecauseItIsStillSomeones() {
        assertThat(Masking.text("身份证号 370612198001011238")).as("wrong check character")
                .isEqualTo("身份证号 370612***********8");
        assertThat(Masking.text("身份证号 999999198001011237")).as("unknown region").isEqualTo("身份证号 999999***********7");
        assertThat(Masking.text("旧号 370612800101123")).as("15 digits").startsWith("旧号 370612").doesNotContain("800101");
    }

    @Test
    void theAuditMasksANumberInAnySpelling() {
        assertThat(Masking.forAudit("RETURN 'x370302197903319472' AS a")).doesNotContain("19790331").contains("x370");
        assertThat(Masking.forAudit("WHERE p.id = '370302 19790331 9472'")).doesNotContain("19790331");
        assertThat(Masking.forAudit("tel 138-1234-5678")).doesNotContain("1234");
        assertThat(Masking.forAudit("LIMIT 25")).isEqualTo("LIMIT 25");
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
        assertThat(Masking.address("某某村3组")).as("no county-level head: all hidden").isEqualTo("****");
        assertThat(Masking.address("山东省烟台市莱阳市鹤山路12号鹤山小区3号楼")).isEqualTo("山东省烟台市莱阳市****");
        assertThat(Masking.address("牟平区文化市场12号")).isEqualTo("牟平区****");
        assertThat(Masking.address("宁海大街超市旁3号")).as("a street ending in 市 is no city").isEqualTo("****");
        assertThat(Masking.value(Map.of("户籍地址", "山东省烟台市牟平区宁海大街198号", "name", "张三")))
                .isEqualTo(Map.of("户籍地址", "山东省烟台市牟平区****", "name", "张三"));
    }

    @Test
    void nestedValuesAreMaskedToo() {
        Object v = Masking.value(List.of(Map.of("p", Map.of("id", "370612201001011231"))));
        assertThat(v.toString()).contains("370612***********1").doesNotContain("201001011231");
    }
}

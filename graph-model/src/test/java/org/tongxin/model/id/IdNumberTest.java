package org.tongxin.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    /**
     * Every row of the shared test vectors. The rule here is datasets.md's: a region code that came into use
     * after the birth year is valid with a warning, so the rows that stricter validators reject for that reason
     * (500154…, 411082…, 110111…) are expected valid.
     */
    static Stream<Arguments> vectors() throws IOException {
        try (InputStream in = IdNumberTest.class.getResourceAsStream("/cn_ric_test_vectors.csv")) {
            List<String> lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> {
                String[] f = l.split(",", -1);
                boolean expected = Boolean.parseBoolean(f[1]);
                boolean newerCode = f[2].equals("address_code_timeline")
                        && (f[0].startsWith("500154") || f[0].startsWith("411082") || f[0].startsWith("110111"));
                return Arguments.of(f[0], expected || newerCode, newerCode, f[2] + " " + f[3]);
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} valid={1} ({3})")
    @MethodSource("vectors")
    void everyTestVectorIsJudgedByTheDatasetRule(String number, boolean valid, boolean warns, String aspect) {
        IdNumber.Check check = IdNumber.check(number, TODAY);
        assertThat(check.valid()).as(check.reason()).isEqualTo(valid);
        if (warns) {
            assertThat(check.warning()).contains("came into use after the birth year");
        }
    }

    @Test
    void fifteenDigitNumbersAreConvertedToEighteen() {
        IdNumber id = IdNumber.check("610104620927690", TODAY).id();
        assertThat(id.value()).isEqualTo("610104196209276908");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1962, 9, 27));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void lowerCaseXIsTheSameCheckCharacter() {
        assertThat(IdNumber.check("44011320141005001x", TODAY).id().value()).isEqualTo("44011320141005001X");
    }

    @Test
    void birthDateAndSexComeFromTheNumber() {
        IdNumber id = IdNumber.check("430302199312194239", TODAY).id();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1993, 12, 19));
        assertThat(id.sex()).isEqualTo(Sex.MALE);
    }

    private static String withCheck(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    @Test
    void aBirthDateInTheFutureIsInvalid() {
        String body = "11010120270101001";
        IdNumber.Check check = IdNumber.check(body + IdNumber.checkChar(body), TODAY);
        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).contains("future");
    }

    @Test
    void aCodeAbolishedBeforeTheBirthYearIsInvalid() {
        assertThat(IdNumber.check("110201199312010077", TODAY).reason()).contains("abolished before 1993");
    }

    @Test
    void maskingKeepsRegionAndLastFour() {
        IdNumber id = IdNumber.check(withCheck("37061220100101123"), TODAY).id();
        assertThat(id).hasToString("370612***********" + id.value().charAt(17));
        assertThat(IdNumber.mask("370612201001011234")).isEqualTo("370612***********4");
        assertThat(IdNumber.mask("12345")).isEqualTo("*****");
    }

    @Test
    void ageFollowsTheDayAfterTheBirthday() {
        IdNumber id = IdNumber.check(withCheck("11010120080101001"), TODAY).id();
        assertThat(id.ageAt(LocalDate.of(2026, 1, 1))).isEqualTo(17);
        assertThat(id.isMinorAt(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(id.ageAt(LocalDate.of(2026, 1, 2))).isEqualTo(18);
        assertThat(id.isMinorAt(LocalDate.of(2026, 1, 2))).isFalse();
    }
}

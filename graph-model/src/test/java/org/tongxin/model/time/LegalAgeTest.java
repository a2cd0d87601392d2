package org.tongxin.model.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LegalAgeTest {

    private static final LocalDate BIRTH = LocalDate.of(2010, 5, 20);

    @Test
    void theNthBirthdayItselfIsStillAgeNMinusOne() {
        assertThat(LegalAge.ageAt(BIRTH, LocalDate.of(2024, 5, 20))).isEqualTo(13);
        assertThat(LegalAge.ageAt(BIRTH, LocalDate.of(2024, 5, 21))).isEqualTo(14);
        assertThat(LegalAge.isUnder(BIRTH, 14, LocalDate.of(2024, 5, 20))).isTrue();
        assertThat(LegalAge.isUnder(BIRTH, 14, LocalDate.of(2024, 5, 21))).isFalse();
    }

    @Test
    void aMinorUntilTheEighteenthBirthdayInclusive() {
        assertThat(LegalAge.isMinorAt(BIRTH, LocalDate.of(2028, 5, 20))).isTrue();
        assertThat(LegalAge.isMinorAt(BIRTH, LocalDate.of(2028, 5, 21))).isFalse();
        assertThat(LegalAge.isMinorAt(BIRTH, LocalDate.of(2010, 5, 19))).isFalse();
        assertThat(LegalAge.isMinorAt(BIRTH, BIRTH)).isTrue();
    }

    @Test
    void leapDayBirthdaysFallOnTheTwentyEighthOfFebruary() {
        LocalDate leap = LocalDate.of(2008, 2, 29);
        assertThat(LegalAge.birthday(leap, 18)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(LegalAge.isMinorAt(leap, LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(LegalAge.isMinorAt(leap, LocalDate.of(2026, 3, 1))).isFalse();
    }
}

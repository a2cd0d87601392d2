package org.tongxin.model.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemporalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05", "2024/3/5", "20240305", "2024年3月5日"})
    void everyDateFormIsRead(String written) {
        Temporals.Stamp s = Temporals.parse(written).orElseThrow();
        assertThat(s.value()).isEqualTo(LocalDateTime.of(2024, 3, 5, 0, 0));
        assertThat(s.hasTime()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2024-03-05 21:30,0", "2024/3/5 21:30:00,0", "20240305T21:30:00,0", "2024年3月5日 21:30:15,15"})
    void timestampsKeepTheirTimeOfDay(String written, int seconds) {
        Temporals.Stamp s = Temporals.parse(written).orElseThrow();
        assertThat(s.value()).isEqualTo(LocalDateTime.of(2024, 3, 5, 21, 30, seconds));
        assertThat(s.hasTime()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-45", "2023-02-29", "yesterday", "2024-3", "2024-03-05 25:00", ""})
    void impossibleDatesAreNotRead(String written) {
        assertThat(Temporals.parse(written)).isEmpty();
    }
}

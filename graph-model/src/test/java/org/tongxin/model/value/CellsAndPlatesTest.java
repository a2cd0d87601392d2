package org.tongxin.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellsAndPlatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "无", "-", "/", "NULL", "null", "Null", "\u3000"})
    void theWrittenFormsOfUnknownAreBlank(String cell) {
        assertThat(Cells.value(cell)).isNull();
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAscii() {
        assertThat(Cells.value(" ３７０６１２ＡＢｃ ")).isEqualTo("370612ABc");
    }

    @Test
    void aPlateWrittenThreeWaysIsOnePlate() {
        assertThat(Plates.normalize("鲁F·12345")).isEqualTo("鲁F12345");
        assertThat(Plates.normalize("鲁F 12345")).isEqualTo("鲁F12345");
        assertThat(Plates.normalize("鲁f-12345")).isEqualTo("鲁F12345");
        assertThat(Plates.normalize("鲁F•1234・5.")).isEqualTo("鲁F12345");
    }
}

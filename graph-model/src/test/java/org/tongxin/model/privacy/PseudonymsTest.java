package org.tongxin.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {

    private static final String ID = "37061220100315002X";

    private final Pseudonyms p = new Pseudonyms(Keyring.generate());

    @Test
    void equalValuesGiveEqualTokensAndDifferentOnesDifferentTokens() {
        assertThat(p.seal(PiiKind.ID, ID)).isEqualTo(p.seal(PiiKind.ID, ID)).startsWith("id~").doesNotContain("3706");
        assertThat(p.seal(PiiKind.ID, ID)).isNotEqualTo(p.seal(PiiKind.ID, "370612201003150039"));
        assertThat(p.seal(PiiKind.PHONE, "13812345678")).startsWith("tel~");
        assertThat(p.seal(PiiKind.ID, ID).substring(3)).as("the kind is part of what is sealed")
                .isNotEqualTo(p.seal(PiiKind.TEXT, ID).substring(4));
    }

    @Test
    void aTokenOpensOnlyWithItsKeyring() {
        String token = p.seal(PiiKind.ID, ID);
        assertThat(p.open(token)).contains(new Pseudonyms.Opened(PiiKind.ID, ID));
        assertThat(new Pseudonyms(Keyring.generate()).open(token)).isEmpty();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(p.open(tampered)).isEmpty();
        assertThat(p.open("id~" + token.substring(3).replace('A', 'B'))).isEmpty();
    }

    @Test
    void tokensInsideTextsAreRevealedThroughTheGivenView() {
        String key = "employment-check:" + p.seal(PiiKind.ID, ID) + "@91370612MA3C0000X1";
        assertThat(p.reveal(key)).isEqualTo("employment-check:" + ID + "@91370612MA3C0000X1");
        assertThat(p.reveal(key, (kind, clear) -> kind + ":" + clear.substring(0, 6)))
                .isEqualTo("employment-check:ID:370612@91370612MA3C0000X1");
        assertThat(new Pseudonyms(Keyring.generate()).reveal(key)).isEqualTo("employment-check:" + Pseudonyms.UNREADABLE + "@91370612MA3C0000X1");
        Object tree = p.revealAll(Map.of("cells", List.of(p.seal(PiiKind.ADDRESS, "正阳路1号"), "张三")), (k, c) -> c);
        assertThat(tree).isEqualTo(Map.of("cells", List.of("正阳路1号", "张三")));
    }

    @Test
    void aRotatedKeyringResealsOldTokensUnderTheNewKeyAndStillOpensOldOnes(@TempDir Path state) throws Exception {
        Keyring.generate().saveNew(state);
        assertThat(Files.getPosixFilePermissions(state.resolve(Keyring.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Keyring first = Keyring.open(state);
        assertThat(Keyring.open(state).current().aes()).isEqualTo(first.current().aes());
        String old = new Pseudonyms(first).seal(PiiKind.ID, ID);
        Pseudonyms rotated = new Pseudonyms(first.withNewKey());
        String resealed = rotated.reseal("guardianship:" + old);
        assertThat(resealed).isEqualTo("guardianship:" + rotated.seal(PiiKind.ID, ID)).doesNotContain(old);
        assertThat(rotated.open(old)).map(Pseudonyms.Opened::value).contains(ID);
        assertThat(new Pseudonyms(first.withNewKey().currentOnly()).open(old)).isEmpty();
    }
}

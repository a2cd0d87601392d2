package org.tongxin.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.model.id.IdNumber;
import org.tongxin.model.privacy.Keyring;
import org.tongxin.model.privacy.PiiKind;
import org.tongxin.model.privacy.Pseudonyms;

/** A key rotation seals every token again under a new key; the store then opens only with the new key file. */
class KeyRotationTest {

    private static final String CHILD = "37061220100315002" + IdNumber.checkChar("37061220100315002");
    private static final String MOTHER = "37061219850101002" + IdNumber.checkChar("37061219850101002");

    @Test
    void everyTokenIsSealedAgainAndStillOpensToTheSameValue(@TempDir Path dir) throws Exception {
        Path city = Files.createDirectories(dir.resolve("city"));
        Files.writeString(city.resolve("police_residents.csv"), "身份证号,姓名,户号,户籍地址,联系电话\n"
                + CHILD + ",张小红,H001,山东省烟台市牟平区正阳路1号,13812345678\n"
                + MOTHER + ",李梅,H001,山东省烟台市牟平区正阳路1号,13912345678\n", StandardCharsets.UTF_8);
        Files.writeString(city.resolve("edu_students.csv"), "学籍号,身份证号,学校代码,监护人1身份证号,监护人1姓名\nS1,"
                + CHILD + ",U1," + MOTHER + ",李梅\n", StandardCharsets.UTF_8);
        StoreConfig config = StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("32m").build();
        Path state = config.stateDir();
        List<String> before;
        try (GraphStore store = GraphStore.open(config)) {
            new FolderLoader(store, Mappings.bundled(), dir.resolve("q"), 100, false).load(city);
            before = tokens(store);
            KeyRotation.Outcome o = KeyRotation.rotate(store, state, false);
            assertThat(o.toVersion()).isEqualTo(o.fromVersion() + 1);
            assertThat(o.nodes()).isGreaterThanOrEqualTo(4);
        }
        assertThat(Keyring.open(state).keys()).containsOnlyKeys(2);
        try (GraphStore store = GraphStore.open(config)) {
            List<String> after = tokens(store);
            assertThat(after).hasSameSizeAs(before).doesNotContainAnyElementsOf(before);
            assertThat(after.stream().map(store.pseudonyms()::reveal).sorted().toList())
                    .contains(CHILD, MOTHER, "13812345678", "山东省烟台市牟平区正阳路1号")
                    .noneMatch(v -> v.contains(Pseudonyms.UNREADABLE));
            try (Session s = store.driver().session()) {
                assertThat(s.run("MATCH (:Person {id: $c})-[:GUARDED_BY]->(m:Person {id: $m}) RETURN count(*) AS n",
                        Map.of("c", store.pseudonyms().seal(PiiKind.ID, CHILD), "m", store.pseudonyms().seal(PiiKind.ID, MOTHER)))
                        .single().get("n").asLong()).as("links still found by the new tokens").isEqualTo(1);
            }
        }
        Path elsewhere = dir.resolve("wrong-state");
        assertThatThrownBy(() -> GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("32m")
                .stateDir(elsewhere).build())).isInstanceOf(IllegalStateException.class).hasMessageContaining("no key file");
        assertThat(elsewhere.resolve(Keyring.FILE)).as("a wrong --state is left without a key file").doesNotExist();
        Keyring.generate().save(state);
        assertThatThrownBy(() -> GraphStore.open(config)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open this store's values");
    }

    /** Every property value of the store that holds a token, sorted. */
    private static List<String> tokens(GraphStore store) {
        try (Session s = store.driver().session()) {
            return s.run("MATCH (n) UNWIND keys(n) AS k WITH n[k] AS v WHERE v IS :: STRING AND v CONTAINS '~' "
                    + "RETURN v ORDER BY v").list(r -> r.get("v").asString());
        }
    }
}

package org.tongxin.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

class FolderLoaderTest extends FolderLoadTestBase {

    static final String CHILD = id("37061220100315002");
    static final String MOTHER = id("37061219850101002");

    @Test
    void rowsBecomeRecordsLinkedToOnePersonAcrossDepartments() throws Exception {
        write("police_residents.csv", "身份证号,姓名,性别,户号\n" + CHILD + ",张小红,女,H001\n" + MOTHER + ",李梅,女,H001\n");
        write("culture_netbar_sessions.csv", "记录编号,场所编码,上机时间,下机时间,身份证号\nN1,V01,2026/3/5 21:30,2026-03-05 23:00," + CHILD + "\n");
        LoadReport r = load();
        assertThat(r.read()).isEqualTo(3);
        assertThat(r.loaded()).isEqualTo(3);
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(2);
        assertThat(count("MATCH (:NetbarSession)-[:USER]->(p:Person {name:'张小红'})<-[:REGISTERS]-(:Residency) RETURN count(p)")).isEqualTo(1);
        assertThat(count("MATCH (:Person)-[:MEMBER_OF]->(h:Household {no:'H001'}) RETURN count(*)")).isEqualTo(2);
        assertThat(file(r, "culture_netbar_sessions").linked()).isEqualTo(1);
        try (Session s = neo4j.store().driver().session()) {
            var rec = s.run("MATCH (n:NetbarSession) MATCH (f:SourceFile {sid: n.source}) "
                    + "RETURN n.rid AS rid, f.file AS file, n.line AS line, n.raw AS raw, n.startAtHasTime AS t").single();
            assertThat(rec.get("rid").asString()).isEqualTo("culture_netbar_sessions:N1");
            assertThat(rec.get("file").asString()).isEqualTo("culture_netbar_sessions.csv");
            assertThat(rec.get("line").asInt()).isEqualTo(2);
            assertThat(rec.get("raw").asString()).contains("2026/3/5 21:30");
            assertThat(rec.get("t").asBoolean()).isTrue();
            var p = s.run("MATCH (p:Person {id:$id}) RETURN p.birthDate AS b, p.sex AS sex, p.src_name AS src", Map.of("id", sealed(CHILD))).single();
            assertThat(p.get("b").asLocalDate()).hasToString("2010-03-15");
            assertThat(p.get("sex").asString()).isEqualTo("女");
            assertThat(p.get("src").asString()).isEqualTo("police_residents:" + sealed(CHILD));
        }
    }

    @Test
    void loadingTheSameFolderTwiceChangesNothing() throws Exception {
        write("police_residents.csv", "身份证号,姓名,户号\n" + CHILD + ",张小红,H001\n" + MOTHER + ",李梅,H001\n");
        write("edu_students.csv", "学籍号,身份证号,学校代码,监护人1身份证号,监护人1姓名\nS1," + CHILD + ",u1," + MOTHER + ",李梅\n");
        load();
        long nodes = count("MATCH (n) RETURN count(n)");
        long rels = count("MATCH ()-[r]->() RETURN count(r)");
        LoadReport second = load();
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(rels);
        assertThat(second.files()).allSatisfy(f -> assertThat(f.unchanged()).isEqualTo(f.loaded()));
        assertThat(count("MATCH (:Person {id:'" + sealed(CHILD) + "'})-[:GUARDED_BY]->(:Person {id:'" + sealed(MOTHER) + "'}) RETURN count(*)")).isEqualTo(1);
    }

    @Test
    void aChangedRowUpdatesValuesAndKeepsItsHistory() throws Exception {
        write("police_residents.csv", "身份证号,姓名,户号\n" + CHILD + ",张小红,H001\n");
        load();
        write("police_residents.csv", "身份证号,姓名,户号\n" + CHILD + ",张晓红,H002\n");
        LoadReport r = load();
        assertThat(file(r, "police_residents").updated()).isEqualTo(1);
        assertThat(count("MATCH (:Person {name:'张晓红'})-[:MEMBER_OF]->(:Household {no:'H002'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:Person)-[:MEMBER_OF]->(:Household {no:'H001'}) RETURN count(*)")).isZero();
        try (Session s = neo4j.store().driver().session()) {
            List<Object> history = s.run("MATCH (r:Residency) RETURN r.history AS h").single().get("h").asList();
            assertThat(history).hasSize(1);
            assertThat(history.get(0).toString()).contains("张小红").startsWith("police_residents:").contains("#2 ");
        }
    }

    @Test
    void gbkFilesAreDetectedAndRead() throws Exception {
        Files.write(folder.resolve("police_residents.csv"),
                ("身份证号,姓名\n" + CHILD + ",张小红\n").getBytes(Charset.forName("GBK")));
        LoadReport r = load();
        assertThat(file(r, "police_residents").encoding()).isEqualTo("GBK/GB18030");
        assertThat(count("MATCH (p:Person {name:'张小红'}) RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void aFolderWithCsvAndXlsxOfOneDatasetIsRefusedBeforeAnythingIsWritten() throws Exception {
        write("police_residents.csv", "身份证号,姓名\n" + CHILD + ",张小红\n");
        write("police_residents.xlsx", "x");
        assertThatThrownBy(this::load).isInstanceOf(IngestRefusedException.class).hasMessageContaining("police_residents");
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }

    /** The token the store keeps for a clear identity number. */
    private static String sealed(String id) {
        return neo4j.store().pseudonyms().seal(org.tongxin.model.privacy.PiiKind.ID, id);
    }
}

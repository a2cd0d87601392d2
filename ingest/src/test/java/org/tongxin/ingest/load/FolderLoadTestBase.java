package org.tongxin.ingest.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.tongxin.ingest.EmbeddedStoreTest;
import org.tongxin.ingest.mapping.Mappings;

/** Tests that write a few department files into a folder and load it into an emptied store. */
abstract class FolderLoadTestBase extends EmbeddedStoreTest {

    @TempDir
    Path folder;
    @TempDir
    Path quarantine;

    @BeforeEach
    void empty() {
        neo4j.clear();
    }

    LoadReport load() throws IngestRefusedException {
        return new FolderLoader(neo4j.store(), Mappings.bundled(), quarantine, 100, false).load(folder);
    }

    void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    static FileReport file(LoadReport r, String dataset) {
        return r.files().stream().filter(f -> f.dataset().equals(dataset)).findFirst().orElseThrow();
    }
}

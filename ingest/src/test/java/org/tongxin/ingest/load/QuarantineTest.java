package org.tongxin.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quarantined rows are raw personal data: the file is the owner's only, and so is the folder it creates. */
class QuarantineTest {

    @Test
    void theFileAndItsFolderAreTheOwnersOnly(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("quarantine").resolve("quarantine-1.csv");
        try (Quarantine q = new Quarantine(file)) {
            q.add("police_residents.csv", 2, "身份证号", "check character", "rejected", "{\"姓名\": \"张三\"}");
        }
        assertThat(Files.readString(file)).contains("张三");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }
}

package org.tongxin.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.api.observer.Pictures;
import org.tongxin.domain.user.Role;

/**
 * After a load and a server run, nothing the product wrote in the state or store folder is open to the group or
 * others: folders 0700, files 0600 — whatever the umask of the JVM that wrote them. (The test city loads without
 * quarantined rows; ingest's QuarantineTest covers that folder.)
 */
class FilePermissionsTest {

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @Test
    void theStateAndTheStoreAreTheOwnersOnly() throws Exception {
        TestCity city = TestCity.get();
        Http prosecutor = city.as(Role.PROSECUTOR);
        Http volunteer = city.as(Role.VOLUNTEER);
        assertThat(prosecutor.post("/api/threads", Map.of("subject", "权限检查", "participants",
                List.of(city.users.get(Role.DEPARTMENT)[0]))).status()).isEqualTo(201);
        assertThat(volunteer.postBytes("/api/media", Pictures.image("png", 40, 30), "image/png").status()).isEqualTo(201);

        Path state = city.dir.resolve("state");
        assertThat(state.resolve("users.json")).exists();
        assertThat(state.resolve("audit.jsonl")).exists();
        assertThat(state.resolve("board.jsonl")).exists();
        assertThat(state.resolve("media").resolve("ledger.jsonl")).exists();
        assertThat(open(state)).isEmpty();
        // Neo4j creates its own files with the JVM's umask (the launcher sets 077); the store folder being 0700 is
        // what keeps them from other users, and the password file is the product's own.
        Path store = city.dir.resolve("store");
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(store.resolve("bolt-password"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    /** Every file or folder under {@code root}, itself included, that the group or others may use. */
    private static List<String> open(Path root) throws Exception {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                if (perms.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                    out.add(root.relativize(p) + " " + PosixFilePermissions.toString(perms));
                }
            }
        }
        return out;
    }
}

package org.tongxin.model.privacy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders 0700 and files 0600 for everything that holds personal data: the store (Neo4j's transaction logs), the
 * state folder (users, audit log, board, media) and the quarantine (raw rows). Created so rather than chmodded
 * afterwards, so no other user can open them in between; an existing one is made so too (an older install).
 * On a file system without POSIX permissions these only create: there the folder's ACL decides.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** Creates the folder, and missing parents, owner-only; makes an existing one owner-only. */
    public static Path folder(Path dir) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(dir);
        }
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(dir, FOLDER);
        return dir;
    }

    /** Creates an empty owner-only file if there is none; makes an existing one owner-only. */
    public static Path file(Path file) throws IOException {
        if (!POSIX) {
            return Files.exists(file) ? file : Files.createFile(file);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }

    /** The attribute to create an owner-only file with ({@code Files.createTempFile}, {@code FileChannel.open}); none off POSIX. */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }
}

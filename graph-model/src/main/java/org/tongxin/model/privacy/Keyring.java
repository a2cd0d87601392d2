package org.tongxin.model.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The keys that pseudonymise personal values, kept in {@code <state>/pii-keys.properties} (mode 0600) — beside the
 * store, never in it, so nothing that reads the graph (the console, Bolt, a copy of the store files) can undo the
 * tokens. Each key version has a 256-bit AES key and a 256-bit HMAC key; the current version seals new values,
 * every version still listed opens old ones (a rotation seals everything again and then retires the old one).
 */
public final class Keyring {

    public static final String FILE = "pii-keys.properties";

    /** One key version. */
    public record Key(int version, byte[] aes, byte[] mac) {
        public Key {
            if (version < 1 || version > 255 || aes.length != 32 || mac.length != 32) {
                throw new IllegalArgumentException("a key version is 1–255 with two 32-byte keys");
            }
            aes = aes.clone();
            mac = mac.clone();
        }

        @Override
        public byte[] aes() {
            return aes.clone();
        }

        @Override
        public byte[] mac() {
            return mac.clone();
        }
    }

    private final int current;
    private final Map<Integer, Key> keys;

    private Keyring(int current, Map<Integer, Key> keys) {
        if (!keys.containsKey(current)) {
            throw new IllegalArgumentException("the current key version " + current + " is not in the keyring");
        }
        this.current = current;
        this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    /** A keyring with one fresh random key: for tests and first starts. */
    public static Keyring generate() {
        return new Keyring(1, Map.of(1, random(1)));
    }

    /** The keyring of a state folder, which must exist. */
    public static Keyring open(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no key file " + file + " (the state folder that pseudonymised this store)");
        }
        try {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + file, e);
        }
    }

    public Key current() {
        return keys.get(current);
    }

    public Key version(int v) {
        return keys.get(v);
    }

    public Map<Integer, Key> keys() {
        return keys;
    }

    /** This keyring plus a new random key that becomes the current one. */
    public Keyring withNewKey() {
        int next = keys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<Integer, Key> more = new TreeMap<>(keys);
        more.put(next, random(next));
        return new Keyring(next, more);
    }

    /** This keyring without the versions other than the current one. */
    public Keyring currentOnly() {
        return new Keyring(current, Map.of(current, current()));
    }

    /** Writes the keyring as the state folder's first key file, owner-only; fails when there is one already. */
    public void saveNew(Path stateDir) {
        try {
            OwnerOnly.folder(stateDir);
            write(stateDir.resolve(FILE));
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("a key file appeared in " + stateDir + " while this store was being set up; start again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file in " + stateDir, e);
        }
    }

    /** Writes the keyring to the state folder's key file, owner-only, replacing it atomically. */
    public void save(Path stateDir) {
        try {
            OwnerOnly.folder(stateDir);
            Path tmp = stateDir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            write(tmp);
            try {
                Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key file in " + stateDir, e);
        }
    }

    private void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("current", Integer.toString(current));
        Base64.Encoder b64 = Base64.getEncoder();
        keys.values().forEach(k -> {
            p.setProperty(k.version() + ".aes", b64.encodeToString(k.aes()));
            p.setProperty(k.version() + ".mac", b64.encodeToString(k.mac()));
        });
        Files.createFile(file, OwnerOnly.fileAttributes());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Tongxin pseudonymisation keys: keep with the state folder, back up apart from the store");
        }
    }

    private static Keyring read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<Integer, Key> keys = new TreeMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (String name : p.stringPropertyNames()) {
            if (name.endsWith(".aes")) {
                int v = Integer.parseInt(name.substring(0, name.length() - 4));
                keys.put(v, new Key(v, b64.decode(p.getProperty(name)), b64.decode(p.getProperty(v + ".mac", ""))));
            }
        }
        return new Keyring(Integer.parseInt(p.getProperty("current", "0")), keys);
    }

    private static Key random(int version) {
        SecureRandom r = new SecureRandom();
        byte[] aes = new byte[32];
        byte[] mac = new byte[32];
        r.nextBytes(aes);
        r.nextBytes(mac);
        return new Key(version, aes, mac);
    }
}

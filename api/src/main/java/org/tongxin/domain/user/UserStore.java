package org.tongxin.domain.user;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tongxin.model.privacy.OwnerOnly;
import org.tongxin.model.time.LegalAge;

/**
 * Users in {@code <state>/users.json} (mode 0600), outside the graph on purpose: the analysts' Cypher console
 * reads the whole graph, and must never see password hashes. Written whole, through a temporary file and an
 * atomic move, so a crash leaves the old file or the new one.
 */
public final class UserStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, User> users = new TreeMap<>();

    public UserStore(Path stateDir) {
        try {
            OwnerOnly.folder(stateDir);
            this.file = stateDir.resolve("users.json");
            if (Files.exists(file)) {
                OwnerOnly.file(file);
                List<User> list = JSON.readValue(file.toFile(), new TypeReference<List<User>>() { });
                list.forEach(u -> users.put(u.name(), u));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users in " + stateDir, e);
        }
    }

    public synchronized Optional<User> get(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public synchronized List<User> all() {
        return List.copyOf(users.values());
    }

    /** Creates a user with a generated password and returns the password (shown once, never stored). */
    public String add(String name, Role role, String unit, String department) {
        if (get(name).isPresent()) {
            throw new IllegalArgumentException("user '" + name + "' already exists");
        }
        // Hashing takes a third of a second on purpose; it runs outside the lock so several users can be added at once.
        String password = Passwords.generate();
        User user = new User(name, role, unit, department, List.of(), Passwords.hash(password),
                LocalDateTime.now(LegalAge.ZONE).withNano(0).toString());
        synchronized (this) {
            if (users.putIfAbsent(name, user) != null) {
                throw new IllegalArgumentException("user '" + name + "' already exists");
            }
            save();
        }
        return password;
    }

    /** Assigns a minor (identity number) to a social worker or psychologist. */
    public synchronized User assign(String name, String minorId) {
        User u = get(name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
        if (u.role() != Role.SOCIAL_WORKER && u.role() != Role.PSYCHOLOGIST) {
            throw new IllegalArgumentException("only social workers and psychologists are assigned minors");
        }
        List<String> minors = new ArrayList<>(u.assignedMinors());
        if (!minors.contains(minorId)) {
            minors.add(minorId);
        }
        User updated = u.withAssigned(minors);
        users.put(name, updated);
        save();
        return updated;
    }

    /** Takes a minor (identity number) off a user's assignments; the user as they are now. */
    public synchronized User unassign(String name, String minorId) {
        User u = get(name).orElseThrow(() -> new IllegalArgumentException("no user '" + name + "'"));
        List<String> minors = new ArrayList<>(u.assignedMinors());
        minors.remove(minorId);
        User updated = u.withAssigned(minors);
        users.put(name, updated);
        save();
        return updated;
    }

    private void save() {
        try {
            Path tmp = file.resolveSibling("users.json.tmp");
            Files.deleteIfExists(tmp);
            OwnerOnly.file(tmp);
            JSON.writeValue(tmp.toFile(), List.copyOf(users.values()));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}

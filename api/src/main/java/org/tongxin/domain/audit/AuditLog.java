package org.tongxin.domain.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.problem.Messages;
import org.tongxin.model.privacy.OwnerOnly;
import org.tongxin.model.time.LegalAge;

/**
 * The append-only audit log, {@code <state>/audit.jsonl}: one JSON entry a line — sequence number, time, user,
 * role, action, the node keys touched, the reason given, a detail — each carrying the SHA-256 of the previous
 * entry and its own, so changing, removing or reordering any entry breaks the chain from there on
 * ({@link #verify(Path)}). Each entry is on disk before the request that caused it is answered.
 */
public final class AuditLog implements AutoCloseable {

    /** One entry. {@code hash} = SHA-256 of {@code prev} and the entry's other fields as written. */
    public record Entry(long seq, String at, String user, String role, String action, List<String> what, String why,
                        String detail, String prev, String hash) {
    }

    /** The result of checking the chain: how many entries are intact, the last intact hash, the first broken one. */
    public record Verification(long entries, Long firstBroken, String reason, String lastHash) {
        public boolean intact() {
            return firstBroken == null;
        }
    }

    /**
     * The chain as the audit page shows it: entries intact, whether all are, the first broken entry's number
     * ({@code ""} when none, as the page has always read it) and why (or {@code ""}).
     */
    public record Chain(long entries, boolean intact, Object firstBroken, String reason) {
    }

    /**
     * An entry as the audit page shows it: without the hashes, absent texts as {@code ""}, values masked; the keys and
     * the detail as stored ({@code what}, {@code detail}) and in the reader's words ({@code objects}: 线索 R-…;
     * {@code details}: 转为“核查中”, 共 3 条, 来源地址 …).
     */
    public record Shown(long seq, String at, String user, String role, String action, List<String> what, String why,
                        String detail, List<String> objects, String details) {
    }

    /** The audit page: the chain's state and the newest entries that match, newest first. */
    public record Page(Chain chain, List<Shown> entries) {
    }

    static final String GENESIS = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final Object forceLock = new Object();
    private long seq;
    private String last;
    private volatile long durable;

    public AuditLog(Path stateDir) {
        try {
            OwnerOnly.folder(stateDir);
            file = OwnerOnly.file(stateDir.resolve("audit.jsonl"));
            Verification v = verify(file);
            if (!v.intact()) {
                throw new IllegalStateException("the audit log " + file + " is broken at entry " + v.firstBroken()
                        + " (" + v.reason() + "); run `tongxin audit verify` and keep the file as evidence");
            }
            seq = v.entries();
            durable = seq;
            last = v.lastHash();
            channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log in " + stateDir, e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Appends an entry and returns once it is on disk. Entries are written in order under one lock; forcing them
     * to disk is shared (group commit): whoever forces covers every entry written so far, so concurrent requests
     * wait for one fsync instead of queueing for one each.
     */
    public Entry append(String user, String role, String action, List<String> what, String why, String detail) {
        Entry e;
        synchronized (this) {
            long n = seq + 1;
            String at = LocalDateTime.now(LegalAge.ZONE).toString();
            List<String> keys = what == null ? List.of() : List.copyOf(what);
            String hash = hash(n, at, user, role, action, keys, why, detail, last);
            e = new Entry(n, at, user, role, action, keys, why, detail, last, hash);
            try {
                channel.write(ByteBuffer.wrap((JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8)));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the audit log", ex);
            }
            seq = n;
            last = hash;
        }
        force(e.seq());
        return e;
    }

    private void force(long upTo) {
        if (durable >= upTo) {
            return;
        }
        synchronized (forceLock) {
            if (durable >= upTo) {
                return;
            }
            long written;
            synchronized (this) {
                written = seq;
            }
            try {
                channel.force(false);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write the audit log", ex);
            }
            durable = written;
        }
    }

    /** The newest entries first that match, at most {@code limit}. */
    public List<Entry> recent(Predicate<Entry> filter, int limit) {
        List<Entry> all = read(file, filter, Integer.MAX_VALUE);
        List<Entry> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    /**
     * The newest {@code limit} entries of one user (or all, when null) whose action starts with {@code action} (or
     * any), with the state of the chain. The file keeps what was asked in full; the page shows it masked.
     */
    public Page page(String user, String action, int limit) {
        return page(user, action, null, null, limit, Messages.CHINESE);
    }

    /**
     * Like {@link #page(String, String, int)}, also only entries written on or after {@code from} and on or before
     * {@code to} (days in the log's zone; either may be null), objects and details in the words of {@code locale}.
     */
    public Page page(String user, String action, LocalDate from, LocalDate to, int limit, Locale locale) {
        return page(user, action, from, to, null, limit, locale);
    }

    /** Like {@link #page(String, String, LocalDate, LocalDate, int, Locale)}, also only entries about this object (null: any). */
    public Page page(String user, String action, LocalDate from, LocalDate to, AuditObject object, int limit, Locale locale) {
        String first = from == null ? null : from.toString();
        String last = to == null ? null : to.toString();
        var entries = recent(e -> (user == null || user.equals(e.user()))
                && (action == null || (e.action() != null && e.action().startsWith(action)))
                && (first == null || e.at() != null && e.at().substring(0, Math.min(10, e.at().length())).compareTo(first) >= 0)
                && (last == null || e.at() != null && e.at().substring(0, Math.min(10, e.at().length())).compareTo(last) <= 0)
                && (object == null || object.matches(e)),
                limit);
        Verification v = verify(file);
        Chain chain = new Chain(v.entries(), v.intact(), v.firstBroken() == null ? "" : v.firstBroken(),
                v.reason() == null ? "" : v.reason());
        return new Page(chain, entries.stream().map(e -> new Shown(e.seq(), Masking.text(e.at()), Masking.text(e.user()),
                Masking.text(e.role() == null ? "" : e.role()), Masking.text(e.action()),
                e.what() == null ? null : e.what().stream().map(Masking::text).toList(), Masking.text(e.why() == null ? "" : e.why()),
                Masking.text(e.detail() == null ? "" : e.detail()),
                e.what() == null ? List.of() : e.what().stream().map(k -> Masking.text(AuditDetail.object(k, locale))).toList(),
                Masking.text(AuditDetail.render(e.action(), e.detail(), locale)))).toList());
    }

    /** Checks every entry's link to the one before and its own hash. */
    public static Verification verify(Path file) {
        String prev = GENESIS;
        long expected = 1;
        long count = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Entry e;
                try {
                    e = JSON.readValue(line, Entry.class);
                } catch (JsonProcessingException ex) {
                    return new Verification(count, expected, "entry " + expected + " is not a valid entry", prev);
                }
                if (e.seq() != expected) {
                    return new Verification(count, expected, "expected entry " + expected + ", found " + e.seq(), prev);
                }
                if (!prev.equals(e.prev())) {
                    return new Verification(count, e.seq(), "does not follow the entry before it", prev);
                }
                if (!hash(e.seq(), e.at(), e.user(), e.role(), e.action(), e.what(), e.why(), e.detail(), e.prev()).equals(e.hash())) {
                    return new Verification(count, e.seq(), "its content does not match its hash (changed after it was written)", prev);
                }
                prev = e.hash();
                expected++;
                count++;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Verification(count, null, null, prev);
    }

    private static List<Entry> read(Path file, Predicate<Entry> filter, int limit) {
        List<Entry> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null && out.size() < limit) {
                if (!line.isBlank()) {
                    Entry e = JSON.readValue(line, Entry.class);
                    if (filter.test(e)) {
                        out.add(e);
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    /** The hash of an entry's fields chained to {@code prev}, as {@link #verify} recomputes it. */
    public static String hash(long seq, String at, String user, String role, String action, List<String> what, String why,
                       String detail, String prev) {
        try {
            String canonical = JSON.writeValueAsString(new Object[] {seq, at, user, role, action, what, why, detail, prev});
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.tongxin.domain.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.state.JsonLines;
import org.tongxin.model.privacy.OwnerOnly;
import org.tongxin.model.time.LegalAge;

/**
 * The message board: threads between guardians, schools, social workers and prosecutors about an order or a
 * minor's plan, each visible only to the people in it. Kept in {@code <state>/board.jsonl}, append-only and synced
 * per write — outside the graph on purpose, because analysts may read the whole graph with ad-hoc queries.
 */
public final class Board {

    /** One message. */
    public record Message(String by, String role, String at, String text) {
    }

    /** One thread: who is in it, what it is about, its messages in order. */
    public record Thread(String id, String subject, String about, Set<String> participants, String by, String at,
                         List<Message> messages) {

        /** When it was last written in: its last message, or its opening. */
        public String lastAt() {
            return messages.isEmpty() ? at : messages.get(messages.size() - 1).at();
        }
    }

    /** A thread as listed: its people in name order, how many messages and when the last was written. */
    public record Summary(String id, String subject, String about, List<String> participants, String by, String at,
                          int messages, String lastAt) {

        public static Summary of(Thread t) {
            return new Summary(t.id(), t.subject(), t.about(), t.participants().stream().sorted().toList(), t.by(), t.at(),
                    t.messages().size(), t.lastAt());
        }
    }

    /** A thread as read: like its {@link Summary}, with the messages, identity numbers and phones masked in their text. */
    public record View(String id, String subject, String about, List<String> participants, String by, String at,
                       List<Message> messages, String lastAt) {

        public static View of(Thread t) {
            return new View(t.id(), t.subject(), t.about(), t.participants().stream().sorted().toList(), t.by(), t.at(),
                    t.messages().stream().map(m -> new Message(m.by(), m.role(), m.at(), Masking.text(m.text()))).toList(),
                    t.lastAt());
        }
    }

    /** What the file holds, one a line: a thread opened, or a message posted to one. */
    private record Opened(String type, String id, String subject, String about, List<String> participants, String by,
                          String at) {
    }

    private record Posted(String type, String thread, String by, String role, String at, String text) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Clock clock;
    private final Map<String, Thread> threads = new LinkedHashMap<>();

    public Board(Path stateDir, Clock clock) {
        this.file = stateDir.resolve("board.jsonl");
        this.clock = clock;
        try {
            OwnerOnly.folder(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonLines.read(file).forEach(this::apply);
    }

    /** Opens a thread; the creator is always in it. */
    public synchronized Thread open(String by, String subject, String about, List<String> participants) {
        String s = subject == null ? "" : subject.strip();
        if (s.isEmpty() || s.length() > 200) {
            throw Problem.invalid("board.subject");
        }
        if (about != null && !about.isBlank() && !about.matches("(order|minor):[\\p{Alnum}:_\\-]{1,80}")) {
            throw Problem.invalid("board.about");
        }
        Set<String> people = new LinkedHashSet<>();
        people.add(by);
        if (participants != null) {
            participants.forEach(p -> people.add(p.strip()));
        }
        if (people.size() < 2 || people.size() > 20) {
            throw Problem.invalid("board.people");
        }
        Opened event = new Opened("thread", "T" + HexFormat.of().formatHex(RANDOM.generateSeed(6)).toUpperCase(), s,
                about == null || about.isBlank() ? "" : about.strip(), List.copyOf(people), by, now());
        write(event);
        return threads.get(event.id());
    }

    /** Posts a message as {@code by}, who must be in the thread (others are told it does not exist). */
    public synchronized Thread post(String threadId, String by, String role, String text) {
        Thread t = visible(threadId, by).orElseThrow(() -> Problem.notFound("board.thread-not-found", threadId));
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > 4000) {
            throw Problem.invalid("board.text");
        }
        write(new Posted("message", t.id(), by, role, now(), body));
        return threads.get(t.id());
    }

    /** The thread if {@code user} is in it. */
    public synchronized Optional<Thread> visible(String threadId, String user) {
        return Optional.ofNullable(threads.get(threadId)).filter(t -> t.participants().contains(user));
    }

    /** The threads {@code user} is in, the most recently active first; optionally only those about one thing. */
    public synchronized List<Thread> of(String user, String about) {
        return threads.values().stream().filter(t -> t.participants().contains(user))
                .filter(t -> about == null || about.equals(t.about()))
                .sorted(Comparator.comparing(Thread::lastAt).reversed()).toList();
    }

    private String now() {
        return LocalDateTime.now(clock.withZone(LegalAge.ZONE)).withNano(0).toString();
    }

    private void write(Record event) {
        apply(JsonLines.append(file, event));
    }

    private void apply(JsonNode e) {
        switch (e.path("type").asText()) {
            case "thread" -> {
                Set<String> people = new LinkedHashSet<>();
                e.path("participants").forEach(p -> people.add(p.asText()));
                threads.put(e.get("id").asText(), new Thread(e.get("id").asText(), e.path("subject").asText(),
                        e.path("about").asText(), Set.copyOf(people), e.path("by").asText(), e.path("at").asText(), new ArrayList<>()));
            }
            case "message" -> {
                Thread t = threads.get(e.path("thread").asText());
                if (t != null) {
                    t.messages().add(new Message(e.path("by").asText(), e.path("role").asText(), e.path("at").asText(), e.path("text").asText()));
                }
            }
            default -> throw new IllegalStateException("board.jsonl: unknown entry type " + e.path("type").asText());
        }
    }
}

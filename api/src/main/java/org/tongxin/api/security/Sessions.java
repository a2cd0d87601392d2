package org.tongxin.api.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions: a random token in an HttpOnly, SameSite=Strict cookie names the session; the session
 * holds the user and its CSRF token. Sessions end after 30 minutes idle or 12 hours in all, and at logout.
 */
public final class Sessions {

    /** A live session. */
    public record Session(String token, String user, String csrf, Instant created, Instant lastSeen) {
    }

    public static final String COOKIE = "TX_SESSION";
    public static final String CSRF_COOKIE = "TX_CSRF";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration MAX = Duration.ofHours(12);

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final Clock clock;

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(String user) {
        Instant now = clock.instant();
        Session s = new Session(token(), user, token(), now, now);
        live.put(s.token(), s);
        return s;
    }

    /** The session for a token, if it is still valid; touching it extends the idle time. */
    public Optional<Session> get(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = live.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.created().plus(MAX))) {
            live.remove(token);
            return Optional.empty();
        }
        Session touched = new Session(s.token(), s.user(), s.csrf(), s.created(), now);
        live.put(token, touched);
        return Optional.of(touched);
    }

    public void close(String token) {
        if (token != null) {
            live.remove(token);
        }
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

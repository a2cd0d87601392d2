package org.tongxin.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after 5 failed logins for one user name, or 20 from one address, within 15 minutes,
 * further attempts are refused for 15 minutes — whether or not the password would be right. The address limit
 * stops one machine trying many names; so that it cannot lock out a whole office behind one address, a name that
 * logged in successfully from that address in the last 12 hours meets a higher address limit (100) instead. A
 * guesser behind the same address gains little: each name's own limit still holds, and the address as a whole
 * is still capped.
 */
public final class LoginThrottle {

    static final int PER_USER = 5;
    static final int PER_ADDRESS = 20;
    static final int PER_ADDRESS_TRUSTED = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration TRUSTED = Duration.ofHours(12);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    /** "address|name" → when that name last logged in from that address. */
    private final Map<String, Instant> trusted = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait, if it must. */
    public Optional<Duration> blocked(String user, String address) {
        Instant now = clock.instant();
        Optional<Duration> u = wait("u:" + user, PER_USER, now);
        if (u.isPresent()) {
            return u;
        }
        Instant seen = trusted.get(address + "|" + user);
        return wait("a:" + address, seen != null && seen.isAfter(now.minus(TRUSTED)) ? PER_ADDRESS_TRUSTED : PER_ADDRESS, now);
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        for (String k : new String[] {"u:" + user, "a:" + address}) {
            Deque<Instant> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
                while (d.size() > PER_ADDRESS_TRUSTED) {
                    d.removeFirst();
                }
            }
        }
    }

    public void succeeded(String user, String address) {
        failures.remove("u:" + user);
        Instant now = clock.instant();
        trusted.values().removeIf(t -> t.isBefore(now.minus(TRUSTED)));
        trusted.put(address + "|" + user, now);
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return Optional.empty();
        }
        synchronized (d) {
            d.removeIf(t -> t.isBefore(now.minus(WINDOW)));
            if (d.size() < limit) {
                return Optional.empty();
            }
            Instant free = d.stream().skip(d.size() - limit).findFirst().orElse(now).plus(WINDOW);
            return Optional.of(Duration.between(now, free));
        }
    }
}

package org.tongxin.domain.problem;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A failure the user should see: what kind it is, a stable code a client can branch on, and the values its message
 * names. The message itself is data ({@code problems.properties}, Chinese, and {@code problems_en.properties}), so
 * the domain says what went wrong once and the interface says it in the reader's language. The HTTP layer maps
 * {@link Kind} to a status in one place; the domain knows nothing of HTTP.
 */
public class Problem extends RuntimeException {

    /** What went wrong, as the caller can act on it. */
    public enum Kind {
        /** A value the request gave cannot be used; the message says which and why. */
        INVALID,
        /** No session, or it has ended. */
        UNAUTHENTICATED,
        /** The caller may not do this (role or scope). */
        FORBIDDEN,
        /** No such thing — also what a caller outside its scope is told. */
        NOT_FOUND,
        /** The request conflicts with the current state (a workflow step not allowed from this status). */
        CONFLICT,
        /** Understood, but refused: a query the sandbox will not run, an order not ready to issue. */
        REFUSED,
        /** More than the caller may send: a body or upload too large. */
        TOO_LARGE,
        /** Bytes that are none of the accepted types, whatever their name says. */
        UNSUPPORTED_TYPE,
        /** Too many attempts or requests at once; try again later. */
        TOO_MANY,
        /** A dependency is missing or busy. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final List<Object> args;
    private long retryAfterSeconds;

    /**
     * {@code code} names a message in the bundle ({@code lead.not-found}); {@code args} fill its {@code {0}},
     * {@code {1}} … A code the bundle lacks fails at once, so a missing translation cannot reach a user.
     */
    public Problem(Kind kind, String code, Object... args) {
        super(code);
        this.kind = Objects.requireNonNull(kind);
        this.code = Messages.require(code);
        this.args = List.of(stringify(args));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The message in the reader's language (Chinese unless English is asked for). */
    public String message(Locale locale) {
        return Messages.format(code, args, locale);
    }

    /** The Chinese message. */
    public String message() {
        return message(Messages.CHINESE);
    }

    /** The English message (never logged: it may name values the caller sent). */
    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    /** When a {@link Kind#TOO_MANY} caller may try again, in seconds (0 when not said). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static Problem tooMany(long retryAfterSeconds, String code, Object... args) {
        Problem p = new Problem(Kind.TOO_MANY, code, args);
        p.retryAfterSeconds = retryAfterSeconds;
        return p;
    }

    public static Problem invalid(String code, Object... args) {
        return new Problem(Kind.INVALID, code, args);
    }

    public static Problem forbidden(String code, Object... args) {
        return new Problem(Kind.FORBIDDEN, code, args);
    }

    public static Problem notFound(String code, Object... args) {
        return new Problem(Kind.NOT_FOUND, code, args);
    }

    public static Problem conflict(String code, Object... args) {
        return new Problem(Kind.CONFLICT, code, args);
    }

    public static Problem refused(String code, Object... args) {
        return new Problem(Kind.REFUSED, code, args);
    }

    public static Problem unavailable(String code, Object... args) {
        return new Problem(Kind.UNAVAILABLE, code, args);
    }

    private static Object[] stringify(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] instanceof Localized l ? l : String.valueOf(args[i]);
        }
        return out;
    }
}

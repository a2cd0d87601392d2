package org.tongxin.api.http;

import org.tongxin.domain.problem.Problem;

/**
 * The problems the HTTP layer raises itself. Each is a {@link Problem} with a code from the message bundle; the
 * constructors that take an English sentence remain for code not yet moved to codes and are answered with that
 * sentence in both languages (code {@code legacy}).
 */
public abstract class ApiException extends Problem {

    protected ApiException(Kind kind, String code, Object... args) {
        super(kind, code, args);
    }

    /** 400. */
    public static final class BadRequest extends ApiException {
        public BadRequest(String message) {
            super(Kind.INVALID, "legacy", message);
        }
    }

    /** 401: no session, or it has ended. */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String message) {
            super(Kind.UNAUTHENTICATED, "legacy", message);
        }
    }

    /** 403: the caller's role may not do this, or the request lacks its CSRF token. */
    public static final class Forbidden extends ApiException {
        public Forbidden(String message) {
            super(Kind.FORBIDDEN, "legacy", message);
        }
    }

    /** 429: too many attempts; {@code retryAfterSeconds} says when to try again. */
    public static final class TooManyRequests extends ApiException {
        private final long retryAfter;

        public TooManyRequests(String message, long retryAfterSeconds) {
            super(Kind.TOO_MANY, "legacy", message);
            this.retryAfter = retryAfterSeconds;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfter;
        }
    }

    /** 413: an upload larger than its kind allows. */
    public static final class TooLarge extends ApiException {
        public TooLarge(String message) {
            super(Kind.TOO_LARGE, "legacy", message);
        }
    }

    /** 415: an upload whose bytes are not one of the accepted types, whatever its name says. */
    public static final class UnsupportedType extends ApiException {
        public UnsupportedType(String message) {
            super(Kind.UNSUPPORTED_TYPE, "legacy", message);
        }
    }

    /** 404. */
    public static final class NotFound extends ApiException {
        public NotFound(String message) {
            super(Kind.NOT_FOUND, "legacy", message);
        }
    }

    /** 409. */
    public static final class Conflict extends ApiException {
        public Conflict(String message) {
            super(Kind.CONFLICT, "legacy", message);
        }
    }

    /** 422. */
    public static final class Refused extends ApiException {
        public Refused(String message) {
            super(Kind.REFUSED, "legacy", message);
        }
    }

    /** 503. */
    public static final class Unavailable extends ApiException {
        public Unavailable(String message) {
            super(Kind.UNAVAILABLE, "legacy", message);
        }
    }

    /** The status a problem of this kind is answered with. */
    public static int status(Problem.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case REFUSED -> 422;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}

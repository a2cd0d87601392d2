package org.tongxin.api.http;

/**
 * A failure the client should see as a status and a message. The subclasses are the only statuses the API
 * answers with on purpose; {@link Errors} maps them, and everything else, to a JSON body in one place.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;

    protected ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 400: a parameter or body the API cannot use; the message says which and why. */
    public static final class BadRequest extends ApiException {
        public BadRequest(String message) {
            super(400, message);
        }
    }

    /** 401: no session, or it has ended. */
    public static final class Unauthorized extends ApiException {
        public Unauthorized(String message) {
            super(401, message);
        }
    }

    /** 403: the caller's role may not do this, or the request lacks its CSRF token. */
    public static final class Forbidden extends ApiException {
        public Forbidden(String message) {
            super(403, message);
        }
    }

    /** 429: too many failed logins; {@code retryAfterSeconds} says when to try again. */
    public static final class TooManyRequests extends ApiException {
        private final long retryAfterSeconds;

        public TooManyRequests(String message, long retryAfterSeconds) {
            super(429, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** 413: an upload larger than its kind allows. */
    public static final class TooLarge extends ApiException {
        public TooLarge(String message) {
            super(413, message);
        }
    }

    /** 415: an upload whose bytes are not one of the accepted types, whatever its name says. */
    public static final class UnsupportedType extends ApiException {
        public UnsupportedType(String message) {
            super(415, message);
        }
    }

    /** 404: no such lead, node, relationship or record — also what a caller outside its scope is told. */
    public static final class NotFound extends ApiException {
        public NotFound(String message) {
            super(404, message);
        }
    }

    /** 409: the request conflicts with the current state (e.g. a workflow step not allowed from this status). */
    public static final class Conflict extends ApiException {
        public Conflict(String message) {
            super(409, message);
        }
    }

    /** 422: a query the sandbox refuses to run (a write, a file read, an admin procedure). */
    public static final class Refused extends ApiException {
        public Refused(String message) {
            super(422, message);
        }
    }

    /** 503: a dependency is missing or busy (no CJK font installed, the query timed out). */
    public static final class Unavailable extends ApiException {
        public Unavailable(String message) {
            super(503, message);
        }
    }
}

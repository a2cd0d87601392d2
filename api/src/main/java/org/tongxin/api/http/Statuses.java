package org.tongxin.api.http;

import org.tongxin.domain.problem.Problem;

/** The one mapping from a problem's kind to the HTTP status it is answered with. */
public final class Statuses {

    private Statuses() {
    }

    public static int of(Problem.Kind kind) {
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

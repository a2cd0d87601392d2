package org.tongxin.api.security;

import io.javalin.http.Context;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;

/** Who is calling: the user and their session. Set on the request by {@link Access} before any handler runs. */
public record Principal(User user, Sessions.Session session) {

    static final String ATTRIBUTE = "tongxin.principal";

    public static Principal of(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        if (p == null) {
            throw new Problem(Problem.Kind.UNAUTHENTICATED, "security.log-in-first");
        }
        return p;
    }

    public Role role() {
        return user.role();
    }

    public boolean is(Role r) {
        return user.role() == r;
    }
}

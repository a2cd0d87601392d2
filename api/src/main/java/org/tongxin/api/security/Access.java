package org.tongxin.api.security;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.api.http.Endpoint;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.user.Passwords;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;
import org.tongxin.domain.user.UserStore;

/**
 * Who may call what. Before every matched API request: find the session from its cookie (401 without one),
 * check the endpoint's declared roles (403), and for anything but GET the CSRF token in the
 * {@value Sessions#CSRF_HEADER} header (403). Also logging in and out ({@link AuthRoutes} answers them), with
 * login throttling, and the audit trail of each.
 */
public final class Access {

    /** The login body. */
    public record Login(String user, String password) {
    }

    private final UserStore users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public Access(UserStore users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
    }

    public UserStore users() {
        return users;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Writes an audit entry for the calling user. */
    public void record(Context ctx, String action, List<String> what, String why, String detail) {
        Principal p = Principal.of(ctx);
        audit.append(p.user().name(), p.role().code(), action, what, why, detail);
    }

    /** Records an entry whose detail is data, put into words when the log is read. */
    public void recordDetail(Context ctx, String action, List<String> what, String why, AuditDetail detail) {
        record(ctx, action, what, why, detail.stored());
    }

    /** The route role of endpoints anyone may call without a session (logging in). */
    public enum Open implements RouteRole {
        OPEN
    }

    /** A domain role as Javalin's route role (the domain knows nothing of Javalin). */
    public record RoleRoute(Role role) implements RouteRole {
    }

    /** The route roles to register an endpoint with: its declared roles, or {@link Open#OPEN}. */
    public static RouteRole[] routeRoles(Endpoint e) {
        return e.open() ? new RouteRole[] {Open.OPEN} : e.roles().stream().map(RoleRoute::new).toArray(RouteRole[]::new);
    }

    /**
     * Installs the check in front of every matched API endpoint, using the roles each was registered with. An
     * API endpoint registered without roles is closed to everyone.
     */
    public void guard(RoutesConfig routes) {
        routes.beforeMatched(ctx -> {
            if (!ctx.path().startsWith("/api/")) {
                return;
            }
            var roles = ctx.routeRoles();
            if (roles.contains(Open.OPEN)) {
                return;
            }
            Sessions.Session s = sessions.get(ctx.cookie(Sessions.COOKIE))
                    .orElseThrow(() -> new Problem(Problem.Kind.UNAUTHENTICATED, "security.no-session"));
            User u = users.get(s.user()).orElseThrow(() -> new Problem(Problem.Kind.UNAUTHENTICATED, "security.user-gone"));
            if (!roles.contains(new RoleRoute(u.role()))) {
                throw Problem.forbidden("security.role-forbidden", u.role().code(), u.role().zh(), ctx.method(),
                        ctx.endpoint().path);
            }
            if (!ctx.method().name().equals("GET") && !s.csrf().equals(ctx.header(Sessions.CSRF_HEADER))) {
                throw Problem.forbidden("security.csrf", Sessions.CSRF_HEADER);
            }
            ctx.attribute(Principal.ATTRIBUTE, new Principal(u, s));
        });
    }

    private static final Object[] NAME_LOCKS = new Object[64];

    static {
        for (int i = 0; i < NAME_LOCKS.length; i++) {
            NAME_LOCKS[i] = new Object();
        }
    }

    /**
     * Logs in: throttled per name and address, one attempt per name at a time, audited either way. On success the
     * session and CSRF cookies are set and the new principal answered.
     */
    Principal logIn(Context ctx, Login body) {
        if (body.user() == null || body.password() == null) {
            throw Problem.invalid("security.login-fields");
        }
        String address = ctx.ip();
        Optional<User> user;
        // One attempt per name at a time: otherwise a burst of parallel guesses would all pass the throttle before
        // the first failure is counted.
        synchronized (NAME_LOCKS[Math.floorMod(body.user().hashCode(), NAME_LOCKS.length)]) {
            Optional<Duration> wait = throttle.blocked(body.user(), address);
            if (wait.isPresent()) {
                audit.append(body.user(), null, "login.throttled", List.of(), null, AuditDetail.address(address).stored());
                throw Problem.tooMany(Math.max(1, wait.get().toSeconds()), "security.login-throttled",
                        Math.max(1, wait.get().toMinutes()));
            }
            user = users.get(body.user());
            if (!Passwords.matchesUser(body.password(), user.map(User::passwordHash).orElse(null)) || user.isEmpty()) {
                throttle.failed(body.user(), address);
                audit.append(body.user(), null, "login.failed", List.of(), null, AuditDetail.address(address).stored());
                throw new Problem(Problem.Kind.UNAUTHENTICATED, "security.login-failed");
            }
            throttle.succeeded(body.user(), address);
        }
        Sessions.Session s = sessions.open(user.get().name());
        audit.append(user.get().name(), user.get().role().code(), "login", List.of(), null, AuditDetail.address(address).stored());
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.token() + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.res().addHeader("Set-Cookie", Sessions.CSRF_COOKIE + "=" + s.csrf() + "; Path=/; SameSite=Strict");
        return new Principal(user.get(), s);
    }

    /** Ends the caller's session, audited, and clears its cookies. */
    void logOut(Context ctx) {
        Principal p = Principal.of(ctx);
        sessions.close(p.session().token());
        audit.append(p.user().name(), p.role().code(), "logout", List.of(), null, null);
        clearCookies(ctx);
    }

    private static void clearCookies(Context ctx) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.res().addHeader("Set-Cookie", Sessions.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict");
    }
}

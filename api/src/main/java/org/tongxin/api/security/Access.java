package org.tongxin.api.security;

import static org.tongxin.api.http.Endpoint.Param.body;

import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;
import org.tongxin.domain.user.UserStore;
import org.tongxin.domain.user.Passwords;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;

/**
 * Who may call what. Before every matched API request: find the session from its cookie (401 without one),
 * check the endpoint's declared roles (403), and for anything but GET the CSRF token in the
 * {@value Sessions#CSRF_HEADER} header (403). Also the login, logout and who-am-I endpoints, with login
 * throttling, and the audit trail of each.
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
                    .orElseThrow(() -> new ApiException.Unauthorized("log in first (no session, or it has ended)"));
            User u = users.get(s.user()).orElseThrow(() -> new ApiException.Unauthorized("this user no longer exists"));
            if (!roles.contains(new RoleRoute(u.role()))) {
                throw new ApiException.Forbidden("the role " + u.role().code() + " (" + u.role().zh() + ") may not use "
                        + ctx.method() + " " + ctx.endpoint().path);
            }
            if (!ctx.method().name().equals("GET") && !s.csrf().equals(ctx.header(Sessions.CSRF_HEADER))) {
                throw new ApiException.Forbidden("missing or wrong " + Sessions.CSRF_HEADER + " header");
            }
            ctx.attribute(Principal.ATTRIBUTE, new Principal(u, s));
        });
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/login", "session", "登录：成功后设置 HttpOnly、SameSite=Strict 会话 Cookie，并返回 CSRF 令牌",
                        List.of(body("{\"user\": name, \"password\": …}")), this::login).openToAll(),
                Endpoint.post("/api/logout", "session", "退出登录", List.of(), ctx -> {
                    Principal p = Principal.of(ctx);
                    sessions.close(p.session().token());
                    audit.append(p.user().name(), p.role().code(), "logout", List.of(), null, null);
                    clearCookies(ctx);
                    ctx.json(Map.of("loggedOut", true));
                }).allow(Role.values()),
                Endpoint.get("/api/me", "session", "当前用户：姓名、角色、单位、部门", List.of(),
                        ctx -> ctx.json(me(Principal.of(ctx)))).allow(Role.values()));
    }

    private static final Object[] NAME_LOCKS = new Object[64];

    static {
        for (int i = 0; i < NAME_LOCKS.length; i++) {
            NAME_LOCKS[i] = new Object();
        }
    }

    private void login(Context ctx) {
        Login body = Bodies.read(ctx, Login.class, "{\"user\": \"…\", \"password\": \"…\"}");
        if (body.user() == null || body.password() == null) {
            throw new ApiException.BadRequest("'user' and 'password' are required");
        }
        String address = ctx.ip();
        Optional<User> user;
        // One attempt per name at a time: otherwise a burst of parallel guesses would all pass the throttle before
        // the first failure is counted.
        synchronized (NAME_LOCKS[Math.floorMod(body.user().hashCode(), NAME_LOCKS.length)]) {
            Optional<Duration> wait = throttle.blocked(body.user(), address);
            if (wait.isPresent()) {
                audit.append(body.user(), null, "login.throttled", List.of(), null, "from " + address);
                throw new ApiException.TooManyRequests("too many failed logins; try again in "
                        + Math.max(1, wait.get().toMinutes()) + " min", Math.max(1, wait.get().toSeconds()));
            }
            user = users.get(body.user());
            if (!Passwords.matchesUser(body.password(), user.map(User::passwordHash).orElse(null)) || user.isEmpty()) {
                throttle.failed(body.user(), address);
                audit.append(body.user(), null, "login.failed", List.of(), null, "from " + address);
                throw new ApiException.Unauthorized("wrong user name or password");
            }
            throttle.succeeded(body.user(), address);
        }
        Sessions.Session s = sessions.open(user.get().name());
        audit.append(user.get().name(), user.get().role().code(), "login", List.of(), null, "from " + address);
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.token() + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.res().addHeader("Set-Cookie", Sessions.CSRF_COOKIE + "=" + s.csrf() + "; Path=/; SameSite=Strict");
        Map<String, Object> out = me(new Principal(user.get(), s));
        out.put("csrf", s.csrf());
        ctx.json(out);
    }

    private static Map<String, Object> me(Principal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", p.user().name());
        m.put("role", p.role().code());
        m.put("roleZh", p.role().zh());
        m.put("unit", p.user().unit());
        m.put("department", p.user().department());
        return m;
    }

    private static void clearCookies(Context ctx) {
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.res().addHeader("Set-Cookie", Sessions.CSRF_COOKIE + "=; Path=/; Max-Age=0; SameSite=Strict");
    }
}

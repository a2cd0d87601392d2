package org.tongxin.api.security;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import io.javalin.http.Context;
import java.util.List;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.user.Role;

/** The session's endpoints: logging in and out, who am I, and the minors assigned to me. */
public final class AuthRoutes {

    /** The current user: name, role (code and Chinese), unit, department. */
    public record Me(String user, String role, String roleZh, String unit, String department) {
        static Me of(Principal p) {
            return new Me(p.user().name(), p.role().code(), p.role().zh(), p.user().unit(), p.user().department());
        }
    }

    /** The answer to a login: the user as {@link Me}, and the session's CSRF token for the requests that change state. */
    public record LoggedIn(String user, String role, String roleZh, String unit, String department, String csrf) {
    }

    /** The answer to a logout. */
    public record LoggedOut(boolean loggedOut) {
    }

    /** The minors assigned to the calling social worker or psychologist. */
    public record Minors(List<GraphQueries.AssignedMinor> minors) {
    }

    private final Access access;
    private final GraphQueries graph;

    public AuthRoutes(Access access, GraphQueries graph) {
        this.access = access;
        this.graph = graph;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/login", "session", "登录：成功后设置 HttpOnly、SameSite=Strict 会话 Cookie，并返回 CSRF 令牌",
                        List.of(body("{\"user\": name, \"password\": …}")), this::login)
                        .accepts(Access.Login.class).returns(LoggedIn.class).openToAll(),
                Endpoint.post("/api/logout", "session", "退出登录", List.of(), this::logout)
                        .returns(LoggedOut.class).allow(Role.values()),
                Endpoint.get("/api/me", "session", "当前用户：姓名、角色、单位、部门", List.of(), this::me)
                        .returns(Me.class).allow(Role.values()),
                Endpoint.get("/api/me/minors", "audit", "指派给我的未成年人", List.of(), this::minors)
                        .returns(Minors.class).allow(SOCIAL_WORKER, PSYCHOLOGIST));
    }

    private void login(Context ctx) {
        Access.Login body = Bodies.read(ctx, Access.Login.class, "{\"user\": \"…\", \"password\": \"…\"}");
        Principal p = access.logIn(ctx, body);
        Me me = Me.of(p);
        ctx.json(new LoggedIn(me.user(), me.role(), me.roleZh(), me.unit(), me.department(), p.session().csrf()));
    }

    private void logout(Context ctx) {
        access.logOut(ctx);
        ctx.json(new LoggedOut(true));
    }

    private void me(Context ctx) {
        ctx.json(Me.of(Principal.of(ctx)));
    }

    private void minors(Context ctx) {
        var minors = graph.persons(Principal.of(ctx).user().assignedMinors());
        access.record(ctx, "minors.list", minors.stream().map(GraphQueries.AssignedMinor::node).toList(), null, null);
        ctx.json(new Minors(minors));
    }
}

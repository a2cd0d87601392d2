package org.tongxin.api.security;

import static org.tongxin.domain.user.Role.GUARDIAN;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tongxin.api.http.Endpoint;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.api.http.Params;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;

/**
 * The user names a prosecutor picks from: the social workers and psychologists a minor may be assigned to, the
 * guardians an order may be sent to. Names only (no unit, no assignments); every listing is audited.
 */
public final class UserRoutes {

    /** The users of one role: the role's code and Chinese name, and the user names, sorted. */
    public record Users(String role, String roleZh, List<String> names) {
    }

    private static final Set<String> LISTED = Stream.of(SOCIAL_WORKER, PSYCHOLOGIST, GUARDIAN).map(Role::code)
            .collect(Collectors.toSet());

    private final Access access;

    public UserRoutes(Access access) {
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/users", "audit", "可指派的司法社工、心理咨询师或监护人账号（只列用户名，记入审计）",
                        List.of(new Endpoint.Param("role", "query", "string", true, "social_worker | psychologist | guardian")),
                        this::list)
                .returns(Users.class).allow(PROSECUTOR));
    }

    private void list(Context ctx) {
        Params.required(ctx, "role");
        Role role = Role.of(Params.oneOf(ctx, "role", LISTED).orElseThrow()).orElseThrow();
        List<String> names = access.users().all().stream().filter(u -> u.role() == role).map(User::name).sorted().toList();
        access.recordDetail(ctx, "users.list", List.of(), null, AuditDetail.of("role", role.code()));
        ctx.json(new Users(role.code(), role.zh(), names));
    }
}

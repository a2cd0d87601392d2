package org.tongxin.api.graph;

import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import org.tongxin.api.config.ApiOptions;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.graph.Profiles;

/** The precise-assistance profile of a minor, by person node. */
public final class ProfileRoutes {

    private final Profiles profiles;
    private final Function<String, Object> educationOf;
    private final Access access;
    private final ApiOptions options;

    /** {@code educationOf}: a person's education plan by identity number (the education service's answer). */
    public ProfileRoutes(Profiles profiles, Function<String, Object> educationOf, Access access, ApiOptions options) {
        this.profiles = profiles;
        this.educationOf = educationOf;
        this.access = access;
        this.options = options;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/profiles/{id}", "profiles", "未成年人精准帮教画像（按人员节点）",
                        List.of(path("id", "person node element id"), query("asOf", "string", "yyyy-MM-dd")), this::profile)
                .returns(Profiles.ProfileView.class).allow(PROSECUTOR, SOCIAL_WORKER, PSYCHOLOGIST));
    }

    /** Social workers and psychologists see only the minors assigned to them; others answer 404, as if absent. */
    private void profile(Context ctx) {
        Profiles.Found found = profiles.find(ctx.pathParam("id"), Params.date(ctx, "asOf").orElse(options.today()),
                Principal.of(ctx).user());
        Object education = educationOf.apply(found.personId());
        access.record(ctx, "profile.read", List.of(ctx.pathParam("id")), null, null);
        ctx.json(profiles.view(found, education));
    }
}

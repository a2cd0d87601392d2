package org.tongxin.api.view;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.domain.user.Role.ANALYST;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.util.List;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.view.SavedViews;

/** The explorer's saved views: each user's own, saved, listed, opened (nodes read again), renamed, deleted. */
public final class ViewRoutes {

    private static final String EXAMPLE = "{\"name\": \"某网吧夜间上网人员\", \"note\": \"…\", "
            + "\"nodes\": [{\"id\": \"4:…:12\", \"x\": 10.5, \"y\": -3}]}";

    private final SavedViews views;
    private final Access access;

    public ViewRoutes(SavedViews views, Access access) {
        this.views = views;
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/views", "views", "我的视图：本人保存的图谱视图（不含节点数据）", List.of(), this::list)
                        .returns(SavedViews.ViewList.class).allow(PROSECUTOR, ANALYST),
                Endpoint.post("/api/views", "views", "保存视图：名称、备注、节点编号及其位置（不保存节点数据）",
                        List.of(body("name, note, nodes [{id, x, y}]")), this::save)
                        .accepts(SavedViews.ViewBody.class).returns(SavedViews.ViewSummary.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/views/{id}", "views", "打开视图：按当前用户的权限与脱敏重新读取节点，不可见的节点略去并计数",
                        List.of(path("id", "view id")), this::open)
                        .returns(SavedViews.OpenedView.class).allow(PROSECUTOR, ANALYST),
                Endpoint.post("/api/views/{id}/rename", "views", "重命名视图（可同时修改备注）",
                        List.of(path("id", "view id"), body("name, note")), this::rename)
                        .accepts(SavedViews.RenameBody.class).returns(SavedViews.ViewSummary.class).allow(PROSECUTOR, ANALYST),
                Endpoint.post("/api/views/{id}/delete", "views", "删除视图", List.of(path("id", "view id")), this::delete)
                        .returns(SavedViews.Deleted.class).allow(PROSECUTOR, ANALYST));
    }

    private void list(Context ctx) {
        var list = views.list(owner(ctx));
        access.record(ctx, "view.list", list.views().stream().map(SavedViews.ViewSummary::id).toList(), null, null);
        ctx.json(list);
    }

    private void save(Context ctx) {
        var saved = views.save(owner(ctx), Bodies.read(ctx, SavedViews.ViewBody.class, EXAMPLE));
        access.recordDetail(ctx, "view.save", List.of(saved.id()), null, AuditDetail.of("nodes", saved.nodes()));
        ctx.json(saved);
    }

    /** Reading a view reads personal data again: audited with the nodes shown, like a node read. */
    private void open(Context ctx) {
        var v = views.open(owner(ctx), ctx.pathParam("id"));
        access.record(ctx, "view.open", v.nodes().stream().map(n -> n.node().id()).toList(), null,
                "view " + v.id() + (v.omitted() > 0 ? ", " + v.omitted() + " left out" : ""));
        ctx.json(v);
    }

    private void rename(Context ctx) {
        var r = views.rename(owner(ctx), ctx.pathParam("id"),
                Bodies.read(ctx, SavedViews.RenameBody.class, "{\"name\": \"…\", \"note\": \"…\"}"));
        access.record(ctx, "view.rename", List.of(r.id()), null, null);
        ctx.json(r);
    }

    private void delete(Context ctx) {
        var d = views.delete(owner(ctx), ctx.pathParam("id"));
        access.record(ctx, "view.delete", List.of(d.id()), null, null);
        ctx.json(d);
    }

    private static String owner(Context ctx) {
        return Principal.of(ctx).user().name();
    }
}

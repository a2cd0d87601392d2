package org.tongxin.api.board;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.DEPARTMENT;
import static org.tongxin.domain.user.Role.GUARDIAN;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.domain.graph.Masking;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.user.User;

/**
 * The message board: a user sees and writes only in threads they are in; a thread about an order or a minor is
 * opened only by and with the people that case concerns ({@link ThreadScope}).
 */
public final class BoardRoutes {

    /** A new thread. */
    public record Open(String subject, String about, List<String> participants) {
    }

    /** A message. */
    public record Post(String text) {
    }

    private BoardRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        Board board = s.board();
        return List.of(
                Endpoint.get("/api/threads", "board", "我参与的留言（可按关联的令状或未成年人筛选）",
                        List.of(query("about", "string", "order:<id> or minor:<node id>")), ctx -> {
                            Principal me = Principal.of(ctx);
                            var threads = board.of(me.user().name(), Params.text(ctx, "about").orElse(null));
                            ctx.json(Map.of("threads", threads.stream().map(t -> summary(t)).toList()));
                        }).allow(PROSECUTOR, GUARDIAN, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.post("/api/threads", "board", "开设留言（参与者为已有账号；关于令状的留言限检察官与该令状的监护人，关于未成年人的留言限检察官与指派的社工、心理咨询师）",
                        List.of(body("{\"subject\", \"about\": \"order:…|minor:…\", \"participants\": [user names]}")), ctx -> {
                            Open o = Bodies.read(ctx, Open.class, "{\"subject\": \"…\", \"participants\": [\"…\"]}");
                            List<String> people = o.participants() == null ? List.of() : o.participants();
                            List<User> users = new ArrayList<>();
                            for (String p : people) {
                                users.add(s.access().users().get(p == null ? "" : p.strip())
                                        .orElseThrow(() -> new ApiException.BadRequest("no user " + p)));
                            }
                            ThreadScope.check(s, Principal.of(ctx).user(), o.about(), users);
                            Board.Thread t = board.open(Principal.of(ctx).user().name(), o.subject(), o.about(), people);
                            s.access().record(ctx, "thread.open", List.of(t.id()), null, String.join(",", t.participants()));
                            ctx.status(201).json(full(t));
                        }).allow(PROSECUTOR, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.get("/api/threads/{id}", "board", "留言内容（仅参与者可见）", List.of(path("id", "thread id")), ctx -> {
                    Board.Thread t = board.visible(ctx.pathParam("id"), Principal.of(ctx).user().name())
                            .orElseThrow(() -> new ApiException.NotFound("no thread " + ctx.pathParam("id")));
                    s.access().record(ctx, "thread.read", List.of(t.id()), null, null);
                    ctx.json(full(t));
                }).allow(PROSECUTOR, GUARDIAN, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.post("/api/threads/{id}/messages", "board", "回复留言", List.of(path("id", "thread id"), body("{\"text\": \"…\"}")), ctx -> {
                    Post p = Bodies.read(ctx, Post.class, "{\"text\": \"…\"}");
                    Principal me = Principal.of(ctx);
                    Board.Thread t = board.post(ctx.pathParam("id"), me.user().name(), me.role().code(), p.text());
                    s.access().record(ctx, "thread.post", List.of(t.id()), null, null);
                    ctx.status(201).json(full(t));
                }).allow(PROSECUTOR, GUARDIAN, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST));
    }

    private static Map<String, Object> summary(Board.Thread t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("subject", t.subject());
        m.put("about", t.about());
        m.put("participants", t.participants().stream().sorted().toList());
        m.put("by", t.by());
        m.put("at", t.at());
        m.put("messages", t.messages().size());
        m.put("lastAt", t.messages().isEmpty() ? t.at() : t.messages().get(t.messages().size() - 1).at());
        return m;
    }

    private static Object full(Board.Thread t) {
        Map<String, Object> m = summary(t);
        m.put("messages", t.messages().stream().map(x -> Map.of("by", x.by(), "role", x.role(), "at", x.at(),
                "text", Masking.text(x.text()))).toList());
        return m;
    }
}

package org.tongxin.api.board;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.DEPARTMENT;
import static org.tongxin.domain.user.Role.GUARDIAN;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.domain.graph.Masking;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.user.User;
import org.tongxin.domain.board.Board;
import org.tongxin.domain.board.ThreadScope;
import org.tongxin.domain.problem.Problem;

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

    /** The threads a user is in. */
    public record Threads(List<Board.Summary> threads) {
    }

    private final Board board;
    private final ThreadScope scope;
    private final Access access;

    public BoardRoutes(Board board, ThreadScope scope, Access access) {
        this.board = board;
        this.scope = scope;
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/threads", "board", "我参与的留言（可按关联的令状或未成年人筛选）",
                        List.of(query("about", "string", "order:<id> or minor:<node id>")), this::list)
                        .returns(Threads.class).allow(PROSECUTOR, GUARDIAN, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.post("/api/threads", "board", "开设留言（参与者为已有账号；关于令状的留言限检察官与该令状的监护人，关于未成年人的留言限检察官与指派的社工、心理咨询师）",
                        List.of(body("{\"subject\", \"about\": \"order:…|minor:…\", \"participants\": [user names]}")), this::open)
                        .accepts(Open.class).returns(Board.View.class).allow(PROSECUTOR, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.get("/api/threads/{id}", "board", "留言内容（仅参与者可见）", List.of(path("id", "thread id")), this::read)
                        .returns(Board.View.class).allow(PROSECUTOR, GUARDIAN, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.post("/api/threads/{id}/messages", "board", "回复留言", List.of(path("id", "thread id"), body("{\"text\": \"…\"}")), this::post)
                        .accepts(Post.class).returns(Board.View.class).allow(PROSECUTOR, GUARDIAN, DEPARTMENT, SOCIAL_WORKER, PSYCHOLOGIST));
    }

    private void list(Context ctx) {
        Principal me = Principal.of(ctx);
        List<Board.Thread> threads = board.of(me.user().name(), Params.text(ctx, "about").orElse(null));
        ctx.json(new Threads(threads.stream().map(Board.Summary::of).toList()));
    }

    private void open(Context ctx) {
        Open o = Bodies.read(ctx, Open.class, "{\"subject\": \"…\", \"participants\": [\"…\"]}");
        List<String> people = o.participants() == null ? List.of() : o.participants();
        List<User> users = new ArrayList<>();
        for (String p : people) {
            users.add(access.users().get(p == null ? "" : p.strip()).orElseThrow(() -> Problem.invalid("board.no-user", p)));
        }
        scope.check(Principal.of(ctx).user(), o.about(), users);
        Board.Thread t = board.open(Principal.of(ctx).user().name(), o.subject(), o.about(), people);
        access.record(ctx, "thread.open", List.of(t.id()), null, String.join(",", t.participants()));
        ctx.status(201).json(Board.View.of(t));
    }

    private void read(Context ctx) {
        Board.Thread t = board.visible(ctx.pathParam("id"), Principal.of(ctx).user().name())
                .orElseThrow(() -> Problem.notFound("board.thread-not-found", ctx.pathParam("id")));
        access.record(ctx, "thread.read", List.of(t.id()), null, null);
        ctx.json(Board.View.of(t));
    }

    private void post(Context ctx) {
        Post p = Bodies.read(ctx, Post.class, "{\"text\": \"…\"}");
        Principal me = Principal.of(ctx);
        Board.Thread t = board.post(ctx.pathParam("id"), me.user().name(), me.role().code(), p.text());
        access.record(ctx, "thread.post", List.of(t.id()), null, null);
        ctx.status(201).json(Board.View.of(t));
    }
}

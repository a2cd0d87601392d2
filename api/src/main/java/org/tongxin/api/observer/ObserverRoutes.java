package org.tongxin.api.observer;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.VOLUNTEER;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Principal;

/** The observer platform: volunteers upload and submit; prosecutors acknowledge, refer, propose and close. */
public final class ObserverRoutes {

    /** A prosecutor's step on a submission. */
    public record Move(String to, String note, String department) {
    }

    /** A proposal for a recurring cluster. */
    public record Proposal(String place, String category, String kind, String note) {
    }

    /** Text to classify. */
    public record Text(String description) {
    }

    private ObserverRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        Submissions subs = s.submissions();
        return List.of(
                Endpoint.post("/api/media", "observer", "上传一张照片（JPEG/PNG ≤ 10 MB）或一段视频（MP4 ≤ 50 MB）；按字节判断类型，照片重新编码去除 EXIF",
                        List.of(body("the file's bytes as the request body")), ctx -> {
                            Principal me = Principal.of(ctx);
                            MediaStore.Media m = subs.media().accept(me.user().name(), ctx.bodyInputStream());
                            s.access().record(ctx, "media.upload", List.of(m.id()), null, m.type() + " " + m.bytes());
                            ctx.status(201).json(m);
                        }).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.get("/api/media/{id}", "observer", "取回上传的照片或视频（视频支持 Range 请求）",
                        List.of(path("id", "SHA-256 of the file")), ctx -> {
                            Principal me = Principal.of(ctx);
                            String id = ctx.pathParam("id");
                            MediaStore.Media m = subs.media().get(id)
                                    .filter(x -> !me.is(VOLUNTEER) || subs.media().uploadedBy(x.id(), me.user().name()))
                                    .orElseThrow(() -> new ApiException.NotFound("no file " + id));
                            s.access().record(ctx, "media.read", List.of(id), null, null);
                            serve(ctx, subs.media(), m);
                        }).allow(VOLUNTEER, PROSECUTOR).producing("application/octet-stream"),
                Endpoint.post("/api/observer/classify", "observer", "根据描述建议问题类别（朴素贝叶斯，基于内置标注样例）",
                        List.of(body("{\"description\": \"…\"}")), ctx -> {
                            Text t = Bodies.read(ctx, Text.class, "{\"description\": \"…\"}");
                            Classifier.Suggestion g = subs.classifier().suggest(t.description());
                            ctx.json(Map.of("category", g.category().code(), "zh", g.category().zh(), "score", g.score()));
                        }).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.get("/api/observer/places", "observer", "可选地点：场所与学校（名称、编码、坐标）",
                        List.of(query("q", "string", "part of the name")), ctx -> ctx.json(Map.of("places",
                                subs.places(Params.text(ctx, "q").orElse("")).stream().limit(200).map(p -> Map.of(
                                        "place", p.key(), "name", p.name(), "kind", p.kind(), "sort", p.sort(),
                                        "lat", p.lat() == null ? "" : p.lat(), "lon", p.lon() == null ? "" : p.lon())).toList())))
                        .allow(VOLUNTEER, PROSECUTOR),
                Endpoint.post("/api/submissions", "observer", "志愿者提交问题线索",
                        List.of(body("{category, description, place | lat+lon, at, media: [ids]}")), ctx -> {
                            Submissions.Submit sub = Bodies.read(ctx, Submissions.Submit.class,
                                    "{\"category\": \"netbar\", \"description\": \"…\", \"place\": \"venue:…\", \"media\": []}");
                            Map<String, Object> out = subs.submit(Principal.of(ctx).user().name(), sub);
                            s.access().record(ctx, "submission.create", List.of((String) out.get("id")), null, (String) out.get("category"));
                            ctx.status(201).json(out);
                        }).allow(VOLUNTEER),
                Endpoint.get("/api/submissions", "observer", "问题线索列表（志愿者只见自己的；检察官可按状态、超期筛选）",
                        List.of(query("status", "string", "only this status"), query("overdue", "boolean", "only overdue ones")), ctx -> {
                            Principal me = Principal.of(ctx);
                            String status = Params.text(ctx, "status").orElse(null);
                            boolean overdue = Params.text(ctx, "overdue").map(Boolean::parseBoolean).orElse(false);
                            var items = subs.list(me.is(VOLUNTEER) ? me.user().name() : null, status, overdue);
                            if (me.is(PROSECUTOR)) {
                                s.access().record(ctx, "submission.list", List.of(), null, items.size() + " items");
                            }
                            Map<String, Object> out = new LinkedHashMap<>();
                            out.put("total", items.size());
                            out.put("ackOverdue", items.stream().filter(i -> (boolean) i.get("ackOverdue")).count());
                            out.put("resultOverdue", items.stream().filter(i -> (boolean) i.get("resultOverdue")).count());
                            out.put("items", items);
                            ctx.json(out);
                        }).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.get("/api/submissions/{id}", "observer", "一条问题线索：地点、照片、办理过程、期限",
                        List.of(path("id", "submission id")), ctx -> {
                            String id = ctx.pathParam("id");
                            ownOrProsecutor(ctx, subs, id);
                            s.access().record(ctx, "submission.read", List.of(id), null, null);
                            ctx.json(subs.detail(id));
                        }).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.post("/api/submissions/{id}/status", "observer", "受理、移送主管部门、不予处理、办结（附回复）",
                        List.of(path("id", "submission id"), body("{\"to\": \"acknowledged|referred|dismissed|closed\", \"note\", \"department\"}")), ctx -> {
                            Move m = Bodies.read(ctx, Move.class, "{\"to\": \"acknowledged\"}");
                            String id = ctx.pathParam("id");
                            Map<String, Object> out = subs.move(id, m.to(), Principal.of(ctx).user().name(), m.note(), m.department());
                            s.access().record(ctx, "submission.step", List.of(id), null, m.to());
                            ctx.json(out);
                        }).allow(PROSECUTOR),
                Endpoint.get("/api/observer/clusters", "observer", "近 90 天按地点×类别聚合；≥3 条且来自 ≥2 名志愿者为反复发生",
                        List.of(), ctx -> ctx.json(Map.of("clusters", subs.clusters()))).allow(PROSECUTOR),
                Endpoint.post("/api/observer/clusters/propose", "observer", "将反复发生的问题提为检察建议或专项监督",
                        List.of(body("{\"place\", \"category\", \"kind\": \"recommendation|campaign\", \"note\"}")), ctx -> {
                            Proposal p = Bodies.read(ctx, Proposal.class, "{\"place\": \"venue:…\", \"category\": \"netbar\", \"kind\": \"recommendation\"}");
                            Map<String, Object> out = subs.propose(p.place(), p.category(), p.kind(), Principal.of(ctx).user().name(), p.note());
                            s.access().record(ctx, "submission.propose", List.of(String.valueOf(p.place())), null, p.kind());
                            ctx.json(out);
                        }).allow(PROSECUTOR));
    }

    private static void ownOrProsecutor(Context ctx, Submissions subs, String id) {
        Principal me = Principal.of(ctx);
        if (me.is(VOLUNTEER) && !subs.submitter(id).equals(me.user().name())) {
            throw new ApiException.NotFound("no submission " + id);
        }
    }

    /** Sends a stored file; videos honour Range requests so a player can seek. */
    public static void serve(Context ctx, MediaStore store, MediaStore.Media m) {
        try {
            var file = store.file(m);
            if (m.video()) {
                ctx.writeSeekableStream(Files.newInputStream(file), m.type(), Files.size(file));
            } else {
                ctx.contentType(m.type()).result(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

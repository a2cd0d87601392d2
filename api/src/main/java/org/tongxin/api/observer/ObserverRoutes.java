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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.observer.Classifier;
import org.tongxin.domain.observer.MediaStore;
import org.tongxin.domain.observer.SubmissionStatus;
import org.tongxin.domain.observer.Submissions;
import org.tongxin.domain.problem.Problem;

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

    /** A suggested category: its code, its Chinese name and its likelihood (0–1). */
    public record Suggested(String category, String zh, double score) {
    }

    /** A place a volunteer can pick (coordinates "" when the place has none). */
    public record PlaceChoice(String place, String name, String kind, String sort,
                              Double lat, Double lon) {
    }

    /** The places to pick from. */
    public record Places(List<PlaceChoice> places) {
    }

    /** Submissions with how many of them are overdue for acknowledgement and for a result. */
    public record SubmissionList(int total, long ackOverdue, long resultOverdue, List<Submissions.View> items) {
    }

    /** The clusters of the last 90 days. */
    public record Clusters(List<Submissions.Cluster> clusters) {
    }

    /** The statuses a prosecutor may list reports by, in the order of their life. */
    private static final Set<String> STATUSES = Arrays.stream(SubmissionStatus.values()).map(SubmissionStatus::code)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private final Submissions subs;
    private final MediaStore media;
    private final Classifier classifier;
    private final Access access;

    public ObserverRoutes(Submissions subs, MediaStore media, Classifier classifier, Access access) {
        this.subs = subs;
        this.media = media;
        this.classifier = classifier;
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/api/media", "observer", "上传一张照片（JPEG/PNG ≤ 10 MB）或一段视频（MP4 ≤ 50 MB）；按字节判断类型，照片重新编码去除 EXIF",
                        List.of(body("the file's bytes as the request body")), this::upload)
                        .returns(MediaStore.Media.class).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.get("/api/media/{id}", "observer", "取回上传的照片或视频（视频支持 Range 请求）",
                        List.of(path("id", "SHA-256 of the file")), this::file)
                        .allow(VOLUNTEER, PROSECUTOR).producing("application/octet-stream"),
                Endpoint.post("/api/observer/classify", "observer", "根据描述建议问题类别（朴素贝叶斯，基于内置标注样例）",
                        List.of(body("{\"description\": \"…\"}")), this::classify)
                        .accepts(Text.class).returns(Suggested.class).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.get("/api/observer/places", "observer", "可选地点：场所与学校（名称、编码、坐标）",
                        List.of(query("q", "string", "part of the name")), this::places)
                        .returns(Places.class).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.post("/api/submissions", "observer", "志愿者提交问题线索",
                        List.of(body("{category, description, place | lat+lon, at, media: [ids]}")), this::submit)
                        .accepts(Submissions.Submit.class).returns(Submissions.View.class).allow(VOLUNTEER),
                Endpoint.get("/api/submissions", "observer", "问题线索列表（志愿者只见自己的；检察官可按状态、超期筛选）",
                        List.of(query("status", "string", "only this status: " + String.join(", ", STATUSES)), query("overdue", "boolean", "only overdue ones")), this::list)
                        .returns(SubmissionList.class).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.get("/api/submissions/{id}", "observer", "一条问题线索：地点、照片、办理过程、期限",
                        List.of(path("id", "submission id")), this::detail)
                        .returns(Submissions.View.class).allow(VOLUNTEER, PROSECUTOR),
                Endpoint.post("/api/submissions/{id}/status", "observer", "受理、移送主管部门、不予处理、办结（附回复）",
                        List.of(path("id", "submission id"), body("{\"to\": \"acknowledged|referred|dismissed|closed\", \"note\", \"department\"}")), this::move)
                        .accepts(Move.class).returns(Submissions.View.class).allow(PROSECUTOR),
                Endpoint.get("/api/observer/clusters", "observer", "近 90 天按地点×类别聚合；≥3 条且来自 ≥2 名志愿者为反复发生",
                        List.of(), this::clusters).returns(Clusters.class).allow(PROSECUTOR),
                Endpoint.post("/api/observer/clusters/propose", "observer", "将反复发生的问题提为检察建议或专项监督",
                        List.of(body("{\"place\", \"category\", \"kind\": \"recommendation|campaign\", \"note\"}")), this::propose)
                        .accepts(Proposal.class).returns(Submissions.Proposed.class).allow(PROSECUTOR));
    }

    private void upload(Context ctx) {
        Principal me = Principal.of(ctx);
        MediaStore.Media m = media.accept(me.user().name(), ctx.bodyInputStream());
        access.record(ctx, "media.upload", List.of(m.id()), null, m.type() + " " + m.bytes());
        ctx.status(201).json(m);
    }

    private void file(Context ctx) {
        Principal me = Principal.of(ctx);
        String id = ctx.pathParam("id");
        MediaStore.Media m = media.get(id)
                .filter(x -> !me.is(VOLUNTEER) || media.uploadedBy(x.id(), me.user().name()))
                .orElseThrow(() -> Problem.notFound("observer.media-not-found", id));
        access.record(ctx, "media.read", List.of(id), null, null);
        serve(ctx, media, m);
    }

    private void classify(Context ctx) {
        Text t = Bodies.read(ctx, Text.class, "{\"description\": \"…\"}");
        Classifier.Suggestion g = classifier.suggest(t.description());
        ctx.json(new Suggested(g.category().code(), g.category().zh(), g.score()));
    }

    private void places(Context ctx) {
        ctx.json(new Places(subs.places(Params.text(ctx, "q").orElse("")).stream().limit(200)
                .map(p -> new PlaceChoice(p.key(), p.name(), p.kind(), p.sort(), p.lat(), p.lon())).toList()));
    }

    private void submit(Context ctx) {
        Submissions.Submit sub = Bodies.read(ctx, Submissions.Submit.class,
                "{\"category\": \"netbar\", \"description\": \"…\", \"place\": \"venue:…\", \"media\": []}");
        Submissions.View out = subs.submit(Principal.of(ctx).user().name(), sub);
        access.record(ctx, "submission.create", List.of(out.id()), null, out.category());
        ctx.status(201).json(out);
    }

    private void list(Context ctx) {
        Principal me = Principal.of(ctx);
        SubmissionStatus status = Params.oneOf(ctx, "status", STATUSES).flatMap(SubmissionStatus::of).orElse(null);
        boolean overdue = Params.text(ctx, "overdue").map(Boolean::parseBoolean).orElse(false);
        List<Submissions.View> items = subs.list(me.is(VOLUNTEER) ? me.user().name() : null, status, overdue);
        if (me.is(PROSECUTOR)) {
            access.recordDetail(ctx, "submission.list", List.of(), null, AuditDetail.count(items.size()));
        }
        ctx.json(new SubmissionList(items.size(), items.stream().filter(Submissions.View::ackOverdue).count(),
                items.stream().filter(Submissions.View::resultOverdue).count(), items));
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        ownOrProsecutor(ctx, id);
        access.record(ctx, "submission.read", List.of(id), null, null);
        ctx.json(subs.detail(id));
    }

    private void move(Context ctx) {
        Move m = Bodies.read(ctx, Move.class, "{\"to\": \"acknowledged\"}");
        String id = ctx.pathParam("id");
        Submissions.View out = subs.move(id, m.to(), Principal.of(ctx).user().name(), m.note(), m.department());
        access.recordDetail(ctx, "submission.step", List.of(id), null, AuditDetail.status("submission", m.to()));
        ctx.json(out);
    }

    private void clusters(Context ctx) {
        ctx.json(new Clusters(subs.clusters()));
    }

    private void propose(Context ctx) {
        Proposal p = Bodies.read(ctx, Proposal.class, "{\"place\": \"venue:…\", \"category\": \"netbar\", \"kind\": \"recommendation\"}");
        Submissions.Proposed out = subs.propose(p.place(), p.category(), p.kind(), Principal.of(ctx).user().name(), p.note());
        access.record(ctx, "submission.propose", List.of(String.valueOf(p.place())), null, p.kind());
        ctx.json(out);
    }

    private void ownOrProsecutor(Context ctx, String id) {
        Principal me = Principal.of(ctx);
        if (me.is(VOLUNTEER) && !subs.submitter(id).equals(me.user().name())) {
            throw Problem.notFound("observer.submission-not-found", id);
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

package org.tongxin.api.education;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.domain.user.Role.DEPARTMENT;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.tongxin.api.ApiServices;
import org.tongxin.api.http.ApiException;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.observer.MediaStore;
import org.tongxin.api.observer.ObserverRoutes;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.user.Role;

/** The education base: catalogue and videos for everyone, bookings by schools, scheduling by prosecutors, plans. */
public final class EducationRoutes {

    /** Attach an uploaded video. */
    public record Video(String media) {
    }

    /** Schedule a booking. */
    public record Schedule(String prosecutor, String at) {
    }

    /** A booking's outcome. */
    public record Move(String to, String note) {
    }

    /** Assign a course to a minor, or record attendance. */
    public record PlanEntry(String person, String course, String date, Boolean attended, String note) {
    }

    private EducationRoutes() {
    }

    public static List<Endpoint> endpoints(ApiServices s) {
        Education edu = s.education();
        return List.of(
                Endpoint.get("/api/education/courses", "education", "法治课程目录（主题、形式、时长、是否有录播视频）", List.of(),
                        ctx -> ctx.json(Map.of("courses", edu.courses(), "topics", Education.TOPICS.stream().sorted().toList(),
                                "forms", Education.FORMS))).allow(Role.values()),
                Endpoint.post("/api/education/courses", "education", "新增课程", List.of(body("{title, topic, form, minutes, description}")), ctx -> {
                    Education.Course c = Bodies.read(ctx, Education.Course.class, "{\"title\": \"…\", \"topic\": \"禁毒\", \"form\": \"onsite\", \"minutes\": 40}");
                    ctx.status(201).json(edu.addCourse(c));
                }).allow(PROSECUTOR),
                Endpoint.post("/api/education/courses/{id}/video", "education", "为录播课程挂接已上传的 MP4 视频",
                        List.of(path("id", "course id"), body("{\"media\": uploaded file id}")), ctx -> {
                            Video v = Bodies.read(ctx, Video.class, "{\"media\": \"…\"}");
                            MediaStore.Media m = s.submissions().media().get(v.media() == null ? "" : v.media())
                                    .filter(MediaStore.Media::video)
                                    .orElseThrow(() -> new ApiException.BadRequest("'media' is the id of an uploaded MP4 video"));
                            ctx.json(edu.attachVideo(ctx.pathParam("id"), m.id()));
                        }).allow(PROSECUTOR),
                Endpoint.get("/api/education/courses/{id}/video", "education", "课程录播视频（支持 Range 请求，可拖动播放）",
                        List.of(path("id", "course id")), ctx -> {
                            Object media = edu.course(ctx.pathParam("id")).get("video");
                            MediaStore.Media m = s.submissions().media().get(media == null ? "" : media.toString())
                                    .orElseThrow(() -> new ApiException.NotFound("course " + ctx.pathParam("id") + " has no video"));
                            ObserverRoutes.serve(ctx, s.submissions().media(), m);
                        }).allow(Role.values()).producing("video/mp4"),
                Endpoint.post("/api/education/bookings", "education", "学校预约法治课（日期、对象、人数）",
                        List.of(body("{course, date, audience, size, school (prosecutors only)}")), ctx -> {
                            Principal me = Principal.of(ctx);
                            if (me.is(DEPARTMENT) && !"education".equals(me.user().department())) {
                                throw new ApiException.Forbidden("classes are ordered by schools (department staff of education)");
                            }
                            Education.Booking b = Bodies.read(ctx, Education.Booking.class,
                                    "{\"course\": \"C001\", \"date\": \"2026-12-15\", \"audience\": \"四年级\", \"size\": 120}");
                            Map<String, Object> out = edu.book(me.user().name(), me.is(DEPARTMENT) ? school(me) : null, b, s.options().today());
                            s.access().record(ctx, "booking.create", List.of((String) out.get("id")), null, (String) out.get("course"));
                            ctx.status(201).json(out);
                        }).allow(PROSECUTOR, DEPARTMENT),
                Endpoint.get("/api/education/bookings", "education", "课程预约（学校只见本校）", List.of(), ctx -> {
                    Principal me = Principal.of(ctx);
                    ctx.json(Map.of("bookings", edu.bookings(me.is(DEPARTMENT) ? school(me) : null)));
                }).allow(PROSECUTOR, DEPARTMENT),
                Endpoint.post("/api/education/bookings/{id}/schedule", "education", "检察官排课（授课人、时间）",
                        List.of(path("id", "booking id"), body("{\"prosecutor\": user name, \"at\": \"2026-12-15T09:30\"}")), ctx -> {
                            Schedule sc = Bodies.read(ctx, Schedule.class, "{\"at\": \"2026-12-15T09:30\"}");
                            String teacher = sc.prosecutor() == null || sc.prosecutor().isBlank() ? Principal.of(ctx).user().name() : sc.prosecutor().strip();
                            if (s.access().users().get(teacher).filter(u -> u.role() == PROSECUTOR).isEmpty()) {
                                throw new ApiException.BadRequest("'prosecutor' is a prosecutor's user name");
                            }
                            Map<String, Object> out = edu.schedule(ctx.pathParam("id"), Principal.of(ctx).user().name(), teacher, sc.at());
                            s.access().record(ctx, "booking.schedule", List.of(ctx.pathParam("id")), null, teacher);
                            ctx.json(out);
                        }).allow(PROSECUTOR),
                Endpoint.post("/api/education/bookings/{id}/status", "education", "授课完成或取消",
                        List.of(path("id", "booking id"), body("{\"to\": \"delivered|cancelled\", \"note\"}")), ctx -> {
                            Move m = Bodies.read(ctx, Move.class, "{\"to\": \"delivered\"}");
                            ctx.json(edu.move(ctx.pathParam("id"), m.to(), Principal.of(ctx).user().name(), m.note()));
                        }).allow(PROSECUTOR),
                Endpoint.post("/api/education/plans", "education", "帮教计划：为未成年人安排课程",
                        List.of(body("{\"person\": node id, \"course\": \"C001\"}")), ctx -> {
                            PlanEntry p = Bodies.read(ctx, PlanEntry.class, "{\"person\": \"…\", \"course\": \"C001\"}");
                            String id = assigned(ctx, s, p.person());
                            edu.plan(id, p.course() == null ? "" : p.course(), Principal.of(ctx).user().name());
                            s.access().record(ctx, "plan.assign", List.of(p.person()), null, p.course());
                            ctx.status(201).json(edu.forPerson(id));
                        }).allow(PROSECUTOR, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.post("/api/education/attendance", "education", "记录上课出勤",
                        List.of(body("{\"person\": node id, \"course\", \"date\", \"attended\": true, \"note\"}")), ctx -> {
                            PlanEntry p = Bodies.read(ctx, PlanEntry.class, "{\"person\": \"…\", \"course\": \"C001\", \"date\": \"2026-11-20\", \"attended\": true}");
                            if (p.attended() == null) {
                                throw new ApiException.BadRequest("'attended' is true or false");
                            }
                            String id = assigned(ctx, s, p.person());
                            edu.attend(id, p.course() == null ? "" : p.course(), p.date(), p.attended(), p.note(),
                                    Principal.of(ctx).user().name(), s.options().today());
                            s.access().record(ctx, "plan.attendance", List.of(p.person()), null, p.course() + " " + p.date());
                            ctx.status(201).json(edu.forPerson(id));
                        }).allow(PROSECUTOR, SOCIAL_WORKER, PSYCHOLOGIST));
    }

    private static String school(Principal me) {
        return me.user().unit() == null || me.user().unit().isBlank() ? me.user().name() : me.user().unit();
    }

    /** The person's identity number, if the caller may plan for them (workers: only minors assigned to them). */
    private static String assigned(Context ctx, ApiServices s, String node) {
        if (node == null || node.isBlank()) {
            throw new ApiException.BadRequest("'person' is a person node id");
        }
        String id = s.graph().personId(node);
        Principal me = Principal.of(ctx);
        if (!me.is(PROSECUTOR) && !me.user().assignedMinors().contains(id)) {
            throw new ApiException.NotFound("no person " + node);
        }
        return id;
    }
}

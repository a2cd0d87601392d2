package org.tongxin.api.education;

import static org.tongxin.api.http.Endpoint.Param.body;
import static org.tongxin.api.http.Endpoint.Param.path;
import static org.tongxin.domain.user.Role.DEPARTMENT;
import static org.tongxin.domain.user.Role.PROSECUTOR;
import static org.tongxin.domain.user.Role.PSYCHOLOGIST;
import static org.tongxin.domain.user.Role.SOCIAL_WORKER;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tongxin.api.http.Bodies;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.api.observer.ObserverRoutes;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.Principal;
import org.tongxin.domain.audit.AuditDetail;
import org.tongxin.domain.education.Education;
import org.tongxin.domain.observer.MediaStore;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.user.Role;
import org.tongxin.model.time.LegalAge;

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

    /** The catalogue: the courses, the topics and the forms (code → Chinese name). */
    public record Catalogue(List<Education.CourseView> courses, List<String> topics, Map<String, String> forms) {
    }

    /** The bookings a caller may see. */
    public record Bookings(List<Education.BookingView> bookings) {
    }

    private final Education edu;
    private final MediaStore media;
    private final Access access;
    private final Function<String, String> personOfNode;
    private final Supplier<LocalDate> today;

    /**
     * {@code personOfNode}: the identity number of a person node (failing as not found); {@code today}: the as-of
     * date bookings and attendance are checked against.
     */
    public EducationRoutes(Education edu, MediaStore media, Access access, Function<String, String> personOfNode,
                           Supplier<LocalDate> today) {
        this.edu = edu;
        this.media = media;
        this.access = access;
        this.personOfNode = personOfNode;
        this.today = today;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/education/courses", "education", "法治课程目录（主题、形式、时长、是否有录播视频）", List.of(),
                        this::catalogue).returns(Catalogue.class).allow(Role.values()),
                Endpoint.post("/api/education/courses", "education", "新增课程", List.of(body("{title, topic, form, minutes, description}")),
                        this::addCourse).accepts(Education.Course.class).returns(Education.CourseView.class).allow(PROSECUTOR),
                Endpoint.post("/api/education/courses/{id}/video", "education", "为录播课程挂接已上传的 MP4 视频",
                        List.of(path("id", "course id"), body("{\"media\": uploaded file id}")), this::attachVideo)
                        .accepts(Video.class).returns(Education.CourseView.class).allow(PROSECUTOR),
                Endpoint.get("/api/education/courses/{id}/video", "education", "课程录播视频（支持 Range 请求，可拖动播放）",
                        List.of(path("id", "course id")), this::video).allow(Role.values()).producing("video/mp4"),
                Endpoint.post("/api/education/bookings", "education", "学校预约法治课（日期、对象、人数）",
                        List.of(body("{course, date, audience, size, school (prosecutors only)}")), this::book)
                        .accepts(Education.Booking.class).returns(Education.BookingView.class).allow(PROSECUTOR, DEPARTMENT),
                Endpoint.get("/api/education/bookings", "education", "课程预约（学校只见本校）", List.of(), this::bookings)
                        .returns(Bookings.class).allow(PROSECUTOR, DEPARTMENT),
                Endpoint.post("/api/education/bookings/{id}/schedule", "education", "检察官排课（授课人、时间）",
                        List.of(path("id", "booking id"), body("{\"prosecutor\": user name, \"at\": \"2026-12-15T09:30\"}")), this::schedule)
                        .accepts(Schedule.class).returns(Education.BookingView.class).allow(PROSECUTOR),
                Endpoint.post("/api/education/bookings/{id}/status", "education", "授课完成或取消",
                        List.of(path("id", "booking id"), body("{\"to\": \"delivered|cancelled\", \"note\"}")), this::move)
                        .accepts(Move.class).returns(Education.BookingView.class).allow(PROSECUTOR),
                Endpoint.post("/api/education/plans", "education", "帮教计划：为未成年人安排课程",
                        List.of(body("{\"person\": node id, \"course\": \"C001\"}")), this::plan)
                        .accepts(PlanEntry.class).returns(Education.Plan.class).allow(PROSECUTOR, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.get("/api/education/plans", "education", "一名未成年人的帮教计划与出勤（社工、心理咨询师只限指派给自己的）",
                        List.of(new Endpoint.Param("person", "query", "string", true, "person node id")), this::planOf)
                        .returns(Education.Plan.class).allow(PROSECUTOR, SOCIAL_WORKER, PSYCHOLOGIST),
                Endpoint.post("/api/education/attendance", "education", "记录上课出勤",
                        List.of(body("{\"person\": node id, \"course\", \"date\", \"attended\": true, \"note\"}")), this::attend)
                        .accepts(PlanEntry.class).returns(Education.Plan.class).allow(PROSECUTOR, SOCIAL_WORKER, PSYCHOLOGIST));
    }

    private void catalogue(Context ctx) {
        ctx.json(new Catalogue(edu.courses(), Education.TOPICS.stream().sorted().toList(), Education.FORMS));
    }

    private void addCourse(Context ctx) {
        Education.Course c = Bodies.read(ctx, Education.Course.class, "{\"title\": \"…\", \"topic\": \"禁毒\", \"form\": \"onsite\", \"minutes\": 40}");
        ctx.status(201).json(edu.addCourse(c));
    }

    private void attachVideo(Context ctx) {
        Video v = Bodies.read(ctx, Video.class, "{\"media\": \"…\"}");
        MediaStore.Media m = media.get(v.media() == null ? "" : v.media())
                .filter(MediaStore.Media::video)
                .orElseThrow(() -> Problem.invalid("education.video-media"));
        ctx.json(edu.attachVideo(ctx.pathParam("id"), m.id()));
    }

    private void video(Context ctx) {
        String video = edu.course(ctx.pathParam("id")).video();
        MediaStore.Media m = media.get(video == null ? "" : video)
                .orElseThrow(() -> Problem.notFound("education.no-video", ctx.pathParam("id")));
        ObserverRoutes.serve(ctx, media, m);
    }

    private void book(Context ctx) {
        Principal me = Principal.of(ctx);
        if (me.is(DEPARTMENT) && !"education".equals(me.user().department())) {
            throw Problem.forbidden("education.school-only");
        }
        Education.Booking b = Bodies.read(ctx, Education.Booking.class,
                "{\"course\": \"C001\", \"date\": \"2026-12-15\", \"audience\": \"四年级\", \"size\": 120}");
        Education.BookingView out = edu.book(me.user().name(), me.is(DEPARTMENT) ? school(me) : null, b, today.get());
        access.record(ctx, "booking.create", List.of(out.id()), null, out.course());
        ctx.status(201).json(out);
    }

    private void bookings(Context ctx) {
        Principal me = Principal.of(ctx);
        ctx.json(new Bookings(edu.bookings(me.is(DEPARTMENT) ? school(me) : null)));
    }

    private void schedule(Context ctx) {
        Schedule sc = Bodies.read(ctx, Schedule.class, "{\"at\": \"2026-12-15T09:30\"}");
        String teacher = sc.prosecutor() == null || sc.prosecutor().isBlank() ? Principal.of(ctx).user().name() : sc.prosecutor().strip();
        if (access.users().get(teacher).filter(u -> u.role() == PROSECUTOR).isEmpty()) {
            throw Problem.invalid("education.prosecutor");
        }
        Education.BookingView out = edu.schedule(ctx.pathParam("id"), Principal.of(ctx).user().name(), teacher, sc.at(),
                LocalDateTime.now(LegalAge.ZONE));
        access.record(ctx, "booking.schedule", List.of(ctx.pathParam("id")), null, teacher);
        ctx.json(out);
    }

    private void move(Context ctx) {
        Move m = Bodies.read(ctx, Move.class, "{\"to\": \"delivered\"}");
        Education.BookingView out = edu.move(ctx.pathParam("id"), m.to(), Principal.of(ctx).user().name(), m.note());
        access.recordDetail(ctx, "booking.status", List.of(ctx.pathParam("id")), null, AuditDetail.status("booking", out.status()));
        ctx.json(out);
    }

    private void plan(Context ctx) {
        PlanEntry p = Bodies.read(ctx, PlanEntry.class, "{\"person\": \"…\", \"course\": \"C001\"}");
        String id = assigned(ctx, p.person());
        edu.plan(id, p.course() == null ? "" : p.course(), Principal.of(ctx).user().name());
        access.record(ctx, "plan.assign", List.of(p.person()), null, p.course());
        ctx.status(201).json(edu.forPerson(id));
    }

    private void planOf(Context ctx) {
        String node = Params.required(ctx, "person");
        String id = assigned(ctx, node);
        access.record(ctx, "plan.read", List.of(node), null, null);
        ctx.json(edu.forPerson(id));
    }

    private void attend(Context ctx) {
        PlanEntry p = Bodies.read(ctx, PlanEntry.class, "{\"person\": \"…\", \"course\": \"C001\", \"date\": \"2026-11-20\", \"attended\": true}");
        if (p.attended() == null) {
            throw Problem.invalid("education.attended");
        }
        String id = assigned(ctx, p.person());
        edu.attend(id, p.course() == null ? "" : p.course(), p.date(), p.attended(), p.note(),
                Principal.of(ctx).user().name(), today.get());
        access.record(ctx, "plan.attendance", List.of(p.person()), null, p.course() + " " + p.date());
        ctx.status(201).json(edu.forPerson(id));
    }

    private static String school(Principal me) {
        return me.user().unit() == null || me.user().unit().isBlank() ? me.user().name() : me.user().unit();
    }

    /** The person's identity number, if the caller may plan for them (workers: only minors assigned to them). */
    private String assigned(Context ctx, String node) {
        if (node == null || node.isBlank()) {
            throw Problem.invalid("education.person");
        }
        String id = personOfNode.apply(node);
        Principal me = Principal.of(ctx);
        if (!me.is(PROSECUTOR) && !me.user().assignedMinors().contains(id)) {
            throw Problem.notFound("education.person-not-found", node);
        }
        return id;
    }
}

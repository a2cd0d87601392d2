package org.tongxin.web.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.neo4j.driver.Session;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.api.ApiServices;
import org.tongxin.domain.board.Board;
import org.tongxin.domain.education.Education;
import org.tongxin.domain.observer.MediaStore;
import org.tongxin.domain.observer.Submissions;
import org.tongxin.api.order.OrderRoutes;
import org.tongxin.domain.order.Orders;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.lead.LeadSummary;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.id.IdNumber;

/**
 * What the demo puts in the modules around the graph so each page has something to show: volunteers' reports
 * (three at one internet café from two volunteers — a recurring cluster — one overdue, one far from any place),
 * a supervision order issued to the demo guardian with its thread, a minor with risk factors for the demo social
 * worker and the demo psychologist each, and a school's class booking. Written through
 * the running server's services, as the demo users, once the server answers.
 */
public final class Showcase {

    /** What was added, one line each, for the demo's printout. */
    public static List<String> add(ApiServices services, LocalDate today) {
        List<String> out = new ArrayList<>();
        GraphStore store = services.store();
        String secondVolunteer = "demo-volunteer-2";
        String password = services.access().users().add(secondVolunteer, Role.VOLUNTEER, "370612-JCY", null);
        out.add(String.format("%-22s %-14s %s", secondVolunteer, Role.VOLUNTEER.zh(), password));

        MediaStore media = services.submissions().media();
        Submissions subs = services.submissions();
        List<Submissions.Place> places = subs.places("");
        Submissions.Place cafe = places.stream().filter(p -> p.kind().equals("venue") && "网吧".equals(p.sort()) && p.lat() != null)
                .findFirst().orElseThrow();
        String netbar = cafe.key();
        double lat = cafe.lat();
        double lon = cafe.lon();
        String school = places.stream().filter(p -> p.kind().equals("school")).findFirst().orElseThrow().key();
        String photo = media.accept("demo-volunteer", new ByteArrayInputStream(picture(new Color(30, 60, 110)))).id();
        String first = subs.submit("demo-volunteer", new Submissions.Submit("netbar",
                "晚上十点多看到几个穿校服的学生在网吧上网，前台没有查身份证", netbar, null, null, null, List.of(photo))).id();
        subs.submit("demo-volunteer", new Submissions.Submit("netbar", "周末白天网吧里有好几个初中生在玩游戏，门口没有禁入标志",
                null, lat + 0.0004, lon, null, List.of()));
        subs.submit(secondVolunteer, new Submissions.Submit("netbar", "这家网吧用成年人的身份证给孩子开机",
                netbar, null, null, null, List.of()));
        subs.submit(secondVolunteer, new Submissions.Submit("campus", "学校门口没有斑马线，放学时车辆很快",
                school, null, null, null, List.of()));
        try (Session s = store.driver().session(store.session())) {
            s.run("MATCH (x:Submission {id: $id}) SET x.submittedAt = x.submittedAt - duration({days: 5})", Map.of("id", first)).consume();
        }
        out.add("4 observer reports (3 at one internet café from 2 volunteers: recurring; 1 unacknowledged for 5 days: overdue)");

        String ref;
        try (Session s = store.driver().session(store.session())) {
            ref = s.run("MATCH (l:Lead {model: 'guardianship'}) RETURN l.ref AS r, l.key AS k ORDER BY k LIMIT 1")
                    .list(r -> r.get("r").asString()).stream().findFirst().orElse(null);
        }
        if (ref != null) {
            LeadSummary lead = services.leads().summary(ref);
            String minor = OrderRoutes.minorOf(lead, services.store().pseudonyms());
            String summary = lead.summary();
            Orders orders = services.orders();
            var o = orders.draft("demo-prosecutor", new Orders.Draft("supervision", ref, null, null, null, null, "demo-guardian", null),
                    minor, ref, summary, today);
            String id = o.id();
            if (!String.valueOf(o.guardianName()).isBlank()) {
                orders.step(id, "issued", "status", "demo-prosecutor", "");
                Board board = services.board();
                var t = board.open("demo-prosecutor", "督促监护令 " + id, "order:" + id, List.of("demo-guardian"));
                board.post(t.id(), "demo-prosecutor", "prosecutor", "请在线确认收到本令，并于下周前联系司法社工。");
                orders.linkThread(id, t.id());
                out.add("supervision order " + id + " issued to demo-guardian, with a thread");
            } else {
                out.add("supervision order " + id + " drafted (no guardian registered alive: name one before issuing)");
            }
        }

        out.addAll(assignMinors(services, today, List.of("demo-social-worker", "demo-psychologist")));

        Education edu = services.education();
        edu.book("demo-department", "370612-JCY", new Education.Booking("C003", today.plusDays(14).toString(), "四年级全体学生", 160, null), today);
        out.add("1 class booked by the demo school (C003 向校园欺凌说不), waiting to be scheduled");
        return out;
    }

    /**
     * Gives each of these social workers or psychologists a minor of their own — minors of guardianship leads whose
     * assistance profile names risk factors — the way {@code users assign} does, so their start page (我的帮教对象)
     * has someone on it.
     */
    static List<String> assignMinors(ApiServices services, LocalDate today, List<String> workers) {
        GraphStore store = services.store();
        List<String> refs;
        try (Session s = store.driver().session(store.session())) {
            refs = s.run("MATCH (l:Lead {model: 'guardianship'}) RETURN l.ref AS r ORDER BY l.key LIMIT 50")
                    .list(r -> r.get("r").asString());
        }
        List<String> minors = new ArrayList<>();
        for (String ref : refs) {
            String id = OrderRoutes.minorOf(services.leads().summary(ref), store.pseudonyms());
            IdNumber.Check check = IdNumber.check(id);
            if (!minors.contains(id) && check.valid() && check.id().isMinorAt(today)
                    && AssistanceProfile.of(store, id, today).map(p -> p.riskFactors() != null && !p.riskFactors().isEmpty()).orElse(false)) {
                minors.add(id);
            }
            if (minors.size() == workers.size()) {
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < minors.size(); i++) {
            services.access().users().assign(workers.get(i), minors.get(i));
            out.add(workers.get(i) + " assigned a minor with risk factors (我的帮教对象)");
        }
        return out;
    }

    /** A plain picture standing in for a volunteer's photo (no text: the demo machine may have no CJK font). */
    private static byte[] picture(Color sky) {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(sky);
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(230, 80, 60));
        g.fillRect(180, 160, 280, 200);
        g.setColor(new Color(255, 230, 120));
        for (int i = 0; i < 4; i++) {
            g.fillRect(200 + i * 64, 190, 40, 30);
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Showcase() {
    }
}

package org.tongxin.ingest.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.tongxin.ingest.mapping.ColumnSpec;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.model.id.IdNumber;
import org.tongxin.model.id.RegionCodes;
import org.tongxin.model.id.Sex;

/**
 * The state of a city being generated: its people, units, venues and the rows of every dataset, with helpers
 * that write a row per dataset so that background activity and planted cases read like what happened.
 */
final class City {

    /** Home district of the synthetic city: 牟平区, 烟台市 (the seed article's district). */
    static final String HOME = "370612";
    static final String PROVINCE_PREFIX = "37";

    final SplittableRandom rng;
    final LocalDate asOf;
    final Expected expected = new Expected();
    final List<Person> people = new ArrayList<>();
    final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    final Map<String, Map<String, Integer>> columns = new HashMap<>();

    private final Set<String> ids = new HashSet<>();
    private final Set<String> plates = new HashSet<>();
    private final List<String> surnames = new ArrayList<>();
    private final double[] surnameCumulative;
    private final List<String> regionPool = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();

    final List<Unit> schools = new ArrayList<>();
    final List<Unit> employers = new ArrayList<>();
    final List<Unit> hospitals = new ArrayList<>();
    final Map<String, List<Venue>> venues = new LinkedHashMap<>();

    /** A school, employer or hospital (unified social credit code). */
    record Unit(String code, String name, String kind) {
    }

    /** A registered venue. */
    record Venue(String code, String name, String kind, double lon, double lat) {
    }

    City(long seed, LocalDate asOf) {
        this.rng = new SplittableRandom(seed);
        this.asOf = asOf;
        for (DatasetMapping m : Mappings.bundled().all()) {
            rows.put(m.dataset(), new ArrayList<>());
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < m.columns().size(); i++) {
                idx.put(m.columns().get(i).name(), i);
            }
            columns.put(m.dataset(), idx);
        }
        List<double[]> weights = new ArrayList<>();
        readCsv("surnames.csv", f -> {
            surnames.add(f[0]);
            weights.add(new double[] {Double.parseDouble(f[1])});
        });
        surnameCumulative = new double[surnames.size()];
        double sum = 0;
        for (int i = 0; i < surnames.size(); i++) {
            sum += weights.get(i)[0];
            surnameCumulative[i] = sum;
        }
        readCsv("areas.csv", f -> {
            // Codes still in use; people born before a code existed carry it too (a warning, not an error).
            if (f[0].startsWith(PROVINCE_PREFIX) && RegionCodes.bundled().check(f[0], 2100) == RegionCodes.Verdict.VALID) {
                regionPool.add(f[0]);
            }
        });
        if (regionPool.isEmpty()) {
            throw new IllegalStateException("no region code in use in the bundled divisions");
        }
    }

    private static void readCsv(String resource, java.util.function.Consumer<String[]> each) {
        try (InputStream in = City.class.getResourceAsStream("/org/tongxin/synth/" + resource)) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    each.accept(line.strip().replace("\"", "").split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- random helpers -------------------------------------------------------------------------

    int between(int lo, int hiInclusive) {
        return lo + rng.nextInt(hiInclusive - lo + 1);
    }

    boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    <T> T pick(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    String next(String counter, String prefix, int width) {
        int n = counters.merge(counter, 1, Integer::sum);
        return prefix + String.format("%0" + width + "d", n);
    }

    /** A background instant in the year before the as-of date, at a plausible hour. */
    LocalDateTime pastInstant(int minHour, int maxHour) {
        return asOf.minusDays(between(1, 365)).atTime(between(minHour, maxHour), between(0, 11) * 5);
    }

    // ---- people ---------------------------------------------------------------------------------

    String surname() {
        double x = rng.nextDouble() * surnameCumulative[surnameCumulative.length - 1];
        int lo = 0;
        int hi = surnameCumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (surnameCumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return surnames.get(lo);
    }

    private static final String GIVEN_M = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欢阳建国志文博";
    private static final String GIVEN_F = "芳娜敏静丽艳娟霞燕玲桂英华红梅琳雪婷倩颖洁慧琪萱怡欣悦佳雨晨诗涵梦瑶";

    String givenName(Sex sex) {
        String pool = sex == Sex.MALE ? GIVEN_M : GIVEN_F;
        String a = String.valueOf(pool.charAt(rng.nextInt(pool.length())));
        return chance(0.6) ? a + pool.charAt(rng.nextInt(pool.length())) : a;
    }

    /** A new person with a valid, unique identity number; registered in police_residents unless said otherwise. */
    Person person(LocalDate birth, Sex sex, String surname) {
        String region = birth.getYear() >= 1994 && chance(0.8) ? HOME : pick(regionPool);
        String id;
        do {
            int seq = rng.nextInt(500) * 2 + (sex == Sex.MALE ? 1 : 0);
            String body = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth()) + String.format("%03d", seq);
            id = body + IdNumber.checkChar(body);
        } while (!ids.add(id));
        Person p = new Person(id, surname + givenName(sex), sex, birth);
        p.phone = phone();
        p.address = address();
        people.add(p);
        return p;
    }

    Person person(LocalDate birth, Sex sex) {
        return person(birth, sex, surname());
    }

    /** Age at the as-of date exactly {@code years} (the birthday some 1–300 days past). */
    Person aged(int years, Sex sex) {
        return person(asOf.minusYears(years).minusDays(between(1, 300)), sex);
    }

    /** A person whose age at {@code at} is {@code years} (birthday 10–200 days before {@code at}). */
    Person agedAt(int years, LocalDate at, Sex sex) {
        return person(at.minusYears(years).minusDays(between(10, 200)), sex);
    }

    /** A fresh household with these members, the first the head. */
    void household(Person head, Person... members) {
        String no = next("household", "H" + HOME, 7);
        head.household = no;
        head.relationToHead = "户主";
        for (Person m : members) {
            m.household = no;
            m.address = head.address;
            m.relationToHead = m.ageAt(asOf) < head.ageAt(asOf) - 14 ? (m.sex == Sex.MALE ? "子" : "女")
                    : m.sex == head.sex ? "其他" : (m.sex == Sex.FEMALE ? "妻" : "夫");
        }
    }

    String phone() {
        return "1" + between(3, 9) + String.format("%09d", rng.nextInt(1_000_000_000));
    }

    private static final String[] STREETS = {"正阳路", "北关大街", "通海路", "大窑街道", "文化街", "金山路", "宁海大街", "养马岛路"};

    String address() {
        return "山东省烟台市牟平区" + STREETS[rng.nextInt(STREETS.length)] + between(1, 300) + "号";
    }

    String plate() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        String p;
        do {
            StringBuilder sb = new StringBuilder("鲁F");
            sb.append(letters.charAt(rng.nextInt(24)));
            for (int i = 0; i < 4; i++) {
                sb.append(letters.charAt(24 + rng.nextInt(10)));
            }
            p = sb.toString();
        } while (!plates.add(p));
        return p;
    }

    /** An 18-character unified social credit code (opaque to the product). */
    String unitCode() {
        return next("unit", "52" + HOME, 9) + "X";
    }

    Unit unit(List<Unit> into, String name, String kind) {
        Unit u = new Unit(unitCode(), name, kind);
        into.add(u);
        return u;
    }

    Venue venue(String kind, String name) {
        String prefix = switch (kind) {
            case "旅馆" -> "LG";
            case "网吧" -> "WB";
            case "歌舞娱乐" -> "GW";
            case "酒吧" -> "JB";
            case "剧本娱乐" -> "JS";
            case "游艺厅" -> "YY";
            default -> "QT";
        };
        Venue v = new Venue(next("venue" + prefix, prefix + HOME, 4), name, kind,
                121.50 + rng.nextDouble() * 0.22, 37.32 + rng.nextDouble() * 0.14);
        venues.computeIfAbsent(kind, k -> new ArrayList<>()).add(v);
        row("registry_venues").with("场所编码", v.code()).with("场所名称", v.name()).with("场所类型", kind)
                .with("地址", address()).with("经度", String.format("%.6f", v.lon()))
                .with("纬度", String.format("%.6f", v.lat())).add();
        return v;
    }

    // ---- rows -----------------------------------------------------------------------------------

    /** A row of a dataset under construction; columns by their Chinese header. */
    final class RowBuilder {
        private final String dataset;
        private final Object[] cells;

        RowBuilder(String dataset) {
            this.dataset = dataset;
            this.cells = new Object[columns.get(dataset).size()];
        }

        RowBuilder with(String column, Object value) {
            Integer i = columns.get(dataset).get(column);
            if (i == null) {
                throw new IllegalArgumentException(dataset + " has no column " + column);
            }
            cells[i] = value;
            return this;
        }

        void add() {
            rows.get(dataset).add(cells);
        }
    }

    RowBuilder row(String dataset) {
        return new RowBuilder(dataset);
    }

    List<ColumnSpec> columnsOf(String dataset) {
        return Mappings.bundled().get(dataset).orElseThrow().columns();
    }

    // Dataset helpers used by background and planted cases alike.

    void student(Person kid, Unit school, Person g1, String r1, Person g2, String r2) {
        RowBuilder r = row("edu_students").with("学籍号", next("student", "G" + HOME, 8)).with("身份证号", kid.id)
                .with("姓名", kid.name).with("学校代码", school.code()).with("学校名称", school.name())
                .with("年级", grade(school.kind(), kid.ageAt(asOf))).with("在读状态", "在读");
        if (g1 != null) {
            r.with("监护人1身份证号", g1.id).with("监护人1姓名", g1.name).with("监护人1关系", r1).with("监护人1电话", g1.phone);
        }
        if (g2 != null) {
            r.with("监护人2身份证号", g2.id).with("监护人2姓名", g2.name).with("监护人2关系", r2).with("监护人2电话", g2.phone);
        }
        r.add();
    }

    /** The kind of school a child of this age attends: 小学 up to 11, 初中 12–14, 高中 from 15. */
    static String schoolKind(int age) {
        return age <= 11 ? "小学" : age <= 14 ? "初中" : "高中";
    }

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六"};

    /**
     * The grade of a child in a school of this kind, by age and within the school's grades: 小学 一年级–六年级 (6–11),
     * 初中 初一–初三 (12–14), 高中 高一–高三 (15–17), 幼儿园 小班–大班.
     */
    static String grade(String schoolKind, int age) {
        return switch (schoolKind) {
            case "小学" -> NUMERALS[Math.max(0, Math.min(5, age - 6))] + "年级";
            case "初中" -> "初" + NUMERALS[Math.max(0, Math.min(2, age - 12))];
            case "高中" -> "高" + NUMERALS[Math.max(0, Math.min(2, age - 15))];
            case "幼儿园" -> age <= 3 ? "小班" : age == 4 ? "中班" : "大班";
            default -> throw new IllegalArgumentException("not a school: " + schoolKind);
        };
    }

    String hotelStay(Venue hotel, String room, Person p, LocalDateTime in, Object out, String guardianPhone) {
        String no = next("stay", "ZS" + HOME, 9);
        row("police_hotel_stays").with("登记编号", no).with("旅馆编码", hotel.code()).with("旅馆名称", hotel.name())
                .with("房间号", room).with("入住时间", in).with("退房时间", out).with("身份证号", p.id)
                .with("姓名", p.name).with("监护人联系电话", guardianPhone).add();
        return no;
    }

    String netbar(Venue bar, Person p, Object start, Object end) {
        String no = next("netbar", "SW" + HOME, 9);
        row("culture_netbar_sessions").with("记录编号", no).with("场所编码", bar.code()).with("场所名称", bar.name())
                .with("上机时间", start).with("下机时间", end).with("身份证号", p.id).with("姓名", p.name).add();
        return no;
    }

    String venueCheckNo() {
        return next("check", "JC" + HOME, 7);
    }

    void venueCheck(String checkNo, Venue v, Object at, Person p, String note) {
        row("police_venue_checks").with("检查编号", checkNo).with("场所编码", v.code()).with("检查时间", at)
                .with("身份证号", p.id).with("姓名", p.name).with("情况说明", note).add();
    }

    String visit(Unit hospital, Person p, LocalDateTime at, String icd, String diagnosis, String clinic) {
        String no = next("visit", "JZ" + HOME, 9);
        row("health_visits").with("就诊流水号", no).with("医疗机构代码", hospital.code()).with("医疗机构名称", hospital.name())
                .with("就诊时间", at).with("身份证号", p.id).with("姓名", p.name).with("诊断编码", icd)
                .with("诊断名称", diagnosis).with("科室", clinic).add();
        return no;
    }

    void mandatoryReport(Unit unit, Person minor, LocalDateTime at, String reason) {
        row("health_mandatory_reports").with("报告编号", next("report", "BG" + HOME, 7)).with("报告单位代码", unit.code())
                .with("报告单位名称", unit.name()).with("报告时间", at).with("涉及未成年人身份证号", minor.id)
                .with("报告事由", reason).add();
    }

    /** A criminal case with its parties; returns the case number. */
    String criminalCase(String cause, LocalDate filed, String incident, Person suspect, Person victim) {
        String no = next("case", "A" + HOME, 10);
        row("police_criminal_cases").with("案件编号", no).with("案由", cause).with("立案日期", filed)
                .with("发案时间", filed.minusDays(between(1, 20)).atTime(between(8, 22), 0))
                .with("发案地点", address()).with("关联警情编号", incident).add();
        if (suspect != null) {
            row("police_case_persons").with("案件编号", no).with("身份证号", suspect.id).with("姓名", suspect.name)
                    .with("角色", "犯罪嫌疑人").add();
        }
        if (victim != null) {
            row("police_case_persons").with("案件编号", no).with("身份证号", victim.id).with("姓名", victim.name)
                    .with("角色", "被害人").add();
        }
        return no;
    }

    String incidentNo() {
        return next("incident", "J" + HOME, 10);
    }

    /** An administrative penalty; victim, injury, act time and incident may be null. Returns its number. */
    String penalty(String act, Person offender, Person victim, String injury, LocalDateTime actAt, LocalDate decided,
                   String incident) {
        String no = next("penalty", "GAXJ" + HOME, 7);
        return penalty(no, act, offender.id, offender.name, victim == null ? null : victim.id,
                victim == null ? null : victim.name, injury, actAt, decided, incident);
    }

    String penalty(String no, String act, String offenderId, String offenderName, String victimId, String victimName,
                   String injury, LocalDateTime actAt, LocalDate decided, String incident) {
        row("police_admin_penalties").with("决定书编号", no).with("违法行为", act)
                .with("处罚种类", act.contains("猥亵") || injury != null ? "行政拘留" : "罚款").with("决定日期", decided)
                .with("违法时间", actAt).with("违法地点", address()).with("被处罚人身份证号", offenderId)
                .with("被处罚人姓名", offenderName).with("被侵害人身份证号", victimId).with("被侵害人姓名", victimName)
                .with("伤情", injury).with("涉案金额", act.contains("盗窃") ? String.valueOf(between(200, 3000)) : null)
                .with("关联警情编号", incident).add();
        return no;
    }

    void record(Person p, String category, String offence, LocalDate decided, String sentence) {
        record(p.id, p.name, category, offence, decided, sentence);
    }

    void record(String id, String name, String category, String offence, LocalDate decided, String sentence) {
        row("police_records").with("记录编号", next("record", "JL" + HOME, 8)).with("身份证号", id).with("姓名", name)
                .with("记录类别", category).with("罪名或违法行为", offence).with("判决或决定日期", decided)
                .with("刑罚或处罚", sentence).add();
    }

    void staff(Person p, Unit unit, String post, LocalDate hired, LocalDate left, LocalDate inquiry) {
        staff(p.id, p.name, unit, post, hired, left, inquiry);
    }

    void staff(String id, String name, Unit unit, String post, LocalDate hired, LocalDate left, LocalDate inquiry) {
        row("edu_staff").with("身份证号", id).with("姓名", name).with("单位代码", unit.code()).with("单位名称", unit.name())
                .with("单位类型", unit.kind()).with("岗位", post).with("入职日期", hired).with("离职日期", left)
                .with("入职查询日期", inquiry).add();
    }

    void vehicle(String plateAsWritten, String type, String status, LocalDate inspection, LocalDate scrap, String owner) {
        row("traffic_vehicles").with("车牌号", plateAsWritten).with("车辆类型", type)
                .with("使用性质", type.contains("客车") ? "幼儿校车" : "非营运").with("所有人", owner)
                .with("检验有效期止", inspection).with("强制报废期止", scrap).with("状态", status).add();
    }

    void licence(Person p, String classes, LocalDate firstIssued, LocalDate validUntil, String status) {
        licence(p.id, p.name, classes, firstIssued, validUntil, status);
    }

    void licence(Object id, String name, String classes, LocalDate firstIssued, LocalDate validUntil, String status) {
        row("traffic_licences").with("身份证号", id).with("姓名", name).with("准驾车型", classes)
                .with("初次领证日期", firstIssued).with("有效期止", validUntil).with("状态", status)
                .with("累积记分", String.valueOf(between(0, 6))).add();
    }

    void violation(Person p, String plateAsWritten, LocalDateTime at, String act, int points) {
        row("traffic_violations").with("违法编号", next("violation", "WF" + HOME, 9)).with("身份证号", p == null ? null : p.id)
                .with("车牌号", plateAsWritten).with("违法时间", at).with("违法行为", act).with("记分", String.valueOf(points)).add();
    }

    void permit(String kind, Unit holder, String plateAsWritten, LocalDate from, LocalDate to, String status) {
        row("approval_permits").with("许可证号", next("permit", "XK" + HOME, 7)).with("许可类型", kind)
                .with("持证主体代码", holder.code()).with("持证主体名称", holder.name()).with("车牌号", plateAsWritten)
                .with("有效期起", from).with("有效期至", to).with("状态", status).add();
    }

    void bus(String plateAsWritten, Unit school, Person driver) {
        bus(plateAsWritten, school, driver.id, driver.name);
    }

    void bus(String plateAsWritten, Unit school, String driverId, String driverName) {
        row("edu_school_buses").with("登记编号", next("bus", "XC" + HOME, 6)).with("车牌号", plateAsWritten)
                .with("学校代码", school.code()).with("学校名称", school.name()).with("驾驶人身份证号", driverId)
                .with("驾驶人姓名", driverName).with("核载人数", String.valueOf(between(19, 45)))
                .with("登记日期", asOf.minusDays(between(100, 900))).add();
    }

    void civilChild(Person kid, String category, String guardianship) {
        row("civil_children").with("身份证号", kid.id).with("姓名", kid.name).with("儿童类别", category)
                .with("监护情况", guardianship).with("登记日期", asOf.minusDays(between(30, 700))).add();
    }

    /** The same number with a wrong check character: invalid, never links. */
    static String corrupt(String id) {
        char c = id.charAt(17);
        char wrong = c == '0' ? '1' : c == 'X' ? '2' : c == '9' ? 'X' : (char) (c + 1);
        return id.substring(0, 17) + wrong;
    }

    static LocalDateTime at(LocalDate d, int hour, int minute) {
        return d.atTime(LocalTime.of(hour, minute));
    }
}

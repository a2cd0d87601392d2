package org.tongxin.ingest.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.model.id.Sex;

/**
 * Everyday activity of the city, built so that it raises no lead by itself: minors only appear where the rules
 * allow them (with a guardian, a benign diagnosis, a clean school bus), records belong to people who work nowhere
 * near children. What it does add is format noise: invalid identity numbers, blank required cells and
 * impossible dates on adults' rows, which the load must flag or reject.
 */
final class Background {

    private static final String[][] KID_DIAGNOSES = {{"J06.9", "急性上呼吸道感染"}, {"A09", "感染性腹泻"},
        {"R50.9", "发热"}, {"H10.9", "结膜炎"}, {"S93.4", "踝关节扭伤"}, {"K35.8", "急性阑尾炎"}, {"L20.9", "特应性皮炎"}};
    private static final String[][] ADULT_DIAGNOSES = {{"I10", "原发性高血压"}, {"E11.9", "2型糖尿病"},
        {"M54.5", "腰痛"}, {"K29.7", "胃炎"}, {"J18.9", "肺炎"}, {"S52.5", "桡骨下端骨折"}, {"Z00.0", "健康体检"}};
    private static final String[] HARMLESS_OFFENCES = {"盗窃罪", "诈骗罪", "开设赌场罪", "危险驾驶罪", "赌博", "寻衅滋事"};

    private final City c;
    private final List<Person> adults = new ArrayList<>();
    private final List<Person> busy = new ArrayList<>();

    Background(City c) {
        this.c = c;
    }

    void build(int persons) {
        units(persons);
        List<Person[]> families = new ArrayList<>();
        while (c.people.size() < persons) {
            double roll = c.rng.nextDouble();
            if (roll < 0.62) {
                families.add(family());
            } else if (roll < 0.85) {
                Person a = c.aged(c.between(19, 75), c.chance(0.5) ? Sex.MALE : Sex.FEMALE);
                c.household(a);
                a.noiseOk = true;
                adults.add(a);
            } else {
                Person a = c.aged(c.between(62, 90), Sex.MALE);
                Person b = c.aged(c.between(60, 88), Sex.FEMALE);
                c.household(a, b);
                adults.add(a);
                adults.add(b);
                if (c.chance(0.15)) {
                    a.death = c.asOf.minusDays(c.between(10, 2000));
                }
            }
        }
        staffAndEmployment();
        schoolBuses();
        vehiclesAndTraffic();
        records();
        hotels(families);
        netbarsAndChecks();
        health();
        penaltiesAndCases();
        civilAffairs(families);
    }

    private void units(int persons) {
        String[] kinds = {"小学", "初中", "高中", "幼儿园"};
        int n = Math.max(4, persons / 800);
        for (int i = 0; i < n; i++) {
            String kind = kinds[i % kinds.length];
            c.unit(c.schools, "牟平区第" + (i + 1) + (kind.equals("幼儿园") ? "幼儿园" : kind.equals("小学") ? "小学" : kind.equals("初中") ? "初级中学" : "高级中学"), kind);
        }
        for (int i = 0; i < Math.max(3, persons / 1500); i++) {
            c.unit(c.employers, "烟台某" + (i + 1) + "号商贸有限公司", "其他");
        }
        c.unit(c.employers, "牟平区启航校外培训中心", "校外培训机构");
        c.unit(c.employers, "牟平区儿童福利院", "儿童福利机构");
        c.unit(c.employers, "牟平区小天使托育中心", "托育机构");
        for (int i = 0; i < Math.max(2, persons / 6000); i++) {
            c.unit(c.hospitals, i == 0 ? "牟平区人民医院" : "牟平区第" + (i + 1) + "医院", "医院");
        }
        venues("旅馆", "宾馆", Math.max(3, persons / 1500));
        venues("网吧", "网咖", Math.max(3, persons / 2000));
        venues("歌舞娱乐", "KTV", Math.max(2, persons / 3000));
        venues("酒吧", "酒吧", Math.max(1, persons / 5000));
        venues("剧本娱乐", "剧本杀馆", Math.max(2, persons / 5000));
        venues("游艺厅", "电玩城", Math.max(1, persons / 5000));
        venues("其他", "茶馆", Math.max(1, persons / 5000));
    }

    private void venues(String kind, String suffix, int n) {
        String[] names = {"海景", "金山", "养马岛", "宁海", "正阳", "文化", "通海", "龙泉", "昆嵛", "鑫源"};
        for (int i = 0; i < n; i++) {
            c.venue(kind, names[i % names.length] + (i >= names.length ? String.valueOf(i / names.length + 1) : "") + suffix);
        }
    }

    /** Two parents and one to three children; children of school age are enrolled with both as guardians. */
    private Person[] family() {
        Person father = c.aged(c.between(28, 50), Sex.MALE);
        Person mother = c.person(father.birth.plusDays(c.between(-1500, 1500)), Sex.FEMALE, c.surname());
        int kids = c.between(1, 3);
        List<Person> members = new ArrayList<>(List.of(mother));
        for (int i = 0; i < kids; i++) {
            LocalDate earliest = max(father.birth, mother.birth).plusYears(22);
            LocalDate birth = earliest.plusDays(c.between(0, 6000));
            if (!birth.isBefore(c.asOf)) {
                break;
            }
            Sex sex = c.chance(0.5) ? Sex.MALE : Sex.FEMALE;
            Person kid = c.person(birth, sex, father.name.substring(0, 1));
            members.add(kid);
        }
        c.household(father, members.toArray(new Person[0]));
        adults.add(father);
        adults.add(mother);
        for (Person kid : members.subList(1, members.size())) {
            int age = kid.ageAt(c.asOf);
            if (age >= 6 && kid.minorAt(c.asOf)) {
                String kind = City.schoolKind(age);
                List<City.Unit> fit = c.schools.stream().filter(s -> s.kind().equals(kind)).toList();
                c.student(kid, c.pick(fit), father, "父亲", mother, "母亲");
            } else if (!kid.minorAt(c.asOf)) {
                adults.add(kid);
            }
        }
        Person[] fam = new Person[members.size() + 1];
        fam[0] = father;
        for (int i = 0; i < members.size(); i++) {
            fam[i + 1] = members.get(i);
        }
        return fam;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private List<Person> working() {
        return adults.stream().filter(a -> a.death == null && a.ageAt(c.asOf) >= 23 && a.ageAt(c.asOf) <= 58).toList();
    }

    private void staffAndEmployment() {
        List<Person> pool = new ArrayList<>(working());
        for (City.Unit school : c.schools) {
            for (int i = 0; i < 4 && !pool.isEmpty(); i++) {
                Person p = pool.remove(c.rng.nextInt(pool.size()));
                LocalDate hired = c.asOf.minusDays(c.between(60, 7000));
                LocalDate left = c.chance(0.1) ? c.asOf.minusDays(c.between(1, 50)) : null;
                c.staff(p, school, i == 0 ? "校长" : "教师", hired, left, hired.minusDays(c.between(3, 20)));
                busy.add(p);
            }
        }
        for (City.Unit e : c.employers) {
            for (int i = 0; i < 3 && !pool.isEmpty(); i++) {
                Person p = pool.remove(c.rng.nextInt(pool.size()));
                LocalDate hired = c.asOf.minusDays(c.between(60, 5000));
                c.staff(p, e, "职员", hired, null, e.kind().equals("其他") ? null : hired.minusDays(7));
                busy.add(p);
            }
        }
    }

    /** Half the primary schools and kindergartens run one clean bus: every rule of school-bus holds it safe. */
    private void schoolBuses() {
        List<Person> drivers = new ArrayList<>(working().stream().filter(p -> p.ageAt(c.asOf) >= 30
                && p.ageAt(c.asOf) <= 55 && !busy.contains(p)).toList());
        for (City.Unit school : c.schools) {
            if (!(school.kind().equals("小学") || school.kind().equals("幼儿园")) || drivers.isEmpty() || c.chance(0.5)) {
                continue;
            }
            Person driver = drivers.remove(c.rng.nextInt(drivers.size()));
            busy.add(driver);
            String plate = c.plate();
            c.vehicle(plate, c.chance(0.5) ? "大型普通客车" : "中型普通客车", "正常", c.asOf.plusDays(c.between(30, 300)),
                    c.asOf.plusYears(c.between(2, 8)), school.name());
            c.licence(driver, "A1", c.asOf.minusYears(c.between(6, 20)), c.asOf.plusDays(c.between(100, 2000)), "正常");
            c.permit("校车使用许可", school, plate, c.asOf.minusDays(c.between(10, 300)), c.asOf.plusDays(c.between(30, 700)), "有效");
            c.bus(plate, school, driver);
        }
    }

    private void vehiclesAndTraffic() {
        for (Person p : adults) {
            if (busy.contains(p) || p.death != null || p.ageAt(c.asOf) < 20 || p.ageAt(c.asOf) > 70 || !c.chance(0.25)) {
                continue;
            }
            String plate = c.plate();
            String status = c.chance(0.95) ? "正常" : "逾期未检验";
            c.vehicle(plate, "小型轿车", status, c.asOf.plusDays(c.between(-100, 700)), c.asOf.plusYears(10), p.name);
            if (c.chance(0.01)) {
                // An Excel number cell: the export lost the number's precision, so the row is flagged invalid-id.
                c.licence(Double.valueOf(p.id.substring(0, 17)), p.name, "C1", p.birth.plusYears(20), c.asOf.plusYears(3), "正常");
            } else {
                c.licence(p, "C1", p.birth.plusYears(c.between(18, 19)).plusDays(c.between(30, 300)), c.asOf.plusYears(c.between(1, 6)), "正常");
            }
            if (c.chance(0.4)) {
                String[] acts = {"超速行驶", "闯红灯", "违法停车", "不按规定车道行驶", "饮酒后驾驶机动车"};
                String act = acts[c.rng.nextInt(acts.length)];
                c.violation(c.chance(0.2) ? null : p, c.chance(0.3) ? plate.substring(0, 2) + "·" + plate.substring(2) : plate,
                        c.pastInstant(7, 22), act, act.contains("饮酒") ? 12 : c.between(0, 6));
            }
        }
    }

    /** Records of adults who work with no children: harmless offences, and listed ones far from any school. */
    private void records() {
        for (Person p : adults) {
            if (busy.contains(p) || p.ageAt(c.asOf) < 20 || !c.chance(0.03)) {
                continue;
            }
            boolean listed = c.chance(0.2);
            String offence = listed ? "故意伤害罪" : HARMLESS_OFFENCES[c.rng.nextInt(HARMLESS_OFFENCES.length)];
            boolean criminal = offence.endsWith("罪");
            c.record(p, criminal ? "刑事" : "行政", offence, c.asOf.minusDays(c.between(100, 5000)),
                    criminal ? "有期徒刑" + c.between(1, 5) + "年" : "行政拘留" + c.between(3, 10) + "日");
        }
    }

    private void hotels(List<Person[]> families) {
        List<City.Venue> hotels = c.venues.get("旅馆");
        int stays = Math.max(20, c.people.size() / 20);
        // 19 or older today: an adult on every day of the past year, so a lone stay raises nothing.
        List<Person> grown = adults.stream().filter(a -> a.ageAt(c.asOf) >= 19).toList();
        for (int i = 0; i < stays; i++) {
            Person p = c.pick(grown);
            if (p.death != null) {
                continue;
            }
            LocalDateTime in = c.pastInstant(12, 23);
            Object out = c.chance(0.1) ? null : in.toLocalDate().plusDays(c.between(1, 3)).atTime(c.between(7, 12), 0);
            String room = String.valueOf(c.between(1, 5) * 100 + c.between(1, 30));
            if (c.chance(0.003)) {
                room = "";  // a blank required cell: rejected
            }
            c.hotelStay(c.pick(hotels), room, p, in, out, null);
        }
        // Families travel together: the child's row carries a guardian's phone and both parents share the room.
        for (int i = 0; i < Math.max(5, families.size() / 10); i++) {
            Person[] fam = c.pick(families);
            List<Person> kids = new ArrayList<>();
            for (int k = 2; k < fam.length; k++) {
                if (fam[k].minorAt(c.asOf.minusDays(400))) {
                    kids.add(fam[k]);
                }
            }
            if (kids.isEmpty()) {
                continue;
            }
            City.Venue hotel = c.pick(hotels);
            LocalDateTime in = c.pastInstant(14, 20);
            LocalDateTime out = in.toLocalDate().plusDays(c.between(1, 3)).atTime(11, 0);
            String room = String.valueOf(c.between(1, 5) * 100 + c.between(31, 60));
            c.hotelStay(hotel, room, fam[0], in, out, null);
            c.hotelStay(hotel, room, fam[1], in, out, null);
            for (Person kid : kids) {
                if (kid.birth.isBefore(in.toLocalDate())) {
                    c.hotelStay(hotel, room, kid, in, out, fam[0].phone);
                }
            }
        }
    }

    private void netbarsAndChecks() {
        List<City.Venue> bars = c.venues.get("网吧");
        List<Person> young = adults.stream().filter(a -> a.ageAt(c.asOf) >= 19 && a.ageAt(c.asOf) <= 45).toList();
        if (young.isEmpty()) {
            return;
        }
        for (int i = 0; i < Math.max(20, c.people.size() / 15); i++) {
            Person p = c.pick(young);
            LocalDateTime start = c.pastInstant(9, 23);
            Object end = c.chance(0.05) ? null : start.plusMinutes(c.between(30, 400));
            if (c.chance(0.003)) {
                c.netbar(bars.get(0), p, "2026-13-45 10:00", end);  // impossible date: rejected
            } else if (c.chance(0.003)) {
                c.row("culture_netbar_sessions").with("记录编号", c.next("netbar", "SW" + City.HOME, 9))
                        .with("场所编码", c.pick(bars).code()).with("上机时间", start).with("下机时间", end)
                        .with("身份证号", City.corrupt(p.id)).with("姓名", p.name).add();  // invalid id: flagged
            } else {
                c.netbar(c.pick(bars), p, start, end);
            }
        }
        List<City.Venue> checked = new ArrayList<>(c.venues.get("歌舞娱乐"));
        checked.addAll(c.venues.get("酒吧"));
        checked.addAll(c.venues.get("剧本娱乐"));
        for (int i = 0; i < Math.max(5, c.people.size() / 300); i++) {
            String no = c.venueCheckNo();
            City.Venue v = c.pick(checked);
            LocalDateTime at = c.pastInstant(19, 23);
            for (int k = 0; k < c.between(1, 4); k++) {
                c.venueCheck(no, v, at, c.pick(young), "例行检查，未发现异常");
            }
        }
    }

    private void health() {
        for (int i = 0; i < Math.max(20, c.people.size() / 4); i++) {
            Person p = c.pick(c.people);
            LocalDateTime at = c.pastInstant(8, 20);
            if (!p.birth.isBefore(at.toLocalDate()) || p.death != null) {
                continue;
            }
            String[] d = p.minorAt(at.toLocalDate()) ? KID_DIAGNOSES[c.rng.nextInt(KID_DIAGNOSES.length)]
                    : ADULT_DIAGNOSES[c.rng.nextInt(ADULT_DIAGNOSES.length)];
            c.visit(c.pick(c.hospitals), p, at, d[0], d[1], p.minorAt(at.toLocalDate()) ? "儿科" : "内科");
        }
    }

    private void penaltiesAndCases() {
        List<Person> grown = adults.stream().filter(a -> a.ageAt(c.asOf) >= 20).toList();
        for (int i = 0; i < Math.max(5, c.people.size() / 100); i++) {
            Person offender = c.pick(grown);
            LocalDateTime at = c.pastInstant(8, 23);
            LocalDate decided = at.toLocalDate().plusDays(c.between(1, 20));
            if (c.chance(0.5)) {
                c.penalty("盗窃", offender, null, null, at, decided, c.chance(0.5) ? c.incidentNo() : null);
            } else {
                Person victim = c.pick(grown);
                if (victim == offender) {
                    continue;
                }
                c.penalty("殴打他人", offender, victim, c.chance(0.5) ? "轻微伤" : "无", c.chance(0.8) ? at : null, decided, null);
            }
        }
        for (int i = 0; i < Math.max(3, c.people.size() / 300); i++) {
            Person suspect = c.pick(grown);
            Person victim = c.pick(grown);
            c.criminalCase(c.chance(0.5) ? "盗窃案" : "诈骗案", c.asOf.minusDays(c.between(10, 700)),
                    c.chance(0.7) ? c.incidentNo() : null, suspect, victim == suspect ? null : victim);
        }
    }

    /** Left-behind children whose parents are alive: known to civil affairs, no lead. */
    private void civilAffairs(List<Person[]> families) {
        for (int i = 0; i < Math.max(2, families.size() / 40); i++) {
            Person[] fam = c.pick(families);
            for (int k = 2; k < fam.length; k++) {
                if (fam[k].minorAt(c.asOf)) {
                    c.civilChild(fam[k], "留守儿童", "父母外出务工，由祖父母照料");
                    break;
                }
            }
        }
        for (Person p : c.people) {
            if (!p.unregistered && p.minorAt(c.asOf) && p.ageAt(c.asOf) >= 16 && c.chance(0.02)) {
                c.mandatoryReport(c.pick(c.schools), p, c.pastInstant(8, 17), "学生情绪异常，学校依规报告");
            }
        }
    }
}

package org.tongxin.ingest.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.tongxin.model.id.Sex;
import org.tongxin.model.lead.LeadKey;

/**
 * Planted cases for every rule of models.md, each with the near misses at its boundaries. Every case uses people
 * of its own, so cases cannot disturb each other; what each must (or must not) raise goes into the answer key.
 */
final class PlantedCases {

    private final City c;
    private final Expected x;
    private final LocalDate d;

    PlantedCases(City c) {
        this.c = c;
        this.x = c.expected;
        this.d = c.asOf;
    }

    void plant(int rounds) {
        for (int i = 0; i < rounds; i++) {
            comprehensive();
            mandatoryReport();
            employmentCheck();
            schoolBus();
            venue();
            guardianship();
        }
        venueLevels();
    }

    private LocalDate recent() {
        return awayFromLeapDay(d.minusDays(c.between(40, 80)));
    }

    /**
     * Boundary cases put a birthday on an event's day or the day before; around 29 February such a birthday may
     * not exist (a 29 Feb birthday falls on 28 Feb in other years), so event days keep two days clear of it.
     */
    static LocalDate awayFromLeapDay(LocalDate t) {
        LocalDate x = t;
        while (isNearLeapDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    private static boolean isNearLeapDay(LocalDate t) {
        for (int i = -2; i <= 2; i++) {
            LocalDate y = t.plusDays(i);
            if (y.getMonthValue() == 2 && y.getDayOfMonth() == 29) {
                return true;
            }
        }
        return false;
    }

    /** A school-bus boundary on D itself (which the user picks): the answer follows the legal age. */
    private void expectDriverAge(String plate, Person driver, String why) {
        int age = org.tongxin.model.time.LegalAge.ageAt(driver.birth, d);
        if (age < 25 || age > 60) {
            x.lead(LeadKey.schoolBus(plate), "R5.5", why + " (age " + age + " at D)");
        } else {
            x.nearMiss(LeadKey.schoolBus(plate), why + " (age " + age + " at D)");
        }
    }

    private Person adult(int age, Sex sex) {
        Person p = c.aged(age, sex);
        c.household(p);
        return p;
    }

    /** Born so that {@code on} is exactly the Nth birthday (plus {@code shift} days later). */
    private Person nthBirthdayOn(int n, LocalDate on, int shift, Sex sex) {
        Person p = c.person(on.minusDays(shift).minusYears(n), sex);
        c.household(p);
        return p;
    }

    private Person minorAt(int age, LocalDate at, Sex sex) {
        Person p = c.agedAt(age, at, sex);
        c.household(p);
        return p;
    }

    // ---- comprehensive: R1.1, R1.2 --------------------------------------------------------------------------

    private void comprehensive() {
        LocalDate t = recent();
        LocalDateTime act = City.at(t, 15, 0);
        String k;

        k = c.penalty("猥亵他人", adult(35, Sex.MALE), minorAt(12, t, Sex.FEMALE), null, act, t.plusDays(3), null);
        x.lead(LeadKey.comprehensive(k), "R1.1", "indecency on a 12-year-old punished only administratively");

        Person v14 = nthBirthdayOn(14, t, 0, Sex.FEMALE);
        Person o16 = nthBirthdayOn(16, t, 1, Sex.MALE);
        k = c.penalty("猥亵他人", o16, v14, null, act, t.plusDays(2), null);
        x.lead(LeadKey.comprehensive(k), "R1.1", "victim on her 14th birthday (still under 14), offender a day past his 16th");

        k = c.penalty("猥亵他人", adult(30, Sex.MALE), nthBirthdayOn(14, t, 1, Sex.FEMALE), null, act, t.plusDays(2), null);
        x.nearMiss(LeadKey.comprehensive(k), "victim a day past her 14th birthday: 14, not under 14");

        k = c.penalty("猥亵他人", nthBirthdayOn(16, t, 0, Sex.MALE), minorAt(10, t, Sex.FEMALE), null, act, t.plusDays(2), null);
        x.nearMiss(LeadKey.comprehensive(k), "offender on his 16th birthday: still 15");

        k = c.penalty("殴打他人", adult(20, Sex.MALE), minorAt(15, t, Sex.MALE), "轻伤二级", null, t, null);
        x.lead(LeadKey.comprehensive(k), "R1.2", "minor slightly injured (轻伤二级), act time from the decision date");

        k = c.penalty("殴打他人", minorAt(15, t, Sex.MALE), minorAt(16, t, Sex.MALE), "重伤", act, t.plusDays(5), null);
        x.lead(LeadKey.comprehensive(k), "R1.2", "serious injury (重伤) by a 15-year-old: 14 or older suffices");

        k = c.penalty("殴打他人", minorAt(15, t, Sex.MALE), minorAt(16, t, Sex.MALE), "轻伤一级", act, t.plusDays(5), null);
        x.nearMiss(LeadKey.comprehensive(k), "轻伤 by a 15-year-old: 16 required");

        k = c.penalty("殴打他人", adult(30, Sex.MALE), minorAt(12, t, Sex.MALE), "轻微伤", act, t.plusDays(5), null);
        x.nearMiss(LeadKey.comprehensive(k), "轻微伤 does not start with 轻伤");

        String incident = c.incidentNo();
        Person o = adult(28, Sex.MALE);
        Person v = minorAt(15, t, Sex.FEMALE);
        k = c.penalty("殴打他人", o, v, "轻伤二级", act, t.plusDays(4), incident);
        c.criminalCase("故意伤害案", d.minusDays(400), incident, null, null);
        x.nearMiss(LeadKey.comprehensive(k), "a criminal case with the same 关联警情编号 exists (filed long before)");

        LocalDate early = awayFromLeapDay(t.minusDays(210));
        LocalDateTime earlyAct = City.at(early, 15, 0);
        o = adult(33, Sex.MALE);
        v = minorAt(13, early, Sex.MALE);
        k = c.penalty("殴打他人", o, v, "轻伤二级", earlyAct, early.plusDays(10), null);
        c.criminalCase("故意伤害案", early.plusDays(10).plusDays(180), null, o, v);
        x.nearMiss(LeadKey.comprehensive(k), "criminal case with suspect and victim filed 180 days after the decision");

        o = adult(33, Sex.MALE);
        v = minorAt(13, early, Sex.MALE);
        k = c.penalty("殴打他人", o, v, "轻伤二级", earlyAct, early.plusDays(10), null);
        c.criminalCase("故意伤害案", early.plusDays(10).plusDays(181), null, o, v);
        x.lead(LeadKey.comprehensive(k), "R1.2", "criminal case filed 181 days after the decision: too late to cover it");

        Person self = minorAt(17, t, Sex.MALE);
        k = c.penalty("殴打他人", self, self, "轻伤二级", act, t.plusDays(1), null);
        x.nearMiss(LeadKey.comprehensive(k), "the penalised person and the victim are the same person");

        Person hidden = minorAt(12, t, Sex.FEMALE);
        Person o2 = adult(40, Sex.MALE);
        k = c.penalty(c.next("penalty", "GAXJ" + City.HOME, 7), "猥亵他人", o2.id, o2.name, City.corrupt(hidden.id),
                hidden.name, null, act, t.plusDays(1), null);
        x.nearMiss(LeadKey.comprehensive(k), "victim's identity number invalid: no condition about the victim holds");

        k = c.penalty("猥亵他人", adult(45, Sex.MALE), minorAt(11, t, Sex.FEMALE), "轻伤二级", act, t.plusDays(3), null);
        x.lead(LeadKey.comprehensive(k), "R1.1", "indecency with slight injury on an 11-year-old");
        x.lead(LeadKey.comprehensive(k), "R1.2", "indecency with slight injury on an 11-year-old");
    }

    // ---- mandatory-report: R2.1–R2.5 ------------------------------------------------------------------------

    private String visit(Person p, LocalDateTime at, String icd, String name) {
        return c.visit(c.hospitals.get(0), p, at, icd, name, "急诊科");
    }

    private void mandatoryReport() {
        LocalDate t = recent();
        LocalDateTime at = City.at(t, 10, 30);
        String k;

        k = visit(minorAt(13, t, Sex.FEMALE), at, "O80.0", "单胎顺产");
        x.lead(LeadKey.mandatoryReport(k), "R2.1", "a 13-year-old girl gives birth");
        k = visit(nthBirthdayOn(14, t, 0, Sex.FEMALE), at, "Z34.0", "正常首次妊娠监督");
        x.lead(LeadKey.mandatoryReport(k), "R2.1", "pregnancy on the girl's 14th birthday (still under 14)");
        k = visit(nthBirthdayOn(14, t, 1, Sex.FEMALE), at, "O80", "单胎顺产");
        x.nearMiss(LeadKey.mandatoryReport(k), "girl a day past her 14th birthday: R2.1 needs under 14, no other rule");
        k = visit(minorAt(10, t, Sex.MALE), at, "T74.2", "性虐待");
        x.lead(LeadKey.mandatoryReport(k), "R2.2", "sexual abuse of a 10-year-old boy");
        k = visit(minorAt(15, t, Sex.FEMALE), at, "S31.4", "阴道和外阴开放性伤口");
        x.lead(LeadKey.mandatoryReport(k), "R2.2", "genital injury");
        k = visit(minorAt(15, t, Sex.FEMALE), at, "S31.1", "腹壁开放性伤口");
        x.nearMiss(LeadKey.mandatoryReport(k), "S31.1 is outside S31.2–S31.5");
        k = visit(minorAt(9, t, Sex.MALE), at, "T74.1", "身体虐待");
        x.lead(LeadKey.mandatoryReport(k), "R2.3", "physical abuse");
        k = visit(minorAt(9, t, Sex.MALE), at, "Y04", "徒手攻击");
        x.lead(LeadKey.mandatoryReport(k), "R2.3", "assault by bodily force (X85–Y09)");
        k = visit(minorAt(11, t, Sex.FEMALE), at, "T07", "多处损伤");
        x.lead(LeadKey.mandatoryReport(k), "R2.3", "multiple injuries");
        k = visit(minorAt(16, t, Sex.FEMALE), at, "X61", "故意服药自我中毒");
        x.lead(LeadKey.mandatoryReport(k), "R2.4", "intentional self-harm");
        k = visit(minorAt(4, t, Sex.MALE), at, "E43", "重度蛋白质-能量营养不良");
        x.lead(LeadKey.mandatoryReport(k), "R2.5", "severe malnutrition");

        Person m = minorAt(12, t, Sex.FEMALE);
        k = visit(m, at, "T74.2", "性虐待");
        c.mandatoryReport(c.hospitals.get(0), m, City.at(t.minusDays(1), 9, 0), "疑似性侵害");
        x.nearMiss(LeadKey.mandatoryReport(k), "reported the day before the visit");
        m = minorAt(12, t, Sex.FEMALE);
        k = visit(m, at, "T74.2", "性虐待");
        c.mandatoryReport(c.schools.get(0), m, City.at(t.plusDays(7), 23, 0), "疑似性侵害");
        x.nearMiss(LeadKey.mandatoryReport(k), "reported 7 days after the visit (by another unit)");
        m = minorAt(12, t, Sex.FEMALE);
        k = visit(m, at, "T74.1", "身体虐待");
        c.mandatoryReport(c.hospitals.get(0), m, City.at(t.plusDays(8), 8, 0), "疑似虐待");
        x.lead(LeadKey.mandatoryReport(k), "R2.3", "reported only 8 days later");
        m = minorAt(12, t, Sex.FEMALE);
        k = visit(m, at, "T74.1", "身体虐待");
        c.mandatoryReport(c.hospitals.get(0), m, City.at(t.minusDays(2), 8, 0), "疑似虐待");
        x.lead(LeadKey.mandatoryReport(k), "R2.3", "a report 2 days before the visit does not cover it");
        m = minorAt(8, t, Sex.MALE);
        k = visit(m, at, "T74.1", "身体虐待");
        c.criminalCase("虐待案", t.plusDays(30), null, adult(38, Sex.MALE), m);
        x.nearMiss(LeadKey.mandatoryReport(k), "criminal case with the child as victim filed 30 days after the visit");
        m = minorAt(8, t, Sex.MALE);
        k = visit(m, at, "T74.1", "身体虐待");
        c.criminalCase("虐待案", t.plusDays(31), null, adult(38, Sex.MALE), m);
        x.lead(LeadKey.mandatoryReport(k), "R2.3", "criminal case filed 31 days after the visit: too late");
        k = visit(nthBirthdayOn(18, t, 1, Sex.FEMALE), at, "T74.2", "性虐待");
        x.nearMiss(LeadKey.mandatoryReport(k), "patient a day past her 18th birthday: an adult");
        k = visit(nthBirthdayOn(18, t, 0, Sex.FEMALE), at, "T74.2", "性虐待");
        x.lead(LeadKey.mandatoryReport(k), "R2.2", "patient on her 18th birthday: still a minor");
        Person hidden = minorAt(12, t, Sex.FEMALE);
        k = c.next("visit", "JZ" + City.HOME, 9);
        c.row("health_visits").with("就诊流水号", k).with("医疗机构代码", c.hospitals.get(0).code()).with("就诊时间", at)
                .with("身份证号", City.corrupt(hidden.id)).with("姓名", hidden.name).with("诊断编码", "T74.2").add();
        x.nearMiss(LeadKey.mandatoryReport(k), "patient's identity number invalid");
    }

    // ---- employment-check: R3.1, R3.2 -----------------------------------------------------------------------

    private City.Unit school(String kind) {
        return c.schools.stream().filter(s -> s.kind().equals(kind)).findFirst()
                .orElseGet(() -> c.employers.stream().filter(e -> e.kind().equals(kind)).findFirst().orElseThrow());
    }

    private City.Unit other() {
        return c.employers.stream().filter(e -> e.kind().equals("其他")).findFirst().orElseThrow();
    }

    private void employmentCheck() {
        Person p = adult(45, Sex.MALE);
        City.Unit u = school("小学");
        c.record(p, "刑事", "猥亵儿童罪", d.minusYears(8), "有期徒刑三年");
        c.staff(p, u, "体育教师", d.minusYears(3), null, null);
        x.lead(LeadKey.employmentCheck(p.id, u.code()), "R3.1", "hired with a record of indecency, no inquiry made");

        p = adult(38, Sex.MALE);
        u = school("幼儿园");
        c.staff(p, u, "保安", d.minusYears(2), null, d.minusYears(2).minusDays(5));
        c.record(p, "刑事", "故意伤害罪", d.minusDays(100), "有期徒刑一年，缓刑一年");
        x.lead(LeadKey.employmentCheck(p.id, u.code()), "R3.2", "record after hiring: must be dismissed");

        p = adult(41, Sex.MALE);
        u = school("校外培训机构");
        c.record(p, "行政", "殴打他人", d.minusYears(6), "行政拘留十日");
        c.record(p, "刑事", "强奸罪", d.minusYears(1), "有期徒刑三年");
        c.staff(p, u, "辅导老师", d.minusYears(4), null, d.minusYears(4));
        x.lead(LeadKey.employmentCheck(p.id, u.code()), "R3.1", "records before and after hiring");
        x.lead(LeadKey.employmentCheck(p.id, u.code()), "R3.2", "records before and after hiring");

        p = adult(50, Sex.MALE);
        u = other();
        c.record(p, "刑事", "强奸罪", d.minusYears(15), "有期徒刑五年");
        c.staff(p, u, "司机", d.minusYears(2), null, null);
        x.nearMiss(LeadKey.employmentCheck(p.id, u.code()), "unit type 其他 is not close contact");

        p = adult(36, Sex.FEMALE);
        u = school("托育机构");
        c.record(p, "刑事", "虐待罪", d.minusYears(6), "拘役六个月");
        c.staff(p, u, "保育员", d.minusYears(2), d, null);
        x.nearMiss(LeadKey.employmentCheck(p.id, u.code()), "left on the as-of date: not employed at D");

        p = adult(36, Sex.FEMALE);
        u = school("托育机构");
        c.record(p, "刑事", "虐待罪", d.minusYears(6), "拘役六个月");
        c.staff(p, u, "保育员", d.minusYears(2), d.plusDays(1), null);
        x.lead(LeadKey.employmentCheck(p.id, u.code()), "R3.1", "leaves the day after D: still employed");

        p = adult(30, Sex.MALE);
        u = school("初中");
        c.record(p, "刑事", "盗窃罪", d.minusYears(5), "有期徒刑一年");
        c.staff(p, u, "教师", d.minusYears(1), null, d.minusYears(1));
        x.nearMiss(LeadKey.employmentCheck(p.id, u.code()), "theft is not a disqualifying record");

        p = adult(32, Sex.MALE);
        u = school("高中");
        c.record(p, "刑事", "抢劫罪", d.minusYears(5), "有期徒刑三年");
        c.staff(p, u, "教师", d.plusDays(1), null, null);
        x.nearMiss(LeadKey.employmentCheck(p.id, u.code()), "hired the day after D: not yet employed");

        p = adult(32, Sex.MALE);
        u = school("高中");
        c.record(p, "刑事", "抢劫罪", d.minusYears(5), "有期徒刑三年");
        c.staff(p, u, "教师", d, null, d.minusDays(3));
        x.lead(LeadKey.employmentCheck(p.id, u.code()), "R3.1", "hired on D despite a robbery record");

        p = adult(44, Sex.MALE);
        u = school("儿童福利机构");
        c.record(p, "刑事", "拐卖儿童罪", d.minusYears(9), "有期徒刑五年");
        c.staff(City.corrupt(p.id), p.name, u, "护工", d.minusYears(1), null, null);
        x.nearMiss(LeadKey.employmentCheck(City.corrupt(p.id), u.code()), "staff identity number invalid: cannot be linked");
    }

    // ---- school-bus: R5.1–R5.6 ------------------------------------------------------------------------------

    /** A driver who meets every driver rule; licence as given. */
    private Person driver(int age) {
        Person p = adult(age, Sex.MALE);
        c.licence(p, "A1", d.minusYears(12), d.plusYears(3), "正常");
        return p;
    }

    private City.Unit primary() {
        return school("小学");
    }

    /** The first school of the kind that fits the child's age on the city's date, so its grade fits too. */
    private City.Unit schoolFor(Person kid) {
        return school(City.schoolKind(kid.ageAt(c.asOf)));
    }

    /** A bus that is clean in every respect unless the caller spoils one part. */
    private String cleanBus(String vehicleType, String status, LocalDate inspection, LocalDate scrap,
                            LocalDate permitTo, String permitStatus, Person driver) {
        String plate = c.plate();
        City.Unit s = primary();
        if (vehicleType != null) {
            c.vehicle(plate, vehicleType, status, inspection, scrap, s.name());
        }
        if (permitTo != null) {
            c.permit("校车使用许可", s, plate, d.minusDays(100), permitTo, permitStatus);
        }
        c.bus(plate, s, driver);
        return plate;
    }

    private String bus(Person driver) {
        return cleanBus("大型普通客车", "正常", d.plusDays(100), d.plusYears(5), d.plusDays(200), "有效", driver);
    }

    private void schoolBus() {
        String p;
        p = cleanBus(null, null, null, null, d.plusDays(100), "有效", driver(40));
        x.lead(LeadKey.schoolBus(p), "R5.1", "no vehicle record for the plate");
        p = cleanBus("大型普通客车", "逾期未检验", d.minusDays(1), d.plusYears(5), d.plusDays(200), "有效", driver(40));
        x.lead(LeadKey.schoolBus(p), "R5.2", "inspection expired the day before D");
        p = cleanBus("大型普通客车", "正常", d, d.plusYears(5), d.plusDays(200), "有效", driver(40));
        x.nearMiss(LeadKey.schoolBus(p), "inspection valid until D itself");
        p = cleanBus("中型普通客车", "正常", d.plusDays(50), d.minusDays(3), d.plusDays(200), "有效", driver(40));
        x.lead(LeadKey.schoolBus(p), "R5.2", "past its compulsory scrapping date");
        p = cleanBus("大型普通客车", "正常", d.plusDays(50), d.plusYears(3), d.minusDays(1), "有效", driver(40));
        x.lead(LeadKey.schoolBus(p), "R5.3", "school-bus permit expired the day before D");
        p = cleanBus("大型普通客车", "正常", d.plusDays(50), d.plusYears(3), d, null, driver(40));
        x.nearMiss(LeadKey.schoolBus(p), "permit valid until D, status blank");
        p = cleanBus("大型普通客车", "正常", d.plusDays(50), d.plusYears(3), d.plusDays(90), "注销", driver(40));
        x.lead(LeadKey.schoolBus(p), "R5.3", "permit cancelled (注销)");
        p = cleanBus(null, null, null, null, null, null, driver(40));
        x.lead(LeadKey.schoolBus(p), "R5.1", "neither vehicle record nor permit");
        x.lead(LeadKey.schoolBus(p), "R5.3", "neither vehicle record nor permit");

        Person dr = adult(40, Sex.MALE);
        c.licence(dr, "B1", d.minusYears(12), d.plusYears(3), "正常");
        p = bus(dr);
        x.lead(LeadKey.schoolBus(p), "R5.4", "B1 may not drive a 大型 bus");
        dr = adult(40, Sex.MALE);
        c.licence(dr, "B1", d.minusYears(12), d.plusYears(3), "正常");
        p = cleanBus("中型普通客车", "正常", d.plusDays(100), d.plusYears(5), d.plusDays(200), "有效", dr);
        x.nearMiss(LeadKey.schoolBus(p), "B1 may drive a 中型 bus");
        dr = adult(40, Sex.MALE);
        c.licence(dr, "A1A2", d.minusYears(12), d.plusYears(3), "吊销");
        p = bus(dr);
        x.lead(LeadKey.schoolBus(p), "R5.4", "driver's licence revoked");
        dr = adult(40, Sex.MALE);
        c.licence(dr, "A1", d.minusYears(12), d.minusDays(1), "正常");
        p = bus(dr);
        x.lead(LeadKey.schoolBus(p), "R5.4", "driver's licence expired");
        p = bus(adult(40, Sex.MALE));
        x.lead(LeadKey.schoolBus(p), "R5.4", "driver has no licence at all");
        dr = adult(40, Sex.MALE);
        c.licence(dr, "C1", d.minusYears(12), d.plusYears(3), "正常");
        p = cleanBus("小型普通客车", "正常", d.plusDays(100), d.plusYears(5), d.plusDays(200), "有效", dr);
        x.nearMiss(LeadKey.schoolBus(p), "C1 may drive a 小型 bus");

        dr = adult(40, Sex.MALE);
        c.licence(dr, "A1", d.minusYears(2), d.plusYears(4), "正常");
        p = bus(dr);
        x.lead(LeadKey.schoolBus(p), "R5.5", "licence first issued 2 years ago");
        dr = adult(40, Sex.MALE);
        c.licence(dr, "A1", d.minusYears(3), d.plusYears(4), "正常");
        p = bus(dr);
        x.nearMiss(LeadKey.schoolBus(p), "licence first issued exactly 3 years before D");
        dr = nthBirthdayOn(25, d, 0, Sex.MALE);
        c.licence(dr, "A1", d.minusYears(6), d.plusYears(4), "正常");
        expectDriverAge(bus(dr), dr, "driver's 25th birthday is D: still 24");
        dr = nthBirthdayOn(25, d, 1, Sex.MALE);
        c.licence(dr, "A1", d.minusYears(6), d.plusYears(4), "正常");
        expectDriverAge(bus(dr), dr, "driver turned 25 on D (birthday the day before)");
        dr = nthBirthdayOn(61, d, 0, Sex.MALE);
        c.licence(dr, "A1", d.minusYears(30), d.plusYears(4), "正常");
        expectDriverAge(bus(dr), dr, "driver's 61st birthday is D: still 60");
        dr = nthBirthdayOn(61, d, 1, Sex.MALE);
        c.licence(dr, "A1", d.minusYears(30), d.plusYears(4), "正常");
        expectDriverAge(bus(dr), dr, "driver is 61");

        dr = driver(45);
        c.violation(dr, null, City.at(d.minusDays(300), 22, 0), "醉酒驾驶机动车", 12);
        p = bus(dr);
        x.lead(LeadKey.schoolBus(p), "R5.6", "driver was caught drunk-driving");
        dr = driver(45);
        c.record(dr, "刑事", "盗窃罪", d.minusYears(10), "有期徒刑一年");
        p = bus(dr);
        x.lead(LeadKey.schoolBus(p), "R5.6", "driver has a criminal record");
        dr = driver(45);
        c.record(dr, "行政", "赌博", d.minusYears(2), "罚款500元");
        p = bus(dr);
        x.nearMiss(LeadKey.schoolBus(p), "an administrative record does not disqualify a driver");

        String plate = c.plate();
        City.Unit s = primary();
        c.vehicle(plate.substring(0, 2) + " " + plate.substring(2), "大型普通客车", "正常", d.plusDays(99), d.plusYears(4), s.name());
        c.permit("校车使用许可", s, plate.substring(0, 2) + "-" + plate.substring(2), d.minusDays(30), d.plusDays(300), "有效");
        c.bus(plate.substring(0, 2) + "·" + plate.substring(2), s, driver(44));
        x.nearMiss(LeadKey.schoolBus(plate), "plate written three ways (鲁F·…, 鲁F …, 鲁F-…): one clean bus");

        dr = driver(45);
        plate = c.plate();
        c.vehicle(plate, "大型普通客车", "正常", d.minusDays(10), d.plusYears(4), s.name());
        c.permit("校车使用许可", s, plate, d.minusDays(30), d.plusDays(300), "有效");
        c.bus(plate, s, City.corrupt(dr.id), dr.name);
        x.lead(LeadKey.schoolBus(plate), "R5.2", "inspection expired; the driver's number is invalid so R5.4–R5.6 cannot hold");

        plate = c.plate();
        c.vehicle(plate, "大型普通客车", "正常", d.plusDays(100), d.plusYears(4), s.name());
        c.permit("校车使用许可", s, plate, d.minusDays(30), d.plusDays(300), "有效");
        c.bus(plate, s, City.corrupt(driver(40).id), "无效号码司机");
        x.nearMiss(LeadKey.schoolBus(plate), "clean vehicle, driver number invalid: R5.4–R5.6 cannot hold");

        plate = c.plate();
        c.vehicle(plate, "大型普通客车", "正常", d.plusDays(100), d.plusYears(4), s.name());
        c.permit("校车使用许可", s, plate, d.minusDays(30), d.plusDays(300), "有效");
        c.bus(plate, s, driver(40));
        dr = driver(42);
        c.violation(dr, plate, City.at(d.minusDays(30), 23, 0), "饮酒后驾驶机动车", 12);
        c.bus(plate, s, dr);
        x.lead(LeadKey.schoolBus(plate), "R5.6", "second registration of the plate has a drink-driving driver");
    }

    // ---- venue: R6.1–R6.5 -----------------------------------------------------------------------------------

    private City.Venue hotel(int i) {
        List<City.Venue> h = c.venues.get("旅馆");
        return h.get(i % h.size());
    }

    private String room() {
        return String.valueOf(800 + c.between(1, 99)) + c.next("plantedRoom", "-", 4);
    }

    private void venue() {
        LocalDate t = awayFromLeapDay(d.minusDays(c.between(10, 60)));
        City.Venue h = hotel(0);
        String room = room();
        Person girl = minorAt(15, t, Sex.FEMALE);
        Person man = adult(35, Sex.MALE);
        c.hotelStay(h, room, man, City.at(t, 21, 30), City.at(t.plusDays(1), 10, 0), null);
        String k = c.hotelStay(h, room, girl, City.at(t, 22, 0), City.at(t.plusDays(1), 9, 0), c.phone());
        x.venueLead(h.code(), LeadKey.venue(k), City.at(t, 22, 0), "R6.1", "a 15-year-old in a room with an unrelated adult");

        room = room();
        girl = minorAt(14, t, Sex.FEMALE);
        c.hotelStay(h, room, adult(42, Sex.MALE), City.at(t, 20, 0), City.at(t.plusDays(1), 8, 0), null);
        k = c.hotelStay(h, room, girl, City.at(t, 20, 10), City.at(t.plusDays(1), 8, 0), null);
        x.venueLead(h.code(), LeadKey.venue(k), City.at(t, 20, 10), "R6.1", "unrelated adult, and the hotel never asked for a guardian");
        x.venueLead(h.code(), LeadKey.venue(k), City.at(t, 20, 10), "R6.2", "unrelated adult, and the hotel never asked for a guardian");

        City.Venue h2 = hotel(1);
        room = room();
        Person father = adult(44, Sex.MALE);
        Person mother = adult(40, Sex.FEMALE);
        girl = minorAt(13, t, Sex.FEMALE);
        c.household(mother, girl);
        c.student(girl, schoolFor(girl), father, "父亲", mother, "母亲");
        c.hotelStay(h2, room, father, City.at(t, 19, 0), City.at(t.plusDays(1), 9, 0), null);
        k = c.hotelStay(h2, room, girl, City.at(t, 19, 0), City.at(t.plusDays(1), 9, 0), father.phone);
        x.nearMiss(LeadKey.venue(k), "the adult in the room is her guardian (other household)");

        room = room();
        Person uncle = c.aged(33, Sex.MALE);
        Person boy = minorAt(12, t, Sex.MALE);
        c.household(uncle, boy);
        c.hotelStay(h2, room, uncle, City.at(t, 19, 0), City.at(t.plusDays(1), 9, 0), null);
        k = c.hotelStay(h2, room, boy, City.at(t, 19, 0), City.at(t.plusDays(1), 9, 0), uncle.phone);
        x.nearMiss(LeadKey.venue(k), "the adult in the room is in the same household");

        room = room();
        girl = minorAt(16, t, Sex.FEMALE);
        c.hotelStay(h2, room, adult(30, Sex.MALE), City.at(t.minusDays(1), 12, 0), City.at(t, 12, 0), null);
        k = c.hotelStay(h2, room, girl, City.at(t, 12, 0), City.at(t, 18, 0), c.phone());
        x.nearMiss(LeadKey.venue(k), "adult checked out the minute she checked in: half-open intervals do not overlap");

        room = room();
        girl = minorAt(16, t, Sex.FEMALE);
        c.hotelStay(h2, room, adult(30, Sex.MALE), City.at(t, 8, 0), null, null);
        k = c.hotelStay(h2, room, girl, City.at(t, 19, 59), City.at(t, 23, 0), c.phone());
        x.venueLead(h2.code(), LeadKey.venue(k), City.at(t, 19, 59), "R6.1", "adult with no check-out (12 h) still in the room");
        room = room();
        girl = minorAt(16, t, Sex.FEMALE);
        c.hotelStay(h2, room, adult(30, Sex.MALE), City.at(t, 8, 0), null, null);
        k = c.hotelStay(h2, room, girl, City.at(t, 20, 0), City.at(t, 23, 0), c.phone());
        x.nearMiss(LeadKey.venue(k), "adult's stay with no check-out ended 12 h after check-in, when she arrived");

        room = room();
        boy = minorAt(16, t, Sex.MALE);
        k = c.hotelStay(h2, room, boy, City.at(t, 14, 0), City.at(t, 20, 0), null);
        x.venueLead(h2.code(), LeadKey.venue(k), City.at(t, 14, 0), "R6.2", "a 16-year-old alone, no guardian phone asked");

        List<City.Venue> bars = c.venues.get("网吧");
        City.Venue bar = bars.get(bars.size() - 1);
        k = c.netbar(bar, minorAt(15, t, Sex.MALE), City.at(t, 14, 0), City.at(t, 17, 0));
        x.venueLead(bar.code(), LeadKey.venue(k), City.at(t, 14, 0), "R6.3", "a 15-year-old at a netbar");
        k = c.netbar(bar, nthBirthdayOn(18, t, 0, Sex.MALE), City.at(t, 10, 0), City.at(t, 12, 0));
        x.venueLead(bar.code(), LeadKey.venue(k), City.at(t, 10, 0), "R6.3", "on his 18th birthday: still a minor");
        k = c.netbar(bar, nthBirthdayOn(18, t, 1, Sex.MALE), City.at(t, 10, 0), City.at(t, 12, 0));
        x.nearMiss(LeadKey.venue(k), "a day past his 18th birthday");
        Person hidden = minorAt(15, t, Sex.MALE);
        k = c.next("netbar", "SW" + City.HOME, 9);
        c.row("culture_netbar_sessions").with("记录编号", k).with("场所编码", bar.code()).with("上机时间", City.at(t, 15, 0))
                .with("身份证号", City.corrupt(hidden.id)).with("姓名", hidden.name).add();
        x.nearMiss(LeadKey.venue(k), "minor with an invalid identity number");

        City.Venue ktv = c.venues.get("歌舞娱乐").get(0);
        Person kid = minorAt(16, t, Sex.FEMALE);
        String no = c.venueCheckNo();
        c.venueCheck(no, ktv, City.at(t, 21, 0), kid, "发现未成年人");
        c.venueCheck(no, ktv, City.at(t, 21, 0), adult(25, Sex.MALE), "");
        x.venueLead(ktv.code(), LeadKey.venueCheck(no, kid.id), City.at(t, 21, 0), "R6.4", "minor found in a KTV");
        City.Venue tea = c.venues.get("其他").get(0);
        kid = minorAt(16, t, Sex.FEMALE);
        no = c.venueCheckNo();
        c.venueCheck(no, tea, City.at(t, 21, 0), kid, "");
        x.nearMiss(LeadKey.venueCheck(no, kid.id), "a minor at a venue of type 其他");

        City.Venue script = c.venues.get("剧本娱乐").get(0);
        int[][] times = {{22, 30, 1}, {5, 59, 1}, {21, 59, 0}, {6, 0, 0}};
        for (int[] tm : times) {
            kid = minorAt(15, t, Sex.MALE);
            no = c.venueCheckNo();
            LocalDateTime at = City.at(t, tm[0], tm[1]);
            c.venueCheck(no, script, at, kid, "");
            if (tm[2] == 1) {
                x.venueLead(script.code(), LeadKey.venueCheck(no, kid.id), at, "R6.5", "minor at a script game at " + at.toLocalTime());
            } else {
                x.nearMiss(LeadKey.venueCheck(no, kid.id), "script game at " + at.toLocalTime() + ": not night");
            }
        }
        kid = minorAt(15, t, Sex.MALE);
        no = c.venueCheckNo();
        c.venueCheck(no, script, t, kid, "");
        x.nearMiss(LeadKey.venueCheck(no, kid.id), "script game check with a date only: never meets a time-of-day condition");
    }

    /** A netbar that turns red by count (3 leads in 90 days), and one whose only lead is older than 90 days. */
    private void venueLevels() {
        List<City.Venue> bars = c.venues.get("网吧");
        City.Venue red = bars.get(0);
        for (int i = 0; i < 3; i++) {
            LocalDate t = d.minusDays(5 + i * 20);
            String k = c.netbar(red, minorAt(14, t, Sex.MALE), City.at(t, 15, 0), City.at(t, 18, 0));
            x.venueLead(red.code(), LeadKey.venue(k), City.at(t, 15, 0), "R6.3", "third of three netbar visits by minors");
        }
        City.Venue old = bars.get(1);
        LocalDate t = d.minusDays(91);
        String k = c.netbar(old, minorAt(14, t, Sex.MALE), City.at(t, 15, 0), City.at(t, 18, 0));
        x.venueLead(old.code(), LeadKey.venue(k), City.at(t, 15, 0), "R6.3", "91 days before D: outside the venue level window");
        t = d.minusDays(90);
        k = c.netbar(old, minorAt(14, t, Sex.MALE), City.at(t, 0, 5), City.at(t, 2, 0));
        x.venueLead(old.code(), LeadKey.venue(k), City.at(t, 0, 5), "R6.3", "exactly 90 days before D: inside the window");
    }

    // ---- guardianship: R7.1–R7.3 ----------------------------------------------------------------------------

    /** A child enrolled with two living guardians in its household. */
    private Person[] enrolledChild(int age, Sex sex) {
        Person father = adult(c.between(35, 45), Sex.MALE);
        Person mother = c.aged(c.between(33, 43), Sex.FEMALE);
        Person kid = c.aged(age, sex);
        c.household(father, mother, kid);
        c.student(kid, schoolFor(kid), father, "父亲", mother, "母亲");
        return new Person[] {kid, father, mother};
    }

    /** A netbar session that may cross midnight; a minor's session is also an R6.3 lead. */
    private void nightAtNetbar(Person kid, City.Venue bar, LocalDateTime start, LocalDateTime end) {
        String k = c.netbar(bar, kid, start, end);
        if (kid.minorAt(start.toLocalDate())) {
            x.venueLead(bar.code(), LeadKey.venue(k), start, "R6.3", "night at a netbar");
        }
    }

    private void guardianship() {
        List<City.Venue> bars = c.venues.get("网吧");
        City.Venue bar = bars.get(Math.min(2, bars.size() - 1));
        LocalDate n = awayFromLeapDay(d.minusDays(c.between(40, 60)));

        Person kid = enrolledChild(15, Sex.MALE)[0];
        for (int off : new int[] {0, 10, 29}) {
            nightAtNetbar(kid, bar, City.at(n.plusDays(off), 23, 0), City.at(n.plusDays(off + 1), 1, 30));
        }
        x.lead(LeadKey.guardianship(kid.id), "R7.1", "out three nights within 30 days (first and last 29 days apart)");

        kid = enrolledChild(14, Sex.FEMALE)[0];
        City.Venue ktv = c.venues.get("歌舞娱乐").get(0);
        c.hotelStay(hotel(2), room(), kid, City.at(n, 21, 0), City.at(n.plusDays(1), 8, 0), c.phone());
        String no = c.venueCheckNo();
        c.venueCheck(no, ktv, City.at(n.plusDays(6), 2, 0), kid, "凌晨检查发现未成年人");
        x.venueLead(ktv.code(), LeadKey.venueCheck(no, kid.id), City.at(n.plusDays(6), 2, 0), "R6.4", "minor found in a KTV at 02:00");
        nightAtNetbar(kid, bar, City.at(n.plusDays(13), 0, 0), City.at(n.plusDays(13), 3, 0));
        x.lead(LeadKey.guardianship(kid.id), "R7.1", "nights out: a hotel stay alone, a KTV check at 02:00, a netbar at 00:00");

        kid = enrolledChild(15, Sex.MALE)[0];
        for (int off : new int[] {0, 15, 30}) {
            nightAtNetbar(kid, bar, City.at(n.plusDays(off), 23, 0), City.at(n.plusDays(off + 1), 1, 0));
        }
        x.nearMiss(LeadKey.guardianship(kid.id), "three nights spread over 31 days (first and last 30 days apart)");

        kid = enrolledChild(15, Sex.MALE)[0];
        nightAtNetbar(kid, bar, City.at(n, 23, 0), City.at(n.plusDays(1), 1, 0));
        nightAtNetbar(kid, bar, City.at(n.plusDays(3), 23, 0), City.at(n.plusDays(4), 1, 0));
        nightAtNetbar(kid, bar, City.at(n.plusDays(5), 20, 0), City.at(n.plusDays(6), 0, 0));
        no = c.venueCheckNo();
        c.venueCheck(no, ktv, City.at(n.plusDays(8), 5, 0), kid, "");
        x.venueLead(ktv.code(), LeadKey.venueCheck(no, kid.id), City.at(n.plusDays(8), 5, 0), "R6.4", "minor in a KTV at 05:00");
        x.nearMiss(LeadKey.guardianship(kid.id), "a session ending at 00:00 and a check at 05:00 are not nights out");

        Person[] fam = enrolledChild(13, Sex.FEMALE);
        kid = fam[0];
        String room = room();
        c.hotelStay(hotel(2), room, fam[1], City.at(n, 20, 0), City.at(n.plusDays(1), 9, 0), null);
        c.hotelStay(hotel(2), room, kid, City.at(n, 20, 0), City.at(n.plusDays(1), 9, 0), fam[1].phone);
        nightAtNetbar(kid, bar, City.at(n.plusDays(2), 23, 0), City.at(n.plusDays(3), 1, 0));
        nightAtNetbar(kid, bar, City.at(n.plusDays(4), 23, 0), City.at(n.plusDays(5), 1, 0));
        x.nearMiss(LeadKey.guardianship(kid.id), "the hotel night was spent with her father in the room");

        kid = enrolledChild(15, Sex.MALE)[0];
        nightAtNetbar(kid, bar, City.at(n, 23, 0), City.at(n.plusDays(1), 1, 0));
        nightAtNetbar(kid, bar, City.at(n.plusDays(1), 23, 0), City.at(n.plusDays(2), 1, 0));
        String k = c.netbar(bar, kid, n.plusDays(2), null);
        x.venueLead(bar.code(), LeadKey.venue(k), n.plusDays(2).atStartOfDay(), "R6.3", "netbar session with a date only");
        x.nearMiss(LeadKey.guardianship(kid.id), "the third session has a date only: never meets a time-of-day condition");

        Person adultNow = nthBirthdayOn(18, d, 5, Sex.MALE);
        c.student(adultNow, school("高中"), null, null, null, null);
        for (int off : new int[] {0, 5, 10}) {
            nightAtNetbar(adultNow, bar, City.at(n.plusDays(off), 23, 0), City.at(n.plusDays(off + 1), 1, 0));
        }
        x.nearMiss(LeadKey.guardianship(adultNow.id), "out three nights while a minor, but an adult at D");

        fam = enrolledChild(10, Sex.FEMALE);
        fam[1].death = d.minusDays(100);
        fam[2].death = d.minusDays(40);
        x.lead(LeadKey.guardianship(fam[0].id), "R7.2", "both listed guardians dead, unknown to civil affairs");

        fam = enrolledChild(10, Sex.MALE);
        fam[1].death = d.minusDays(300);
        fam[2].death = d.minusDays(200);
        c.civilChild(fam[0], "孤儿", "由祖母照料");
        x.nearMiss(LeadKey.guardianship(fam[0].id), "orphan already known to civil affairs");

        fam = enrolledChild(10, Sex.MALE);
        fam[1].death = d.minusDays(300);
        x.nearMiss(LeadKey.guardianship(fam[0].id), "one guardian still alive");

        Person father = adult(40, Sex.MALE);
        father.death = d.minusDays(50);
        Person orphan = c.aged(9, Sex.FEMALE);
        c.household(father, orphan);
        c.row("edu_students").with("学籍号", c.next("student", "G" + City.HOME, 8)).with("身份证号", orphan.id)
                .with("姓名", orphan.name).with("学校代码", primary().code()).with("监护人1身份证号", father.id)
                .with("监护人1姓名", father.name).with("监护人2身份证号", City.corrupt(c.aged(38, Sex.FEMALE).id))
                .with("监护人2姓名", "王某某").add();
        x.nearMiss(LeadKey.guardianship(orphan.id), "second guardian listed with an invalid number: not proven dead");

        father = adult(40, Sex.MALE);
        father.death = d;
        orphan = c.aged(9, Sex.FEMALE);
        c.household(father, orphan);
        c.student(orphan, schoolFor(orphan), father, "父亲", null, null);
        x.lead(LeadKey.guardianship(orphan.id), "R7.2", "the only guardian listed died on D");

        father = adult(40, Sex.MALE);
        father.death = d.plusDays(1);
        orphan = c.aged(9, Sex.FEMALE);
        c.household(father, orphan);
        c.student(orphan, schoolFor(orphan), father, "父亲", null, null);
        x.nearMiss(LeadKey.guardianship(orphan.id), "the guardian's death date is after D");

        LocalDate t = recent();
        fam = enrolledChild(9, Sex.MALE);
        k = c.penalty("殴打他人", fam[1], fam[0], "轻微伤", City.at(t, 20, 0), t.plusDays(2), null);
        x.lead(LeadKey.guardianship(fam[0].id), "R7.3", "father penalised for beating his son");

        fam = enrolledChild(12, Sex.FEMALE);
        k = c.penalty("殴打他人", fam[1], fam[0], "轻伤二级", City.at(t, 20, 0), t.plusDays(2), null);
        x.lead(LeadKey.guardianship(fam[0].id), "R7.3", "father penalised for injuring his daughter");
        x.lead(LeadKey.comprehensive(k), "R1.2", "father caused a slight injury: should be a criminal case");

        fam = enrolledChild(9, Sex.MALE);
        k = c.penalty("殴打他人", adult(50, Sex.MALE), fam[0], "轻微伤", City.at(t, 20, 0), t.plusDays(2), null);
        x.nearMiss(LeadKey.guardianship(fam[0].id), "penalised for beating the boy, but a neighbour, not a guardian");

        fam = enrolledChild(15, Sex.MALE);
        for (int off : new int[] {0, 2, 4}) {
            nightAtNetbar(fam[0], bar, City.at(n.plusDays(off), 23, 30), City.at(n.plusDays(off + 1), 2, 0));
        }
        c.penalty("殴打他人", fam[2], fam[0], "无", City.at(t, 21, 0), t.plusDays(1), null);
        x.lead(LeadKey.guardianship(fam[0].id), "R7.1", "nights out and a mother penalised for beating him");
        x.lead(LeadKey.guardianship(fam[0].id), "R7.3", "nights out and a mother penalised for beating him");
    }
}

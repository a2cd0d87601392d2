package org.tongxin.domain.lead;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.model.Models;
import org.tongxin.domain.sheet.Xlsx;
import org.tongxin.domain.sheet.Xlsx.Column;
import org.tongxin.domain.sheet.Xlsx.Table;

/**
 * The lead list as a workbook: one sheet 线索 with the columns of the list page — 等级, 模型, 规则, 对象, 摘要, 状态,
 * 发现时间, 引用号 — in the list's order, the filters and the row cap in the notes. The lead's key is not a column (it
 * can hold an identity number); the subject is as it may leave for the exporting role (analysts: names masked).
 */
public final class LeadWorkbook {

    /** Leads in one download at most; the notes say when more matched. */
    public static final int MAX_ROWS = 10_000;

    static final List<String> COLUMNS = List.of("等级", "模型", "规则", "对象", "摘要", "状态", "发现时间", "引用号");

    private LeadWorkbook() {
    }

    /** The file name (Chinese): 童心线索清单_2026-11-27.xlsx, the day it was made. */
    public static String fileName(LocalDateTime generatedAt) {
        return "童心线索清单_" + generatedAt.toLocalDate() + ".xlsx";
    }

    public static byte[] xlsx(LeadQueries.Filter filter, LeadPage leads, LocalDateTime generatedAt) {
        return Xlsx.write(List.of(table(filter, leads, generatedAt)));
    }

    /** The one sheet: the leads as rows, the filters, the time and the cap as notes. */
    public static Table table(LeadQueries.Filter filter, LeadPage leads, LocalDateTime generatedAt) {
        List<String> notes = new ArrayList<>();
        notes.add("筛选条件：" + describe(filter));
        notes.add("生成时间：" + generatedAt.withNano(0).toString().replace('T', ' ') + "；共 " + leads.total() + " 条线索"
                + (leads.total() > leads.items().size()
                ? "，只导出了前 " + leads.items().size() + " 条（每次最多导出 " + String.format("%,d", MAX_ROWS) + " 条，请缩小筛选范围）"
                : "（每次最多导出 " + String.format("%,d", MAX_ROWS) + " 条）") + "。");
        notes.add("对象：线索所涉人员、场所、单位、车辆或记录；身份证号、电话已脱敏；无权导出个人信息的角色（数据分析员）导出的人名只保留姓氏。");
        Xlsx.Rows rows = new Xlsx.Rows();
        for (LeadItem l : leads.items()) {
            rows.add("red".equals(l.severity()) ? "红" : "yellow".equals(l.severity()) ? "黄" : l.severity(),
                    l.modelTitle() == null ? l.model() : l.modelTitle(),
                    l.rules() == null ? null : String.join(" ", l.rules()),
                    subject(l.subject()),
                    l.summary(),
                    status(l),
                    Xlsx.moment(l.firstRaisedAt()),
                    l.ref());
        }
        return new Table("线索", "线索清单", notes, Column.of(COLUMNS.toArray(String[]::new)), rows.list());
    }

    /** The subject as one cell: 张**（人员）. */
    static String subject(LeadSubject s) {
        if (s == null) {
            return null;
        }
        return s.kindZh() == null || s.kindZh().isBlank() ? s.name() : s.name() + "（" + s.kindZh() + "）";
    }

    private static String status(LeadItem l) {
        String s = l.statusZh() == null ? l.status() : l.statusZh();
        if (l.referredToZh() != null) {
            s = s + "（" + l.referredToZh() + "）";
        }
        return Boolean.FALSE.equals(l.holds()) ? s + "，已消除" : s;
    }

    /** The filters in Chinese: 模型：监护失职；等级：红；… or 全部线索（仍成立的）. */
    public static String describe(LeadQueries.Filter f) {
        List<String> parts = new ArrayList<>();
        f.model().ifPresent(m -> parts.add("模型 " + Models.byId(m).map(Model::title).orElse(m)));
        f.rule().ifPresent(r -> parts.add("规则 " + r));
        f.severity().ifPresent(s -> parts.add("等级 " + ("red".equals(s) ? "红" : "yellow".equals(s) ? "黄" : s)));
        f.status().ifPresent(s -> parts.add("状态 " + LeadStatus.of(s).map(LeadStatus::zh).orElse(s)));
        if (f.from().isPresent() || f.to().isPresent()) {
            parts.add("证据事件 " + f.from().map(Object::toString).orElse("不限") + " 至 "
                    + f.to().map(Object::toString).orElse("不限"));
        }
        f.place().ifPresent(p -> parts.add("地点 " + p));
        f.referredTo().ifPresent(d -> parts.add("移送至 " + Departments.all().getOrDefault(d, d)));
        parts.add(f.current() ? "仅仍成立的线索" : "含已消除的线索");
        return String.join("；", parts);
    }
}

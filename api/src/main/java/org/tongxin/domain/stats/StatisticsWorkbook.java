package org.tongxin.domain.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.domain.sheet.Xlsx;
import org.tongxin.domain.sheet.Xlsx.Column;
import org.tongxin.domain.sheet.Xlsx.Table;
import org.tongxin.domain.stats.Statistics.Count;
import org.tongxin.domain.stats.Statistics.MonthCount;
import org.tongxin.domain.stats.Statistics.Report;

/** A {@link Report} as a workbook: an overview sheet with the article's figures, then one sheet per table. */
public final class StatisticsWorkbook {

    private StatisticsWorkbook() {
    }

    /** The file name (Chinese) for a report over this range: 童心统计_2026-01-01至2026-11-27.xlsx. */
    public static String fileName(Report r) {
        return "童心统计_" + (r.from() == null ? "起始" : r.from()) + "至" + (r.to() == null ? "今" : r.to()) + ".xlsx";
    }

    public static byte[] xlsx(Report r) {
        return Xlsx.write(tables(r));
    }

    /** The sheets: 概览, 线索-模型, 线索-规则, 线索-月份, 办理结果, 线索状态, 令状, 观察员线索, 法治课. */
    public static List<Table> tables(Report r) {
        List<String> notes = List.of(range(r), "生成时间：" + r.generatedAt().replace('T', ' '));
        List<Table> out = new ArrayList<>();

        List<List<?>> overview = new ArrayList<>();
        overview.add(List.of("统计起始日", r.from() == null ? "（不限）" : LocalDate.parse(r.from()), ""));
        overview.add(List.of("统计截止日", r.to() == null ? "（不限）" : LocalDate.parse(r.to()), ""));
        overview.add(List.of("生成时间", Xlsx.moment(r.generatedAt()), ""));
        r.headline().forEach(f -> overview.add(List.of(f.label(), f.count(), f.unit())));
        out.add(Table.of("概览", "童心平台统计概览", List.of("线索按首次发现日统计；办理结果、令状、观察员线索按办理日统计；法治课按授课日统计。"),
                Column.of("项目", "数量", "单位"), overview));

        out.add(Table.of("线索-模型", "各模型推送线索数", notes, Column.of("模型代码", "模型", "线索数"), counts(r.leadsByModel())));
        out.add(Table.of("线索-规则", "各规则命中线索数", notes, Column.of("规则编号", "规则", "线索数"), counts(r.leadsByRule())));

        List<Column> monthColumns = new ArrayList<>(List.of(Column.of("月份"), Column.of("合计")));
        List<Count> models = r.leadsByModel();
        models.forEach(m -> monthColumns.add(Column.of(m.label())));
        List<List<?>> months = new ArrayList<>();
        for (MonthCount m : r.leadsByMonth()) {
            List<Object> row = new ArrayList<>(List.of(m.month(), m.count()));
            for (Count model : models) {
                row.add(m.byModel().stream().filter(c -> c.code().equals(model.code())).mapToLong(Count::count).sum());
            }
            months.add(row);
        }
        out.add(Table.of("线索-月份", "每月新发现线索数（按模型）", notes, monthColumns, months));

        out.add(Table.of("办理结果", "线索办理结果", notes, Column.of("结果代码", "办理结果", "线索数"), counts(r.outcomes())));
        out.add(Table.of("线索状态", "线索当前状态（按首次发现日统计的线索）", notes, Column.of("状态代码", "状态", "线索数"), counts(r.leadsByStatus())));

        List<List<?>> orders = new ArrayList<>();
        orders.add(List.of("起草", r.orders().drafted()));
        orders.add(List.of("发出", r.orders().issued()));
        r.orders().issuedByKind().forEach(k -> orders.add(List.of("　其中：" + k.label(), k.count())));
        orders.add(List.of("监护人确认收到", r.orders().acknowledged()));
        orders.add(List.of("结案", r.orders().closed()));
        orders.add(List.of("撤回", r.orders().cancelled()));
        out.add(Table.of("令状", "督促监护令与家庭教育指导令", notes, Column.of("环节", "份数"), orders));

        List<List<?>> subs = new ArrayList<>();
        r.submissions().byStatus().forEach(s -> subs.add(List.of(s.code(), s.label(), s.count())));
        out.add(Table.of("观察员线索", "观察员提交的问题线索（到达各环节的条数）", notes, Column.of("状态代码", "环节", "条数"), subs));

        Statistics.ClassFigures c = r.classes();
        List<List<?>> classes = new ArrayList<>();
        classes.add(List.of("学校预约", c.requested()));
        classes.add(List.of("已排课", c.scheduled()));
        classes.add(List.of("已授课", c.delivered()));
        c.deliveredByTopic().forEach(t -> classes.add(List.of("　其中：" + t.label(), t.count())));
        classes.add(List.of("授课覆盖人数", c.audience()));
        classes.add(List.of("已取消", c.cancelled()));
        classes.add(List.of("帮教课程出勤（人次）", c.attendedSessions()));
        classes.add(List.of("帮教课程出勤（人数）", c.assistedMinors()));
        out.add(Table.of("法治课", "法治“童心圆”教育基地", notes, Column.of("项目", "数量"), classes));
        return List.copyOf(out);
    }

    private static List<List<?>> counts(List<Count> counts) {
        return counts.stream().<List<?>>map(c -> List.of(c.code(), c.label(), c.count())).toList();
    }

    private static String range(Report r) {
        return "统计期间：" + (r.from() == null ? "不限" : r.from()) + " 至 " + (r.to() == null ? "不限" : r.to());
    }
}

package org.tongxin.domain.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tongxin.domain.sheet.Xlsx;
import org.tongxin.domain.sheet.Xlsx.Column;
import org.tongxin.domain.sheet.Xlsx.Table;
import org.tongxin.domain.user.Role;

/**
 * The audit log as a workbook: one sheet 审计日志 with the entries the audit page shows for the same filters, newest
 * first, masked as the page shows them — 序号, 时间, 用户, 角色 (by its Chinese name), 操作, 对象, 理由, 详情 — and
 * the state of the hash chain, the filters and the row cap in the notes.
 */
public final class AuditWorkbook {

    /** Entries in one download at most; the notes say so. */
    public static final int MAX_ROWS = 10_000;

    static final List<String> COLUMNS = List.of("序号", "时间", "用户", "角色", "操作", "对象", "理由", "详情");

    /** The filters of the audit page; any may be null. */
    public record Filter(String user, String action, LocalDate from, LocalDate to, AuditObject object) {
        public Filter(String user, String action, LocalDate from, LocalDate to) {
            this(user, action, from, to, null);
        }
    }

    private AuditWorkbook() {
    }

    /** The file name (Chinese): 童心审计日志_2026-11-27.xlsx, the day it was made. */
    public static String fileName(LocalDateTime generatedAt) {
        return "童心审计日志_" + generatedAt.toLocalDate() + ".xlsx";
    }

    public static byte[] xlsx(Filter filter, AuditLog.Page page, LocalDateTime generatedAt) {
        return Xlsx.write(List.of(table(filter, page, generatedAt)));
    }

    public static Table table(Filter filter, AuditLog.Page page, LocalDateTime generatedAt) {
        List<String> notes = new ArrayList<>();
        notes.add("筛选条件：" + describe(filter));
        AuditLog.Chain c = page.chain();
        notes.add("生成时间：" + generatedAt.withNano(0).toString().replace('T', ' ') + "；哈希链"
                + (c.intact() ? "完整，共 " + c.entries() + " 条" : "在第 " + c.firstBroken() + " 条断开：" + c.reason()) + "。");
        notes.add("最新的在前；每次最多导出 " + String.format("%,d", MAX_ROWS) + " 条" + (page.entries().size() >= MAX_ROWS
                ? "，本次已达上限，更早的条目未导出，请缩小筛选范围" : "") + "。身份证号、电话已脱敏。");
        Xlsx.Rows rows = new Xlsx.Rows();
        for (AuditLog.Shown e : page.entries()) {
            rows.add(e.seq(), Xlsx.moment(e.at()), e.user(), role(e.role()), action(e.action()),
                    e.objects().isEmpty() ? null : String.join(" ", e.objects()), blank(e.why()), blank(e.details()));
        }
        return new Table("审计日志", "审计日志", notes, Column.of(COLUMNS.toArray(String[]::new)), rows.list());
    }

    /** An action by its Chinese name (查看线索); one without a name as its code. */
    static String action(String code) {
        AuditActions.Name name = code == null ? null : AuditActions.all().get(code);
        return name == null ? code : name.zh();
    }

    /** A role by its Chinese name (检察官); a code the platform does not know as it is; none as empty. */
    static String role(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Role.of(code).map(Role::zh).orElse(code);
    }

    /** The filters in Chinese: 用户 test-prosecutor；操作 lead.；日期 2026-01-01 至 不限 — or 全部. */
    public static String describe(Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.user() != null) {
            parts.add("用户 " + f.user());
        }
        if (f.action() != null) {
            parts.add("操作以“" + f.action() + "”开头");
        }
        if (f.from() != null || f.to() != null) {
            parts.add("日期 " + (f.from() == null ? "不限" : f.from()) + " 至 " + (f.to() == null ? "不限" : f.to()));
        }
        if (f.object() != null && !f.object().any()) {
            parts.add(f.object().describe());
        }
        return parts.isEmpty() ? "全部" : String.join("；", parts);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

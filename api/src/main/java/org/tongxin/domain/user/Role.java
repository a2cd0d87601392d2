package org.tongxin.domain.user;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seven roles of mission.md. Department staff also name their department. */
public enum Role {
    PROSECUTOR("prosecutor", "检察官", "Prosecutor"),
    ANALYST("analyst", "数据分析员", "Data analyst"),
    DEPARTMENT("department", "部门工作人员", "Department staff"),
    SOCIAL_WORKER("social_worker", "司法社工", "Judicial social worker"),
    PSYCHOLOGIST("psychologist", "心理咨询师", "Psychological counsellor"),
    GUARDIAN("guardian", "监护人", "Guardian"),
    VOLUNTEER("volunteer", "观察员/爱心志愿者", "Observer / volunteer");

    private final String code;
    private final String zh;
    private final String en;

    Role(String code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    /** The English name, for the web view's English switch. */
    public String en() {
        return en;
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }
}

package org.tongxin.domain.user;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tongxin.domain.code.Coded;

/** The seven roles of mission.md. Department staff also name their department. */
public enum Role implements Coded {
    PROSECUTOR("prosecutor", "检察官", "Prosecutor"),
    ANALYST("analyst", "数据分析员", "Data analyst"),
    DEPARTMENT("department", "部门工作人员", "Department staff"),
    SOCIAL_WORKER("social_worker", "司法社工", "Judicial social worker"),
    PSYCHOLOGIST("psychologist", "心理咨询师", "Psychological counsellor"),
    GUARDIAN("guardian", "监护人", "Guardian"),
    VOLUNTEER("volunteer", "观察员/爱心志愿者", "Observer / volunteer");

    private final Names names;

    Role(String code, String zh, String en) {
        this.names = new Names(code, zh, en);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Optional<Role> of(String code) {
        return Coded.of(Role.class, code);
    }

    public static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }
}

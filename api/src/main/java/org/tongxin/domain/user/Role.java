package org.tongxin.domain.user;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seven roles of mission.md. Department staff also name their department. */
public enum Role {
    PROSECUTOR("prosecutor", "检察官"),
    ANALYST("analyst", "数据分析员"),
    DEPARTMENT("department", "部门工作人员"),
    SOCIAL_WORKER("social_worker", "司法社工"),
    PSYCHOLOGIST("psychologist", "心理咨询师"),
    GUARDIAN("guardian", "监护人"),
    VOLUNTEER("volunteer", "观察员/爱心志愿者");

    private final String code;
    private final String zh;

    Role(String code, String zh) {
        this.code = code;
        this.zh = zh;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public static Optional<Role> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
    }
}

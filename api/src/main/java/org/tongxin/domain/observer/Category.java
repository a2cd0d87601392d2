package org.tongxin.domain.observer;

import java.util.Arrays;
import java.util.Optional;

/** What a volunteer can report, and the department a single problem of that kind is referred to. */
public enum Category {
    NETBAR("netbar", "网吧接纳未成年人", "culture_tourism"),
    TOBACCO_ALCOHOL("tobacco_alcohol", "向未成年人售烟酒", "market_regulation"),
    CAMPUS("campus", "校园周边安全隐患", "education"),
    SCHOOL_BUS("school_bus", "校车安全", "traffic_police"),
    NIGHT_OUT("night_out", "未成年人夜不归宿", "public_security"),
    ABUSE("abuse", "疑似侵害未成年人", "public_security"),
    OTHER("other", "其他", "civil_affairs");

    private final String code;
    private final String zh;
    private final String department;

    Category(String code, String zh, String department) {
        this.code = code;
        this.zh = zh;
        this.department = department;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    /** The department code (see {@code Departments}) a single problem of this kind is referred to. */
    public String department() {
        return department;
    }

    public static Optional<Category> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}

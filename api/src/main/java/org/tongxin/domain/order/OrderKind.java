package org.tongxin.domain.order;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The two orders a prosecutor issues to guardians, each with its legal basis and the duties it usually sets. */
public enum OrderKind {
    SUPERVISION("supervision", "督促监护令", "未成年人保护法", "第一百一十八条", List.of(
            "切实履行监护职责，保障未成年人的生活、学习和人身安全",
            "不得使未成年人处于无人看护状态，外出务工时委托具有照护能力的人代为照护并告知本院",
            "每月与本院指定的司法社工联系一次，如实说明未成年人的情况")),
    GUIDANCE("guidance", "家庭教育指导令", "家庭教育促进法", "第四十九条", List.of(
            "按时参加本院安排的家庭教育指导课程",
            "改进家庭教育方式，不得实施家庭暴力",
            "配合家庭教育指导服务站的回访"));

    private final String code;
    private final String zh;
    private final String law;
    private final String article;
    private final List<String> duties;

    OrderKind(String code, String zh, String law, String article, List<String> duties) {
        this.code = code;
        this.zh = zh;
        this.law = law;
        this.article = article;
        this.duties = duties;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String law() {
        return law;
    }

    public String article() {
        return article;
    }

    public List<String> duties() {
        return duties;
    }

    public static Optional<OrderKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}

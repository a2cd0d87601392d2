package org.tongxin.api.graph;

import java.util.Map;

/** Relationship types in Chinese, for edge labels in the explorer and the case-file diagrams. */
public final class Relations {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("AT", "发生于"), Map.entry("BUS", "校车"), Map.entry("BY", "查处对象"),
            Map.entry("CONCERNS", "涉及"), Map.entry("DRIVER", "驾驶人"), Map.entry("EMPLOYEE", "从业人员"),
            Map.entry("FILES", "报案/立案"), Map.entry("FOR", "所属单位"), Map.entry("FOR_VEHICLE", "车辆"),
            Map.entry("FOUND", "查获"), Map.entry("GUARDED_BY", "监护人"), Map.entry("GUARDIAN", "监护人"),
            Map.entry("GUEST", "住宿人"), Map.entry("HOLDER", "持有人"), Map.entry("IN_CASE", "所属案件"),
            Map.entry("IN_HOUSEHOLD", "户"), Map.entry("LICENCE_OF", "驾驶证"), Map.entry("MEMBER_OF", "户成员"),
            Map.entry("PARTY", "案件当事人"), Map.entry("PATIENT", "就诊人"), Map.entry("PENALISED", "被处罚人"),
            Map.entry("RECORD_OF", "违法犯罪记录"), Map.entry("REFERS_TO", "涉及"), Map.entry("REGISTERS", "登记"),
            Map.entry("STATUS_OF", "儿童类别"), Map.entry("STUDENT", "学生"), Map.entry("USER", "上网人"),
            Map.entry("VICTIM", "被侵害人"), Map.entry("WITH", "同行"), Map.entry("EVIDENCE", "证据"),
            Map.entry("ACTION", "办理"));

    private Relations() {
    }

    public static String zh(String type) {
        return ZH.getOrDefault(type, type);
    }

    public static Map<String, String> all() {
        return ZH;
    }
}

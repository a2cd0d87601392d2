package org.tongxin.domain.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The audit log filtered by what an entry is about: a kind of object (known by the actions that touch it, since an
 * entry records node keys and ids, not their kinds) and/or a reference one of its objects contains. Either may be
 * null; a kind alone keeps only entries that name an object.
 */
public record AuditObject(Kind kind, String ref, Predicate<List<String>> personNodes) {

    /** Actions whose objects are graph node ids of any kind: about a person when one of those nodes is a person. */
    private static final List<String> NODE_ACTIONS = List.of("node.", "unmask", "graph.paths");

    /** The kinds an entry can be about, by the node kind's code in labels.yaml and the action families that touch it. */
    public enum Kind {
        LEAD("Lead", "线索", "lead.", "export."),
        ORDER("Order", "督促监护令/家庭教育指导令", "order."),
        PERSON("Person", "人员", "profile.", "plan.", "assign", "unassign", "minors.", "node.timeline"),
        SUBMISSION("Submission", "观察员报送", "submission."),
        BOOKING("ClassBooking", "课程预约", "booking."),
        VIEW("SavedView", "保存的视图", "view.");

        private final String code;
        private final String zh;
        private final List<String> actions;

        Kind(String code, String zh, String... actions) {
            this.code = code;
            this.zh = zh;
            this.actions = List.of(actions);
        }

        public String code() {
            return code;
        }

        public String zh() {
            return zh;
        }

        boolean touches(String action) {
            return action != null && actions.stream().anyMatch(action::startsWith);
        }

        public static Optional<Kind> of(String code) {
            return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
        }

        /** The codes, in the order the audit page lists them. */
        public static List<String> codes() {
            return Arrays.stream(values()).map(Kind::code).toList();
        }
    }

    public AuditObject {
        ref = ref == null || ref.isBlank() ? null : ref.strip();
        personNodes = personNodes == null ? ids -> false : personNodes;
    }

    /** A filter that cannot tell which node ids are persons: node actions never count as about one. */
    public AuditObject(Kind kind, String ref) {
        this(kind, ref, null);
    }

    public boolean any() {
        return kind == null && ref == null;
    }

    /** Whether the entry is about an object of this kind and one of its objects contains the reference (ignoring case). */
    public boolean matches(AuditLog.Entry e) {
        List<String> what = e.what() == null ? List.of() : e.what();
        if (kind != null && (what.isEmpty() || !kind.touches(e.action()) && !aboutPersonNode(e.action(), what))) {
            return false;
        }
        String wanted = ref == null ? null : ref.toLowerCase(Locale.ROOT);
        return wanted == null || what.stream().anyMatch(w -> w != null && w.toLowerCase(Locale.ROOT).contains(wanted));
    }

    private boolean aboutPersonNode(String action, List<String> what) {
        return kind == Kind.PERSON && action != null && NODE_ACTIONS.stream().anyMatch(action::startsWith)
                && personNodes.test(what);
    }

    /** The filter in Chinese for the workbook's notes: 对象类型 线索；对象含“…” — or null when there is none. */
    public String describe() {
        if (any()) {
            return null;
        }
        return String.join("；", Stream.of(kind == null ? null : "对象类型 " + kind.zh(),
                ref == null ? null : "对象含“" + ref + "”").filter(Objects::nonNull).toList());
    }
}

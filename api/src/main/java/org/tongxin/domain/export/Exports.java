package org.tongxin.domain.export;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.graph.Kinds;
import org.tongxin.domain.graph.Masking;
import org.tongxin.domain.law.LegalBasis;
import org.tongxin.domain.lead.Departments;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.export.DiagramLayout.Layout;
import org.tongxin.domain.lead.EvidenceGraph;
import org.tongxin.domain.lead.LeadDetail;
import org.tongxin.domain.lead.LeadQueries;
import org.tongxin.domain.lead.LeadSummary;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.model.time.LegalAge;

/** The exports of a lead: its evidence diagram as SVG or PNG, and its case-file DOCX. */
public final class Exports {

    private final LeadQueries leads;
    private final GraphQueries graph;
    private final Kinds kinds;
    private final Letterhead letterhead;

    public Exports(LeadQueries leads, GraphQueries graph, Kinds kinds, Letterhead letterhead) {
        this.leads = leads;
        this.graph = graph;
        this.kinds = kinds;
        this.letterhead = letterhead;
    }

    public Layout layout(String ref) {
        LeadSummary lead = leads.summary(ref);
        EvidenceGraph g = leads.evidenceGraph(lead.rawKey());
        String key = String.valueOf(lead.key());
        // The key without its model id: the model is named by its title already.
        String title = "线索证据关系图 · " + lead.modelTitle() + " · " + key.substring(key.indexOf(':') + 1);
        return DiagramLayout.of(title, g.nodes().stream().map(Exports::labelledWithRole).toList(), g.edges(),
                g.subject(), this::secondLine);
    }

    /** A person's box names its role in the lead after its kind: 人员 · 监护人. */
    private static GNode labelledWithRole(EvidenceGraph.EvidenceNode n) {
        GNode node = n.node();
        return n.role() == null ? node : new GNode(node.id(), node.labels(), node.kind(),
                node.kindZh() + " · " + n.role().zh(), node.caption(), node.properties());
    }

    private String secondLine(GNode n) {
        if (!n.kind().equals("Record")) {
            return n.caption();
        }
        Object when = kinds.eventProperty(n.labels()).map(p -> n.properties().get(p)).orElse(null);
        String day = when == null ? "" : " " + (when.toString().length() > 10 ? when.toString().substring(0, 10) : when);
        return n.properties().get("key") + day;
    }

    public String svg(String ref) {
        return SvgDiagram.render(layout(ref));
    }

    public byte[] png(String ref) {
        Layout l = layout(ref);
        if (CjkFont.find().isEmpty()) {
            throw Problem.unavailable("export.no-cjk-font");
        }
        return PngDiagram.render(l);
    }

    /**
     * The case file of a lead, headed by the procuratorate and numbered {@code 牟检未线〔year〕n号}: the year the lead
     * was first raised and its place among that year's leads ({@link LeadQueries#yearSequence}).
     */
    public byte[] caseFile(String ref) {
        LeadDetail lead = leads.detail(ref);
        String key = String.valueOf(lead.key());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("监督模型", lead.modelTitle());
        facts.put("线索对象", key.substring(key.indexOf(':') + 1));
        facts.put("平台线索号", ref);
        facts.put("风险等级", "red".equals(lead.severity()) ? "红色（高）" : "黄色（中）");
        facts.put("办理状态", lead.statusZh());
        facts.put("首次发现", ChineseText.when(lead.firstRaisedAt()));
        facts.put("数据截至", ChineseText.when(lead.asOf()));
        facts.put("线索摘要", ChineseText.prose(lead.summary()));
        List<CaseFile.RuleText> rules = new ArrayList<>();
        for (LeadDetail.RuleDetail r : lead.ruleDetails()) {
            List<String> citations = new ArrayList<>();
            for (LegalBasis.Citation c : r.articles()) {
                citations.add(c.resolved() ? c.law() + " " + c.article() + "：" + c.text()
                        : c.cited() + "（原文未收录）");
            }
            rules.add(new CaseFile.RuleText(r.id(), r.zh(), citations));
        }
        Layout layout = layout(ref);
        byte[] png = CjkFont.find().isPresent() ? PngDiagram.render(layout) : null;
        List<CaseFile.EvidenceRow> evidence = new ArrayList<>();
        for (LeadDetail.EvidenceRecord e : lead.evidence()) {
            GraphQueries.Source src = graph.nodeDetail(e.id()).source();
            Map<String, String> cells = new LinkedHashMap<>();
            (src.row() == null ? Map.<String, Object>of() : src.row()).forEach((k, v) -> cells.put(k, ChineseText.cell(v)));
            evidence.add(new CaseFile.EvidenceRow(src.department() + " · " + src.title(),
                    src.file() + " 第" + src.line() + "行", "记录编号：" + recordNumber(src), cells));
        }
        List<String> actions = new ArrayList<>();
        for (LeadDetail.ActionEntry a : lead.actions()) {
            actions.add(action(a));
        }
        LocalDateTime first = LocalDateTime.parse(lead.firstRaisedAt());
        String number = letterhead.number("线", first.getYear(), leads.yearSequence(ref));
        String footer = "童心 · 未成年人检察大数据法律监督平台生成于 "
                + ChineseText.dateTime(LocalDateTime.now(LegalAge.ZONE))
                + "。身份证号、手机号已脱敏；原始数据行可在平台中按记录编号追溯。";
        return CaseFile.render(new CaseFile.Content(letterhead.unitName(), "未成年人检察监督线索材料", number, facts,
                rules, png, layout.width(), layout.height(), evidence, actions, footer));
    }

    /** The record's own number (its key, masked as the API masks it), without the dataset name the store prefixes. */
    private static String recordNumber(GraphQueries.Source src) {
        String rid = String.valueOf(src.rid());
        String dataset = src.dataset() + ":";
        return rid.startsWith(dataset) ? rid.substring(dataset.length()) : rid.substring(rid.indexOf(':') + 1);
    }

    /** One workflow step in words: when, who, from which status to which (in Chinese), or a department's reply. */
    private static String action(LeadDetail.ActionEntry a) {
        String note = a.note() == null || a.note().isBlank() ? "" : Masking.text(a.note());
        String head = ChineseText.when(a.at()) + "  " + a.by() + "：";
        if ("report".equals(a.kind())) {
            String dept = a.department() == null ? "" : Departments.all().getOrDefault(a.department(), "");
            return head + dept + "反馈" + (note.isEmpty() ? "" : "：" + note);
        }
        return head + statusZh(a.from()) + " → " + statusZh(a.to()) + (note.isEmpty() ? "" : "（" + note + "）");
    }

    private static String statusZh(String code) {
        return code == null ? "" : LeadStatus.of(code).map(LeadStatus::zh).orElse(code);
    }
}

package org.tongxin.api.export;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tongxin.api.export.DiagramLayout.Layout;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.graph.GraphView.GEdge;
import org.tongxin.domain.graph.GraphView.GNode;
import org.tongxin.domain.graph.Kinds;
import org.tongxin.domain.graph.Masking;
import org.tongxin.api.http.ApiException;
import org.tongxin.domain.law.LegalBasis;
import org.tongxin.api.lead.Departments;
import org.tongxin.api.lead.LeadQueries;
import org.tongxin.api.lead.LeadStatus;
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

    @SuppressWarnings("unchecked")
    public Layout layout(String ref) {
        Map<String, Object> lead = leads.summary(ref);
        Map<String, Object> g = leads.evidenceGraph((String) lead.get("rawKey"));
        String key = String.valueOf(lead.get("key"));
        // The key without its model id: the model is named by its title already.
        String title = "线索证据关系图 · " + lead.get("modelTitle") + " · " + key.substring(key.indexOf(':') + 1);
        return DiagramLayout.of(title, (List<GNode>) g.get("nodes"), (List<GEdge>) g.get("edges"),
                (String) g.get("subject"), this::secondLine);
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
            throw new ApiException.Unavailable(CjkFont.missingMessage());
        }
        return PngDiagram.render(l);
    }

    /**
     * The case file of a lead, headed by the procuratorate and numbered {@code 牟检未线〔year〕n号}: the year the lead
     * was first raised and its place among that year's leads ({@link LeadQueries#yearSequence}).
     */
    @SuppressWarnings("unchecked")
    public byte[] caseFile(String ref) {
        Map<String, Object> lead = leads.detail(ref);
        String key = String.valueOf(lead.get("key"));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("监督模型", (String) lead.get("modelTitle"));
        facts.put("线索对象", key.substring(key.indexOf(':') + 1));
        facts.put("平台线索号", ref);
        facts.put("风险等级", "red".equals(lead.get("severity")) ? "红色（高）" : "黄色（中）");
        facts.put("办理状态", (String) lead.get("statusZh"));
        facts.put("首次发现", ChineseText.when(lead.get("firstRaisedAt")));
        facts.put("数据截至", ChineseText.when(lead.get("asOf")));
        facts.put("线索摘要", ChineseText.prose((String) lead.get("summary")));
        List<CaseFile.RuleText> rules = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) lead.get("ruleDetails")) {
            List<String> citations = new ArrayList<>();
            for (LegalBasis.Citation c : (List<LegalBasis.Citation>) r.get("articles")) {
                citations.add(c.resolved() ? c.law() + " " + c.article() + "：" + c.text()
                        : c.cited() + "（原文未收录）");
            }
            rules.add(new CaseFile.RuleText((String) r.get("id"), (String) r.get("zh"), citations));
        }
        Layout layout = layout(ref);
        byte[] png = CjkFont.find().isPresent() ? PngDiagram.render(layout) : null;
        List<CaseFile.EvidenceRow> evidence = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) lead.get("evidence")) {
            GraphQueries.Source src = graph.nodeDetail((String) e.get("id")).source();
            Map<String, String> cells = new LinkedHashMap<>();
            (src.row() == null ? Map.<String, Object>of() : src.row()).forEach((k, v) -> cells.put(k, ChineseText.cell(v)));
            evidence.add(new CaseFile.EvidenceRow(src.department() + " · " + src.title(),
                    src.file() + " 第" + src.line() + "行", "记录编号：" + recordNumber(src), cells));
        }
        List<String> actions = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) lead.get("actions")) {
            actions.add(action(a));
        }
        LocalDateTime first = LocalDateTime.parse(String.valueOf(lead.get("firstRaisedAt")));
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
    private static String action(Map<String, Object> a) {
        String note = a.get("note") == null || a.get("note").toString().isBlank() ? "" : Masking.text(a.get("note").toString());
        String head = ChineseText.when(a.get("at")) + "  " + a.get("by") + "：";
        if ("report".equals(a.get("kind"))) {
            String dept = a.get("department") == null ? "" : Departments.all().getOrDefault((String) a.get("department"), "");
            return head + dept + "反馈" + (note.isEmpty() ? "" : "：" + note);
        }
        return head + statusZh(a.get("from")) + " → " + statusZh(a.get("to")) + (note.isEmpty() ? "" : "（" + note + "）");
    }

    private static String statusZh(Object code) {
        return code == null ? "" : LeadStatus.of(code.toString()).map(LeadStatus::zh).orElse(code.toString());
    }
}

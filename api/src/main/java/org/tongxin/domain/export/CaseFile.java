package org.tongxin.domain.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The case-file document of a lead (Apache POI XWPF): the procuratorate's name, title and document number, the lead's facts, each rule with its legal basis and
 * the article texts, the evidence diagram as a picture, a table of the evidence rows with file, line and the
 * original cells, and the workflow so far. What a prosecutor pastes into a file; identity numbers are masked.
 */
public final class CaseFile {

    /** One evidence row: where it came from and its original cells. */
    public record EvidenceRow(String source, String fileAndLine, String rid, Map<String, String> cells) {
    }

    /** A rule and its citations, already resolved. */
    public record RuleText(String rule, String zh, List<String> citations) {
    }

    /** Everything the document says; {@code unit} and {@code number} head it. */
    public record Content(String unit, String title, String number, Map<String, String> facts, List<RuleText> rules, byte[] diagramPng,
                          int diagramWidth, int diagramHeight, List<EvidenceRow> evidence, List<String> actions,
                          String footer) {
    }

    private static final String FONT = "宋体";

    private CaseFile() {
    }

    public static byte[] render(Content c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph unit = doc.createParagraph();
            unit.setAlignment(ParagraphAlignment.CENTER);
            run(unit, c.unit(), 14, true);
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, c.title(), 18, true);
            XWPFParagraph number = doc.createParagraph();
            number.setAlignment(ParagraphAlignment.RIGHT);
            run(number, c.number(), 11, false);

            heading(doc, "一、线索基本情况");
            c.facts().forEach((k, v) -> {
                XWPFParagraph p = doc.createParagraph();
                run(p, k + "：", 11, true);
                run(p, v == null ? "" : v, 11, false);
            });

            heading(doc, "二、适用规则与法律依据");
            for (RuleText r : c.rules()) {
                XWPFParagraph p = doc.createParagraph();
                run(p, r.rule() + "  ", 11, true);
                run(p, r.zh(), 11, false);
                for (String citation : r.citations()) {
                    XWPFParagraph q = doc.createParagraph();
                    q.setIndentationLeft(420);
                    run(q, citation, 10, false);
                }
            }

            heading(doc, "三、证据关系图");
            if (c.diagramPng() != null) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                double maxWidthPt = 450;
                double scale = Math.min(1.0, maxWidthPt / c.diagramWidth());
                p.createRun().addPicture(new ByteArrayInputStream(c.diagramPng()), Document.PICTURE_TYPE_PNG,
                        "evidence.png", Units.toEMU(c.diagramWidth() * scale), Units.toEMU(c.diagramHeight() * scale));
            } else {
                run(doc.createParagraph(), "（本机未安装中文字体，关系图未生成；见 SVG 导出。）", 10, false);
            }

            heading(doc, "四、证据记录（原始数据行）");
            XWPFTable table = doc.createTable(1, 4);
            String[] header = {"序号", "数据来源", "文件与行号", "原始记录"};
            for (int i = 0; i < header.length; i++) {
                cell(table.getRow(0), i, header[i], true);
            }
            int n = 1;
            for (EvidenceRow e : c.evidence()) {
                XWPFTableRow row = table.createRow();
                cell(row, 0, Integer.toString(n++), false);
                cell(row, 1, e.source() + "\n" + e.rid(), false);
                cell(row, 2, e.fileAndLine(), false);
                StringBuilder cells = new StringBuilder();
                e.cells().forEach((k, v) -> cells.append(k).append("：").append(v).append('\n'));
                cell(row, 3, cells.toString().strip(), false);
            }

            heading(doc, "五、办理经过");
            if (c.actions().isEmpty()) {
                run(doc.createParagraph(), "尚无办理记录。", 11, false);
            }
            c.actions().forEach(a -> run(doc.createParagraph(), a, 11, false));

            XWPFParagraph foot = doc.createParagraph();
            foot.setSpacingBefore(240);
            run(foot, c.footer(), 9, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        run(p, text, 13, true);
    }

    static void cell(XWPFTableRow row, int i, String text, boolean bold) {
        var cell = row.getCell(i);
        XWPFParagraph p = cell.getParagraphs().get(0);
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            XWPFRun r = run(p, lines[k], 9, bold);
            if (k < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setText(text);
        return r;
    }
}

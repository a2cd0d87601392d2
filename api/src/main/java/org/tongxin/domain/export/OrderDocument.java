package org.tongxin.domain.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * An order to a guardian as a Word document: the title (督促监护令 / 家庭教育指导令), its number, to whom, about which
 * minor, the facts, the legal basis with the article's text, what the guardian must do and by when, then the
 * trail (issued, acknowledged, follow-ups, closed).
 */
public final class OrderDocument {

    /** What the document says; identity numbers already masked. */
    public record Content(String title, String number, String issuer, String guardian, String minor, String facts,
                          String basis, String basisText, List<String> requirements, String dueBy, List<String> trail,
                          String footer) {
    }

    private OrderDocument() {
    }

    public static byte[] render(Content c) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            CaseFile.run(title, c.issuer(), 14, true);
            XWPFParagraph kind = doc.createParagraph();
            kind.setAlignment(ParagraphAlignment.CENTER);
            CaseFile.run(kind, c.title(), 20, true);
            XWPFParagraph number = doc.createParagraph();
            number.setAlignment(ParagraphAlignment.RIGHT);
            CaseFile.run(number, c.number(), 11, false);

            CaseFile.run(doc.createParagraph(), c.guardian() + "：", 12, true);
            XWPFParagraph facts = doc.createParagraph();
            facts.setFirstLineIndent(480);
            CaseFile.run(facts, "本院在履职中发现，你作为未成年人" + c.minor() + "的监护人，存在以下情况：" + c.facts(), 12, false);

            CaseFile.heading(doc, "法律依据");
            CaseFile.run(doc.createParagraph(), c.basis(), 12, true);
            XWPFParagraph text = doc.createParagraph();
            text.setIndentationLeft(420);
            CaseFile.run(text, c.basisText() == null ? "（条文原文未收录）" : c.basisText(), 10, false);

            CaseFile.heading(doc, "责令事项");
            int n = 1;
            for (String r : c.requirements()) {
                CaseFile.run(doc.createParagraph(), n++ + ". " + r, 12, false);
            }
            XWPFParagraph due = doc.createParagraph();
            CaseFile.run(due, "请于 " + c.dueBy() + " 前履行上述事项，并将履行情况告知本院。", 12, true);

            CaseFile.heading(doc, "送达与跟踪");
            if (c.trail().isEmpty()) {
                CaseFile.run(doc.createParagraph(), "（草稿，尚未发出）", 11, false);
            }
            c.trail().forEach(t -> CaseFile.run(doc.createParagraph(), t, 11, false));

            XWPFParagraph foot = doc.createParagraph();
            foot.setSpacingBefore(240);
            CaseFile.run(foot, c.footer(), 9, false);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

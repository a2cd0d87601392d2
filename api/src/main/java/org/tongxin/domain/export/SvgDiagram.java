package org.tongxin.domain.export;

import org.tongxin.domain.export.DiagramLayout.Box;
import org.tongxin.domain.export.DiagramLayout.Layout;
import org.tongxin.domain.export.DiagramLayout.Link;

/** A layout as a standalone SVG document; all text escaped, no scripts, the same bytes for the same lead. */
public final class SvgDiagram {

    static final String FONTS = "'WenQuanYi Zen Hei','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif";

    private SvgDiagram() {
    }

    public static String render(Layout l) {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"%s\">%n", l.width(), l.height(), l.width(), l.height(), FONTS));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"16\" font-weight=\"bold\" fill=\"#222\">%s</text>%n",
                DiagramLayout.MARGIN, DiagramLayout.MARGIN + 6, escape(l.title())));
        for (Link k : l.links()) {
            int x1 = k.from().x() + DiagramLayout.BOX_W;
            int y1 = k.from().y() + DiagramLayout.BOX_H / 2;
            int x2 = k.to().x();
            int y2 = k.to().y() + DiagramLayout.BOX_H / 2;
            if (k.from().x() == k.to().x()) {
                x2 = x1;
            }
            int mx = (x1 + x2) / 2;
            s.append(String.format("<path d=\"M%d,%d C%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"1.2\"/>%n",
                    x1, y1, mx, y1, mx, y2, x2, y2));
            s.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\" text-anchor=\"middle\">%s</text>%n",
                    mx, (y1 + y2) / 2 - 3, escape(k.label())));
        }
        for (Box b : l.boxes()) {
            s.append(String.format("<g class=\"node\" data-kind=\"%s\">%n", escape(b.kind())));
            s.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                    b.x(), b.y(), DiagramLayout.BOX_W, DiagramLayout.BOX_H, DiagramLayout.fill(b.kind()),
                    DiagramLayout.stroke(b), b.subject() ? "2.5" : "1.2"));
            s.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#666\">%s</text>%n",
                    b.x() + 10, b.y() + 20, escape(b.line1())));
            s.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#111\">%s</text>%n",
                    b.x() + 10, b.y() + 42, escape(fit(b.line2(), 30))));
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Cuts text to about {@code width} narrow characters (a Han character counts two). */
    static String fit(String text, int width) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = cp > 0x2E80 ? 2 : 1;
            if (used + w > width) {
                return out.append('…').toString();
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

package org.tongxin.domain.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.tongxin.domain.export.DiagramLayout.Box;
import org.tongxin.domain.export.DiagramLayout.Layout;
import org.tongxin.domain.export.DiagramLayout.Link;

/** A layout drawn with Java 2D at twice its size, in the CJK font of {@link CjkFont}. Runs headless. */
public final class PngDiagram {

    private static final int SCALE = 2;

    private PngDiagram() {
    }

    /** PNG bytes; throws {@link IllegalStateException} with {@link CjkFont#missingMessage()} when no font draws Chinese. */
    public static byte[] render(Layout l) {
        Font base = CjkFont.find().orElseThrow(() -> new IllegalStateException(CjkFont.missingMessage()));
        BufferedImage img = new BufferedImage(l.width() * SCALE, l.height() * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, l.width(), l.height());
            g.setColor(new Color(0x222222));
            g.setFont(base.deriveFont(Font.BOLD, 16f));
            g.drawString(l.title(), DiagramLayout.MARGIN, DiagramLayout.MARGIN + 6);
            g.setFont(base.deriveFont(11f));
            for (Link k : l.links()) {
                float x1 = k.from().x() + DiagramLayout.BOX_W;
                float y1 = k.from().y() + DiagramLayout.BOX_H / 2f;
                float x2 = k.from().x() == k.to().x() ? x1 : k.to().x();
                float y2 = k.to().y() + DiagramLayout.BOX_H / 2f;
                float mx = (x1 + x2) / 2;
                g.setColor(new Color(0x8a8a8a));
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new CubicCurve2D.Float(x1, y1, mx, y1, mx, y2, x2, y2));
                g.setColor(new Color(0x555555));
                int w = g.getFontMetrics().stringWidth(k.label());
                g.drawString(k.label(), mx - w / 2f, (y1 + y2) / 2 - 3);
            }
            for (Box b : l.boxes()) {
                var shape = new RoundRectangle2D.Float(b.x(), b.y(), DiagramLayout.BOX_W, DiagramLayout.BOX_H, 12, 12);
                g.setColor(Color.decode(DiagramLayout.fill(b.kind())));
                g.fill(shape);
                g.setColor(Color.decode(DiagramLayout.stroke(b)));
                g.setStroke(new BasicStroke(b.subject() ? 2.5f : 1.2f));
                g.draw(shape);
                g.setColor(new Color(0x666666));
                g.setFont(base.deriveFont(12f));
                g.drawString(b.line1(), b.x() + 10, b.y() + 20);
                g.setColor(new Color(0x111111));
                g.setFont(base.deriveFont(14f));
                g.drawString(SvgDiagram.fit(b.line2(), 30), b.x() + 10, b.y() + 42);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

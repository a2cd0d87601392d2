package org.tongxin.api.observer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Test files: a photo with GPS in its EXIF, a PNG, a decompression bomb, a zip bomb, a tiny MP4. */
public final class Pictures {

    private Pictures() {
    }

    public static byte[] jpegWithGps(double lat, double lon) throws Exception {
        byte[] plain = image("jpg", 320, 240);
        TiffOutputSet exif = new TiffOutputSet();
        exif.setGpsInDegrees(lon, lat);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain, out, exif);
        return out.toByteArray();
    }

    public static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A PNG whose header claims 100,000 × 100,000 pixels: a few bytes that would decode into 40 GB. */
    public static byte[] pngBomb() throws Exception {
        byte[] png = image("png", 8, 8);
        // IHDR width and height sit at bytes 16–23; the CRC after them is not checked before the size is read.
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(100_000).putInt(100_000);
        return png;
    }

    /** A zip of 20 MB of zeros, about 20 KB on the wire — what a "photo.jpg" from an attacker might be. */
    public static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** The smallest thing that is an MP4 by its bytes: an ftyp box and an empty mdat, padded to {@code size}. */
    public static byte[] mp4(int size) {
        byte[] b = new byte[Math.max(size, 32)];
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b);
        buf.putInt(24).put("ftyp".getBytes(StandardCharsets.ISO_8859_1)).put("isom".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(512).put("isomiso2".getBytes(StandardCharsets.ISO_8859_1));
        buf.putInt(b.length - 24).put("mdat".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 32; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        return b;
    }
}

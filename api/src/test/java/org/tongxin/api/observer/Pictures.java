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

    /**
     * An MP4 as a phone writes it, the movie box first: ftyp, moov (mvhd, udta with a ©xyz location), mdat. The
     * sample data follows the movie box, so removing bytes from it would break the offsets — blanking must not.
     */
    public static byte[] mp4WithLocation(String iso6709, int mediaBytes) {
        byte[] loc = iso6709.getBytes(StandardCharsets.ISO_8859_1);
        int xyz = 8 + 4 + loc.length;
        int udta = 8 + xyz;
        int mvhd = 8 + 100;
        int moov = 8 + mvhd + udta;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + moov + 8 + mediaBytes);
        b.putInt(24).put("ftyp".getBytes(StandardCharsets.ISO_8859_1)).put("isom".getBytes(StandardCharsets.ISO_8859_1))
                .putInt(512).put("isomiso2".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(moov).put("moov".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(mvhd).put("mvhd".getBytes(StandardCharsets.ISO_8859_1)).put(new byte[100]);
        b.putInt(udta).put("udta".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(xyz).put(new byte[] {(byte) 0xA9, 'x', 'y', 'z'}).putShort((short) loc.length).putShort((short) 0x15c7).put(loc);
        b.putInt(8 + mediaBytes).put("mdat".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < mediaBytes; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
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

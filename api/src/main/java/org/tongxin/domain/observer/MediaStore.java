package org.tongxin.domain.observer;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.apache.tika.Tika;
import org.tongxin.domain.problem.Problem;
import org.tongxin.domain.state.JsonLines;
import org.tongxin.model.privacy.OwnerOnly;
import org.tongxin.model.time.LegalAge;

/**
 * Volunteers' photos and videos, on disk by the SHA-256 of what is stored ({@code media/ab/abcd….jpg}). What a file
 * is comes from its bytes (Apache Tika's magic detection), never its name: JPEG and PNG photos up to 10 MiB, MP4
 * videos up to 50 MiB. A photo is decoded (at most 40 megapixels, so a small file cannot expand into gigabytes)
 * and re-encoded, which leaves its EXIF behind — after its GPS position, if any, has been read to suggest the
 * place. A video keeps its bytes except its metadata boxes, which are blanked in place after its location, if
 * any, has been read. Every accepted upload is a line in {@code media/ledger.jsonl} (who, when, size), which is what the
 * per-user daily limit counts. A refused upload leaves nothing on disk.
 */
public final class MediaStore {

    /** A stored file: its id (SHA-256 hex), media type, size, pixel size of photos, GPS of photos that had it. */
    public record Media(String id, String type, long bytes, Integer width, Integer height, Double lat, Double lon,
                        String by, String at) {
        public boolean video() {
            return type.startsWith("video/");
        }
    }

    public static final long MAX_PHOTO = 10L * 1024 * 1024;
    public static final long MAX_VIDEO = 50L * 1024 * 1024;
    private static final long MAX_PIXELS = 40_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;
    private final Path ledger;
    private final long dailyLimit;
    private final Clock clock;
    private final Tika tika = new Tika();
    private final Map<String, Media> byId = new HashMap<>();
    private final Map<String, Set<String>> uploaders = new HashMap<>();
    private final Map<String, Long> usedPerUserDay = new HashMap<>();

    public MediaStore(Path stateDir, long dailyLimit, Clock clock) {
        this.dir = stateDir.resolve("media");
        this.ledger = dir.resolve("ledger.jsonl");
        this.dailyLimit = dailyLimit;
        this.clock = clock;
        try {
            OwnerOnly.folder(dir);
            for (JsonNode line : JsonLines.read(ledger)) {
                remember(JSON.treeToValue(line, Media.class), line.path("received").asLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks and stores one upload for {@code user}; answers what was stored. Refusals ({@link Problem} kinds): empty
     * (invalid), too large for its kind (too large), not a JPEG, PNG or MP4 by its bytes (unsupported type),
     * undecodable or a decompression bomb (refused), over the day's limit (too many).
     */
    public synchronized Media accept(String user, InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) MAX_VIDEO + 1);
        } catch (IOException e) {
            throw Problem.invalid("observer.upload-unreadable");
        }
        if (bytes.length == 0) {
            throw Problem.invalid("observer.upload-empty");
        }
        if (bytes.length > MAX_VIDEO) {
            throw new Problem(Problem.Kind.TOO_LARGE, "observer.upload-too-large");
        }
        String type = tika.detect(bytes);
        Stored stored = switch (type) {
            case "image/jpeg", "image/png" -> photo(bytes, type);
            case "video/mp4", "video/quicktime", "application/mp4" -> video(bytes);
            default -> throw new Problem(Problem.Kind.UNSUPPORTED_TYPE, "observer.upload-type", type);
        };
        String today = LocalDate.now(clock.withZone(LegalAge.ZONE)).toString();
        long used = usedPerUserDay.getOrDefault(user + "|" + today, 0L);
        if (used + bytes.length > dailyLimit) {
            long untilMidnight = Duration.between(ZonedDateTime.now(clock.withZone(LegalAge.ZONE)),
                    LocalDate.now(clock.withZone(LegalAge.ZONE)).plusDays(1).atStartOfDay(LegalAge.ZONE)).toSeconds();
            throw Problem.tooMany(Math.max(1, untilMidnight), "observer.upload-daily-limit", dailyLimit / (1024 * 1024),
                    used / (1024 * 1024));
        }
        String id = sha256(stored.bytes());
        Media m = new Media(id, stored.type(), stored.bytes().length, stored.width(), stored.height(), stored.lat(),
                stored.lon(), user, LocalDateTime.now(clock.withZone(LegalAge.ZONE)).withNano(0).toString());
        try {
            Path file = file(m);
            if (!Files.exists(file)) {
                OwnerOnly.folder(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), ".upload", ".tmp", OwnerOnly.fileAttributes());
                Files.write(tmp, stored.bytes());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            JsonLines.append(ledger, new LedgerLine(m.id(), m.type(), m.bytes(), m.width(), m.height(), m.lat(), m.lon(),
                    m.by(), m.at(), bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        remember(m, bytes.length);
        return m;
    }

    public synchronized Optional<Media> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether this user uploaded this file (a volunteer may attach and see only their own). */
    public synchronized boolean uploadedBy(String id, String user) {
        return uploaders.getOrDefault(id, Set.of()).contains(user);
    }

    public Path file(Media m) {
        String ext = switch (m.type()) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> ".mp4";
        };
        return dir.resolve(m.id().substring(0, 2)).resolve(m.id() + ext);
    }

    /** How many files are stored (for tests and the status page): every content-addressed file under the folder. */
    public long storedFiles() {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.equals(ledger)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void remember(Media m, long received) {
        byId.putIfAbsent(m.id(), m);
        uploaders.computeIfAbsent(m.id(), k -> new HashSet<>()).add(m.by());
        usedPerUserDay.merge(m.by() + "|" + m.at().substring(0, 10), received, Long::sum);
    }

    /** A line of the ledger: what was stored and how many bytes were received (what the daily limit counts). */
    private record LedgerLine(String id, String type, long bytes, Integer width, Integer height, Double lat, Double lon,
                              String by, String at, long received) {
    }

    private record Stored(byte[] bytes, String type, Integer width, Integer height, Double lat, Double lon) {
    }

    private static Stored photo(byte[] bytes, String type) {
        if (bytes.length > MAX_PHOTO) {
            throw new Problem(Problem.Kind.TOO_LARGE, "observer.photo-too-large", bytes.length / (1024 * 1024));
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw Problem.refused("observer.photo-unreadable", type);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw Problem.refused("observer.photo-too-many-pixels", reader.getWidth(0), reader.getHeight(0));
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (Problem e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Problem.refused("observer.photo-damaged", type);
        }
        Double lat = null;
        Double lon = null;
        try {
            Metadata meta = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            GpsDirectory gps = meta.getFirstDirectoryOfType(GpsDirectory.class);
            GeoLocation at = gps == null ? null : gps.getGeoLocation();
            if (at != null && !at.isZero()) {
                lat = at.getLatitude();
                lon = at.getLongitude();
            }
        } catch (Exception e) {
            // Metadata that cannot be read is metadata we do not keep anyway.
        }
        boolean png = type.equals("image/png");
        return new Stored(encode(image, png), type, image.getWidth(), image.getHeight(), lat, lon);
    }

    /** Re-encodes from pixels only: no EXIF, no comments, no embedded thumbnails survive. */
    private static byte[] encode(BufferedImage image, boolean png) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (png) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_INT_RGB) {
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(image, 0, 0, null);
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(rgb, null, null), p);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stored video(byte[] bytes) {
        if (bytes.length < 12 || !new String(bytes, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            throw new Problem(Problem.Kind.UNSUPPORTED_TYPE, "observer.video-not-mp4");
        }
        String brand = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
        if (brand.equals("qt  ")) {
            throw new Problem(Problem.Kind.UNSUPPORTED_TYPE, "observer.video-quicktime");
        }
        byte[] clean = bytes.clone();
        double[] where = new double[2];
        boolean located = blankMetadata(clean, 0, clean.length, where);
        return new Stored(clean, "video/mp4", null, null, located ? where[0] : null, located ? where[1] : null);
    }

    private static final java.util.regex.Pattern ISO6709 = java.util.regex.Pattern.compile("([+-]\\d{1,2}\\.\\d+)([+-]\\d{1,3}\\.\\d+)");

    /**
     * Walks the MP4 boxes in {@code [from, to)} and turns every {@code udta} and {@code meta} box (where cameras and
     * phones write the place, the device and the owner) into a {@code free} box of the same size filled with
     * zeros: nothing moves, so the sample offsets stay valid and the video still plays. Descends into {@code moov}
     * and {@code trak}. The first ISO 6709 location found ({@code ©xyz}, e.g. "+37.4422+121.7019/") is read first,
     * into {@code where} (lat, lon), to offer the place; answers whether one was found.
     */
    static boolean blankMetadata(byte[] b, int from, int to, double[] where) {
        boolean located = false;
        int at = from;
        while (at + 8 <= to) {
            long size = java.nio.ByteBuffer.wrap(b, at, 4).getInt() & 0xFFFFFFFFL;
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1 && at + 16 <= to) {
                size = java.nio.ByteBuffer.wrap(b, at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                break;
            }
            int end = (int) (at + size);
            switch (type) {
                case "moov", "trak" -> located |= blankMetadata(b, at + header, end, located ? new double[2] : where);
                case "udta", "meta" -> {
                    if (!located) {
                        var m = ISO6709.matcher(new String(b, at + header, end - at - header, StandardCharsets.ISO_8859_1));
                        if (m.find()) {
                            where[0] = Double.parseDouble(m.group(1));
                            where[1] = Double.parseDouble(m.group(2));
                            located = Math.abs(where[0]) <= 90 && Math.abs(where[1]) <= 180;
                        }
                    }
                    java.util.Arrays.fill(b, at + header, end, (byte) 0);
                    System.arraycopy("free".getBytes(StandardCharsets.ISO_8859_1), 0, b, at + 4, 4);
                }
                default -> { }
            }
            at = end;
        }
        return located;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> acceptedTypes() {
        return List.of("image/jpeg", "image/png", "video/mp4");
    }
}

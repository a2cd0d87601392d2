package org.tongxin.ingest.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongxin.ingest.mapping.DatasetMapping;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.read.FileRejectedException;
import org.tongxin.ingest.read.Printable;
import org.tongxin.ingest.read.RawRow;
import org.tongxin.ingest.read.TableCursor;
import org.tongxin.ingest.read.TableReader;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.model.schema.Records;
import org.tongxin.model.time.LegalAge;

/**
 * Loads a folder of department files into the graph: recognises each file by its dataset name, applies the
 * dataset's mapping, writes accepted rows, quarantines the rest and reports every row. Reloading the same
 * folder changes nothing.
 */
public final class FolderLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FolderLoader.class);

    private final GraphStore store;
    private final Mappings mappings;
    private final Path quarantineDir;
    private final int batchSize;
    private final boolean progress;
    private final int writerThreads;
    private ExecutorService writers;

    public FolderLoader(GraphStore store, Mappings mappings, Path quarantineDir, int batchSize, boolean progress) {
        this(store, mappings, quarantineDir, batchSize, progress, 2);
    }

    /** @param writerThreads transactions written at once (2 suits the 2-core machine this runs on) */
    public FolderLoader(GraphStore store, Mappings mappings, Path quarantineDir, int batchSize, boolean progress,
                        int writerThreads) {
        if (writerThreads < 1) {
            throw new IllegalArgumentException("writer threads must be positive");
        }
        this.writerThreads = writerThreads;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.store = store;
        this.mappings = mappings;
        this.quarantineDir = quarantineDir;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    public LoadReport load(Path folder) throws IngestRefusedException {
        return load(folder, r -> { });
    }

    /** Loads the folder; {@code onFile} hears of each file as soon as it is written (for progress lines). */
    public LoadReport load(Path folder, java.util.function.Consumer<FileReport> onFile) throws IngestRefusedException {
        long t0 = System.currentTimeMillis();
        String startedAt = LocalDateTime.now(LegalAge.ZONE).toString();
        if (!Files.isDirectory(folder)) {
            throw new IngestRefusedException("not a folder: " + folder);
        }
        Map<String, List<Path>> byDataset = new TreeMap<>();
        List<LoadReport.SkippedFile> skipped = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String name = Printable.of(f.getFileName().toString());
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                    skipped.add(new LoadReport.SkippedFile(name, "a folder, not a dataset file"));
                    continue;
                }
                int dot = name.lastIndexOf('.');
                String base = dot < 0 ? name : name.substring(0, dot);
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!ext.equals("csv") && !ext.equals("xlsx")) {
                    skipped.add(new LoadReport.SkippedFile(name, "not a .csv or .xlsx file"));
                } else if (mappings.get(base).isEmpty()) {
                    skipped.add(new LoadReport.SkippedFile(name, "'" + Printable.of(base) + "' is no dataset of the exchange format"));
                } else {
                    byDataset.computeIfAbsent(base, k -> new ArrayList<>()).add(f);
                }
            }
        } catch (IOException e) {
            throw new IngestRefusedException("cannot list " + folder + ": " + e.getMessage());
        }
        for (Map.Entry<String, List<Path>> e : byDataset.entrySet()) {
            if (e.getValue().size() > 1) {
                throw new IngestRefusedException("the folder holds both a .csv and an .xlsx of dataset " + e.getKey()
                        + "; keep one and load again (nothing was written)");
            }
        }
        SchemaInstaller.install(store, mappings);
        Path qfile = quarantineDir.resolve("quarantine-"
                + LocalDateTime.now(LegalAge.ZONE).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".csv");
        List<FileReport> reports = new ArrayList<>();
        writers = Executors.newFixedThreadPool(writerThreads, r -> {
            Thread t = new Thread(r, "tongxin-writer");
            t.setDaemon(true);
            return t;
        });
        List<DatasetMapping> todo = mappings.all().stream().filter(m -> byDataset.containsKey(m.dataset())).toList();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tongxin-reader");
            t.setDaemon(true);
            return t;
        });
        try (Quarantine quarantine = new Quarantine(qfile)) {
            // The next file is read and checked while the current one is written: one file ahead, no more.
            Future<Prepared> next = todo.isEmpty() ? null
                    : reader.submit(() -> prepare(byDataset.get(todo.get(0).dataset()).get(0), todo.get(0), quarantine));
            for (int i = 0; i < todo.size(); i++) {
                Prepared current = await(next);
                if (i + 1 < todo.size()) {
                    DatasetMapping m = todo.get(i + 1);
                    next = reader.submit(() -> prepare(byDataset.get(m.dataset()).get(0), m, quarantine));
                }
                FileReport written = current.done() != null ? current.done() : write(current, quarantine);
                reports.add(written);
                onFile.accept(written);
            }
            List<FileReport> linked = new ArrayList<>();
            for (FileReport r : reports) {
                linked.add(r.error() == null ? r.withLinked(countLinked(r.dataset())) : r);
            }
            Path q = quarantine.pathIfWritten();
            return new LoadReport(folder.toString(), startedAt, System.currentTimeMillis() - t0, linked, skipped,
                    q == null ? null : q.toString());
        } finally {
            reader.shutdownNow();
            writers.shutdownNow();
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * A file read and checked, not yet written: either a finished report (the whole file was rejected) or what the
     * second reading needs — the header and notes, and for each key seen more than once the line of its last row
     * (the later row wins; the others are flagged {@code duplicate-key}).
     */
    private record Prepared(FileReport done, Path file, DatasetMapping mapping, long t0, Map<String, Integer> lastOfKey,
                            List<String> notes) {
        static Prepared finished(FileReport report) {
            return new Prepared(report, null, null, 0, null, null);
        }
    }

    /**
     * First reading of a file: refuses it whole when it cannot be read or its header is unusable, and otherwise
     * finds the keys that occur more than once. Rows are not kept, so memory does not grow with the file.
     */
    Prepared prepare(Path file, DatasetMapping m, Quarantine quarantine) {
        long t0 = System.currentTimeMillis();
        String name = Printable.of(file.getFileName().toString());
        try {
            String notRegular = notARegularFile(file);
            if (notRegular != null) {
                return rejectedWhole(name, m, null, null, 0, 0, notRegular, 0, quarantine);
            }
            try (TableCursor cursor = open(file, m)) {
                String headerProblem = headerProblem(m, cursor.header());
                if (headerProblem != null) {
                    return quarantineAll(name, m, cursor, headerProblem, quarantine);
                }
                List<String> notes = new ArrayList<>(cursor.notes());
                for (String col : RowParser.missingOptional(m, cursor.header())) {
                    String why = m.missingColumnNotes().get(col);
                    notes.add("column " + col + " missing: unknown for every row" + (why == null ? "" : " — " + why));
                }
                List<String> unknown = cursor.header().stream().filter(h -> !h.isEmpty() && m.column(h).isEmpty())
                        .map(Printable::of).toList();
                if (!unknown.isEmpty()) {
                    notes.add("extra columns kept in provenance: " + String.join(", ", unknown));
                }
                RowParser parser = new RowParser(m, cursor.header(), LocalDate.now(LegalAge.ZONE), store.pseudonyms());
                // Keys are remembered by a 64-bit hash; a collision only puts a key in lastOfKey, where its own line wins.
                Set<Long> seen = new HashSet<>();
                Map<String, Integer> lastOfKey = new HashMap<>();
                for (RawRow raw = cursor.next(); raw != null; raw = cursor.next()) {
                    ParsedRow row = parser.parse(raw);
                    if (!row.rejected() && !seen.add(hash64(row.rid()))) {
                        lastOfKey.put(row.rid(), row.line());
                    }
                }
                return new Prepared(null, file, m, t0, lastOfKey, notes);
            }
        } catch (FileRejectedException e) {
            long lines = countLines(file);
            return rejectedWhole(name, m, null, null, lines, Math.max(0, lines - 1), e.getMessage(), e.line(), quarantine);
        } catch (RuntimeException e) {
            // Whatever a file from outside does to a reader, it costs that file, not the load.
            LOG.warn("{}: cannot be read", name, e);
            return rejectedWhole(name, m, null, null, 0, 0, "cannot be read (" + e.getClass().getSimpleName() + ")",
                    0, quarantine);
        }
    }

    /** Opens a file of this dataset: line breaks in quoted cells only in its free-text columns (and unknown ones). */
    private static TableCursor open(Path file, DatasetMapping m) throws FileRejectedException {
        return TableReader.open(file, h -> m.column(h).map(RowParser::isFreeText).orElse(true));
    }

    /** Why a path must not be read, or null: only regular files inside the folder, never through a link. */
    private static String notARegularFile(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                return "a symbolic link, not followed (a delivery holds the files themselves)";
            }
            if (!a.isRegularFile()) {
                return "not a regular file";
            }
            return null;
        } catch (IOException e) {
            return TableReader.cannotRead(e);
        }
    }

    /** A header the file cannot be loaded with: a column named twice, or a required column missing. */
    private static String headerProblem(DatasetMapping m, List<String> header) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            Integer before = h.isEmpty() ? null : first.putIfAbsent(h, i);
            if (before != null) {
                return "column " + Printable.of(h) + " appears twice in the header (columns " + (before + 1) + " and "
                        + (i + 1) + "): which one holds the values is unknown";
            }
        }
        List<String> missing = RowParser.missingRequired(m, header);
        return missing.isEmpty() ? null : "required column missing: " + String.join(", ", missing);
    }

    /** The whole file is refused for its header: every row is quarantined, naming the column. */
    private Prepared quarantineAll(String name, DatasetMapping m, TableCursor cursor, String reason,
                                   Quarantine quarantine) throws FileRejectedException {
        List<String> missing = RowParser.missingRequired(m, cursor.header());
        String column = reason.startsWith("column ") ? reason.substring(7, reason.indexOf(" appears twice"))
                : missing.isEmpty() ? "" : missing.get(0);
        long n = 0;
        for (RawRow row = cursor.next(); row != null; row = cursor.next()) {
            n++;
            quarantine.add(name, row.line(), column, reason, "file rejected",
                    RowParser.quarantineJson(m, cursor.header(), row, store.pseudonyms()));
        }
        if (n == 0) {
            quarantine.add(name, cursor.headerLine(), column, reason, "file rejected", "");
        }
        return Prepared.finished(new FileReport(name, m.dataset(), cursor.format(), cursor.encoding(),
                cursor.physicalLines(), n, 0, 0, n, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(reason, n), lineNotes(cursor, n),
                reason, cursor.headerLine(), 0));
    }

    private Prepared rejectedWhole(String name, DatasetMapping m, String format, String encoding, long lines, long rows,
                                   String reason, int line, Quarantine quarantine) {
        quarantine.add(name, line, "", reason, "file rejected", "");
        LOG.warn("{}: whole file rejected: {}", name, reason);
        return Prepared.finished(new FileReport(name, m.dataset(), format, encoding, lines, rows, 0, 0, rows, 0, 0, 0, 0,
                Map.of(), Map.of(), Map.of(reason, rows), List.of(), reason, line, 0));
    }

    /** How the physical lines that are no row were spent, so that every line of the file is accounted for. */
    private static List<String> lineNotes(TableCursor c, long rows) {
        List<String> notes = new ArrayList<>();
        if (c.blankLines() > 0) {
            notes.add(c.blankLines() + " blank lines skipped");
        }
        if (c == null) {
            return notes;
        }
        long continuing = c.physicalLines() - 1 - c.blankLines() - rows;
        if (continuing > 0) {
            notes.add(continuing + " lines continue a quoted cell of the row before");
        }
        return notes;
    }

    /** Second reading: parses every row again and writes it, in batches, with at most a few batches in memory. */
    private FileReport write(Prepared p, Quarantine quarantine) {
        DatasetMapping m = p.mapping();
        String name = Printable.of(p.file().getFileName().toString());
        Map<String, Long> flags = new TreeMap<>();
        Map<String, Long> warnings = new TreeMap<>();
        Map<String, Long> rejections = new TreeMap<>();
        long read = 0;
        long rejected = 0;
        long superseded = 0;
        long accepted = 0;
        long flagged = 0;
        long created = 0;
        long updated = 0;
        GraphWriter writer = new GraphWriter(store, m);
        Deque<Future<GraphWriter.BatchResult>> pending = new ArrayDeque<>();
        int maxPending = writerThreads * 2;
        String failure = null;
        Integer failureLine = null;
        TableCursor cursor = null;
        try (ProgressBar bar = progressBar(m.dataset())) {
            cursor = open(p.file(), m);
            String source = SourceFiles.register(store, m, name, cursor.header(), cursor.format(), cursor.encoding());
            boolean lookup = writer.anyRecord();
            RowParser parser = new RowParser(m, cursor.header(), LocalDate.now(LegalAge.ZONE), store.pseudonyms());
            List<ParsedRow> batch = new ArrayList<>(batchSize);
            for (RawRow raw = cursor.next(); raw != null; raw = cursor.next()) {
                read++;
                ParsedRow row = parser.parse(raw);
                if (row.rejected()) {
                    rejected++;
                    rejections.merge(row.rejection().reason().replaceAll("'.*'", "'…'")
                            + (row.rejection().column().isEmpty() ? "" : " (" + row.rejection().column() + ")"), 1L, Long::sum);
                    quarantine.add(name, row.line(), row.rejection().column(), row.rejection().reason(), "rejected",
                            row.rawJson());
                    continue;
                }
                Integer last = p.lastOfKey().get(row.rid());
                if (last != null && last != row.line()) {
                    superseded++;
                    flags.merge("duplicate-key", 1L, Long::sum);
                    row.flags().forEach(f -> flags.merge(f, 1L, Long::sum));
                    quarantine.add(name, row.line(), String.join("|", m.key()), "duplicate-key: superseded by line "
                            + last, "flagged (later row wins)", row.rawJson());
                    continue;
                }
                accepted++;
                if (!row.flags().isEmpty()) {
                    flagged++;
                    row.flags().forEach(f -> flags.merge(f, 1L, Long::sum));
                }
                row.warnings().forEach(w -> warnings.merge(w, 1L, Long::sum));
                batch.add(row);
                if (batch.size() == batchSize) {
                    submit(pending, writer, source, batch, lookup, bar);
                    batch = new ArrayList<>(batchSize);
                    while (pending.size() >= maxPending) {
                        GraphWriter.BatchResult r = await(pending.poll());
                        created += r.created();
                        updated += r.updated();
                    }
                }
            }
            if (!batch.isEmpty()) {
                submit(pending, writer, source, batch, lookup, bar);
            }
        } catch (FileRejectedException e) {
            // The first reading went through, so the file changed or vanished since; what was written stays.
            failure = e.getMessage() + " (while writing; rows before were loaded)";
            failureLine = e.line();
            quarantine.add(name, e.line(), "", failure, "file rejected from here", "");
        } finally {
            while (!pending.isEmpty()) {
                GraphWriter.BatchResult r = await(pending.poll());
                created += r.created();
                updated += r.updated();
            }
            if (cursor != null) {
                cursor.close();
            }
        }
        long loaded = accepted + superseded;
        long unchanged = accepted - created - updated;
        List<String> notes = new ArrayList<>(p.notes());
        notes.addAll(lineNotes(cursor, read));
        LOG.info("{}: read {}, loaded {}, flagged {}, rejected {} (new {}, changed {}, unchanged {})", name,
                read, loaded, flagged + superseded, rejected, created, updated, unchanged);
        return new FileReport(name, m.dataset(), cursor == null ? null : cursor.format(),
                cursor == null ? null : cursor.encoding(), cursor == null ? 0 : cursor.physicalLines(), read, loaded,
                flagged + superseded, rejected, 0, created, updated, unchanged, flags, warnings, rejections, notes, failure,
                failureLine, System.currentTimeMillis() - p.t0());
    }

    private void submit(Deque<Future<GraphWriter.BatchResult>> pending, GraphWriter writer, String source,
                        List<ParsedRow> batch, boolean lookup, ProgressBar bar) {
        // Batches of one file go to the store on parallel transactions: each holds whole rows with their
        // relationships; two that meet on one hub wait for each other, and a deadlock is retried by the driver.
        pending.add(writers.submit(() -> {
            GraphWriter.BatchResult r = writer.write(source, batch, lookup);
            step(bar, batch.size());
            return r;
        }));
    }

    private static long hash64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private ProgressBar progressBar(String task) {
        if (!progress) {
            return null;
        }
        // The number of rows is not known before the end of the file: the bar counts without a total.
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(-1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).build();
    }

    private static void step(ProgressBar bar, long n) {
        if (bar != null) {
            // Called from the writer threads; the bar is safe to step from several.
            bar.stepBy(n);
        }
    }

    private long countLinked(String dataset) {
        try (Session s = store.driver().session(store.session())) {
            return s.run("""
                    MATCH (r:%1$s {%2$s: $ds})-->(e)
                    WHERE (e:Person OR e:Vehicle OR e:Venue)
                      AND EXISTS { MATCH (e)<--(o:%1$s) WHERE o.%2$s <> $ds }
                    RETURN count(DISTINCT r) AS n
                    """.formatted(Records.LABEL, Records.DATASET), Map.of("ds", dataset)).single().get("n").asLong();
        }
    }

    /** Physical lines of a CSV read as bytes (for a file refused before its lines could be read), 0 if unreadable. */
    private static long countLines(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            long n = 0;
            int last = '\n';
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                for (int i = 0; i < r; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
                if (r > 0) {
                    last = buf[r - 1];
                }
            }
            return last == '\n' ? n : n + 1;
        } catch (IOException e) {
            return 0;
        }
    }
}

package org.tongxin.ingest.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.tongxin.ingest.read.RawRow;
import org.tongxin.ingest.read.Table;
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
                String name = f.getFileName().toString();
                if (Files.isDirectory(f)) {
                    skipped.add(new LoadReport.SkippedFile(name, "a folder, not a dataset file"));
                    continue;
                }
                int dot = name.lastIndexOf('.');
                String base = dot < 0 ? name : name.substring(0, dot);
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!ext.equals("csv") && !ext.equals("xlsx")) {
                    skipped.add(new LoadReport.SkippedFile(name, "not a .csv or .xlsx file"));
                } else if (mappings.get(base).isEmpty()) {
                    skipped.add(new LoadReport.SkippedFile(name, "'" + base + "' is no dataset of the exchange format"));
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
     * A file read and checked, not yet written: either a finished report (the whole file was rejected) or the
     * accepted rows (the last row of each key), the rows they superseded, and the counts so far.
     */
    private record Prepared(FileReport done, Path file, DatasetMapping mapping, Table table, long t0,
                            LinkedHashMap<String, ParsedRow> accepted, List<ParsedRow> superseded,
                            Map<String, Long> flags, Map<String, Long> warnings, Map<String, Long> rejections,
                            long rejected, List<String> notes) {
        static Prepared finished(FileReport report) {
            return new Prepared(report, null, null, null, 0, null, null, null, null, null, 0, null);
        }
    }

    Prepared prepare(Path file, DatasetMapping m, Quarantine quarantine) {
        long t0 = System.currentTimeMillis();
        String name = file.getFileName().toString();
        Table table;
        try {
            table = TableReader.read(file);
        } catch (FileRejectedException e) {
            long lines = countLines(file);
            quarantine.add(name, e.line(), "", e.getMessage(), "file rejected", "");
            LOG.warn("{}: whole file rejected: {}", name, e.getMessage());
            return Prepared.finished(new FileReport(name, m.dataset(), null, null, lines, 0, 0, lines, 0, 0, 0, 0,
                    Map.of(), Map.of(), Map.of(e.getMessage(), lines), List.of(), e.getMessage(), e.line(), 0));
        }
        List<String> missing = RowParser.missingRequired(m, table.header());
        if (!missing.isEmpty()) {
            String reason = "required column missing: " + String.join(", ", missing);
            for (RawRow row : table.rows()) {
                quarantine.add(name, row.line(), missing.get(0), reason, "file rejected",
                        RowParser.toJson(RowParser.sealedCells(m, table.header(), row.cells(), store.pseudonyms())));
            }
            long n = table.rows().size();
            return Prepared.finished(new FileReport(name, m.dataset(), table.format(), table.encoding(), n, 0, 0, n,
                    0, 0, 0, 0, Map.of(), Map.of(), Map.of(reason, n), List.of(), reason, 1, 0));
        }
        List<String> notes = new ArrayList<>();
        for (String col : RowParser.missingOptional(m, table.header())) {
            String why = m.missingColumnNotes().get(col);
            notes.add("column " + col + " missing: unknown for every row" + (why == null ? "" : " — " + why));
        }
        List<String> unknown = table.header().stream().filter(h -> !h.isEmpty() && m.column(h).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            notes.add("extra columns kept in provenance: " + String.join(", ", unknown));
        }
        RowParser parser = new RowParser(m, table.header(), LocalDate.now(LegalAge.ZONE), store.pseudonyms());
        Map<String, Long> flags = new TreeMap<>();
        Map<String, Long> warnings = new TreeMap<>();
        Map<String, Long> rejections = new TreeMap<>();
        long rejected = 0;
        // Parse the whole file first so that a key seen twice keeps its last row (datasets.md).
        LinkedHashMap<String, ParsedRow> accepted = new LinkedHashMap<>();
        Map<String, Integer> duplicateOf = new HashMap<>();
        List<ParsedRow> superseded = new ArrayList<>();
        for (RawRow raw : table.rows()) {
            ParsedRow row = parser.parse(raw);
            if (row.rejected()) {
                rejected++;
                rejections.merge(row.rejection().reason().replaceAll("'.*'", "'…'")
                        + (row.rejection().column().isEmpty() ? "" : " (" + row.rejection().column() + ")"), 1L, Long::sum);
                quarantine.add(name, row.line(), row.rejection().column(), row.rejection().reason(), "rejected",
                        row.rawJson());
                continue;
            }
            ParsedRow earlier = accepted.remove(row.rid());
            if (earlier != null) {
                superseded.add(earlier);
                duplicateOf.put(earlier.rid() + "#" + earlier.line(), row.line());
            }
            accepted.put(row.rid(), row);
        }
        for (ParsedRow s : superseded) {
            flags.merge("duplicate-key", 1L, Long::sum);
            s.flags().forEach(f -> flags.merge(f, 1L, Long::sum));
            quarantine.add(name, s.line(), String.join("|", m.key()), "duplicate-key: superseded by line "
                    + duplicateOf.get(s.rid() + "#" + s.line()), "flagged (later row wins)", s.rawJson());
        }
        return new Prepared(null, file, m, table, t0, accepted, superseded, flags, warnings, rejections, rejected, notes);
    }

    private FileReport write(Prepared p, Quarantine quarantine) {
        DatasetMapping m = p.mapping();
        String name = p.file().getFileName().toString();
        Map<String, Long> flags = p.flags();
        Map<String, Long> warnings = p.warnings();
        long flagged = p.superseded().size();
        long created = 0;
        long updated = 0;
        GraphWriter writer = new GraphWriter(store, m);
        Table table = p.table();
        LinkedHashMap<String, ParsedRow> accepted = p.accepted();
        String source = SourceFiles.register(store, m, table);
        boolean lookup = writer.anyRecord();
        List<List<ParsedRow>> batches = new ArrayList<>();
        List<ParsedRow> batch = new ArrayList<>(batchSize);
        for (ParsedRow row : accepted.values()) {
            if (!row.flags().isEmpty()) {
                flagged++;
                for (String f : row.flags()) {
                    flags.merge(f, 1L, Long::sum);
                }
            }
            row.warnings().forEach(w -> warnings.merge(w, 1L, Long::sum));
            batch.add(row);
            if (batch.size() == batchSize) {
                batches.add(batch);
                batch = new ArrayList<>(batchSize);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        // Batches of one file go to the store on parallel transactions: each holds whole rows with their
        // relationships; two that meet on one hub wait for each other, and a deadlock is retried by the driver.
        try (ProgressBar bar = progressBar(m.dataset(), accepted.size())) {
            List<Future<GraphWriter.BatchResult>> pending = new ArrayList<>();
            for (List<ParsedRow> b : batches) {
                pending.add(writers.submit(() -> {
                    GraphWriter.BatchResult r = writer.write(source, b, lookup);
                    step(bar, b.size());
                    return r;
                }));
            }
            for (Future<GraphWriter.BatchResult> f : pending) {
                GraphWriter.BatchResult r = await(f);
                created += r.created();
                updated += r.updated();
            }
        }
        long loaded = accepted.size() + p.superseded().size();
        long unchanged = accepted.size() - created - updated;
        LOG.info("{}: read {}, loaded {}, flagged {}, rejected {} (new {}, changed {}, unchanged {})", name,
                table.rows().size(), loaded, flagged, p.rejected(), created, updated, unchanged);
        return new FileReport(name, m.dataset(), table.format(), table.encoding(), table.rows().size(), loaded,
                flagged, p.rejected(), 0, created, updated, unchanged, flags, warnings, p.rejections(), p.notes(), null,
                null, System.currentTimeMillis() - p.t0());
    }

    private ProgressBar progressBar(String task, long max) {
        if (!progress || max < 5_000) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
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

    private static long countLines(Path file) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return 0;
        }
        try {
            byte[] b = Files.readAllBytes(file);
            long n = 0;
            for (byte x : b) {
                if (x == '\n') {
                    n++;
                }
            }
            if (b.length > 0 && b[b.length - 1] != '\n') {
                n++;
            }
            return Math.max(0, n - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

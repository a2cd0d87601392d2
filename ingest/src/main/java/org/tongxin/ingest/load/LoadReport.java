package org.tongxin.ingest.load;

import java.util.List;

/**
 * The report of one folder load: a row per dataset file, the files that are no dataset (skipped, with why), and
 * where rejected rows were written.
 */
public record LoadReport(String folder, String startedAt, long millis, List<FileReport> files,
                         List<SkippedFile> skipped, String quarantineFile) {

    /** A file that is not a dataset of the exchange format. */
    public record SkippedFile(String file, String reason) {
    }

    public LoadReport {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    public long read() {
        return files.stream().mapToLong(FileReport::read).sum();
    }

    public long loaded() {
        return files.stream().mapToLong(FileReport::loaded).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileReport::rejected).sum();
    }

    public long flagged() {
        return files.stream().mapToLong(FileReport::flagged).sum();
    }

    /** A plain-text table for the terminal (Chinese dataset titles, English column heads). */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-28s %-8s %9s %9s %9s %9s %9s %7s  %s%n", "file", "encoding", "read", "loaded",
                "flagged", "rejected", "linked", "seconds", "notes"));
        for (FileReport f : files) {
            StringBuilder notes = new StringBuilder();
            if (f.error() != null) {
                notes.append("FILE REJECTED: ").append(f.error());
                if (f.errorLine() != null && f.errorLine() > 0) {
                    notes.append(" (line ").append(f.errorLine()).append(')');
                }
                notes.append("; ");
            }
            f.flags().forEach((k, v) -> notes.append(k).append('=').append(v).append("; "));
            f.warnings().forEach((k, v) -> notes.append("warning ").append(k).append('=').append(v).append("; "));
            f.rejections().forEach((k, v) -> notes.append("rejected ").append(k).append('=').append(v).append("; "));
            f.notes().forEach(n -> notes.append(n).append("; "));
            sb.append(String.format("%-28s %-8s %9d %9d %9d %9d %9d %7.1f  %s%n", f.file(),
                    f.encoding() == null ? "-" : f.encoding().replace("GBK/GB18030", "GBK").replace("UTF-8 (BOM)", "UTF-8B"),
                    f.read(), f.loaded(), f.flagged(), f.rejected(), f.linked(), f.millis() / 1000.0, notes));
        }
        sb.append(String.format("%-28s %-8s %9d %9d %9d %9d%n", "total", "", read(), loaded(), flagged(), rejected()));
        for (SkippedFile s : skipped) {
            sb.append("skipped ").append(s.file()).append(": ").append(s.reason()).append('\n');
        }
        if (quarantineFile != null) {
            sb.append("quarantine: ").append(quarantineFile).append('\n');
        }
        sb.append(String.format("took %.1f s%n", millis / 1000.0));
        return sb.toString();
    }
}

package org.tongxin.api.stats;

import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.ANALYST;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.util.List;
import org.tongxin.api.http.Attachments;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.security.Access;
import org.tongxin.domain.sheet.Xlsx;
import org.tongxin.domain.stats.Statistics;
import org.tongxin.domain.stats.StatisticsWorkbook;

/** The statistics page's figures (统计): as JSON for the charts and as an XLSX workbook. Prosecutors and analysts. */
public final class StatsRoutes {

    private static final List<Endpoint.Param> RANGE = List.of(
            query("from", "string", "from this day on (yyyy-MM-dd, inclusive; open when absent)"),
            query("to", "string", "up to this day (yyyy-MM-dd, inclusive; open when absent)"));

    private final Statistics statistics;
    private final Access access;

    public StatsRoutes(Statistics statistics, Access access) {
        this.statistics = statistics;
        this.access = access;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/stats", "stats", "统计：各模型、规则、月份的线索数，办理结果，令状，观察员线索，法治课", RANGE, this::report)
                        .returns(Statistics.Report.class).allow(PROSECUTOR, ANALYST),
                Endpoint.get("/api/stats.xlsx", "stats", "统计表（XLSX，与统计页相同的数字）", RANGE, this::workbook)
                        .producing(Xlsx.MEDIA_TYPE).allow(PROSECUTOR, ANALYST));
    }

    private void report(Context ctx) {
        Statistics.Range range = range(ctx);
        Statistics.Report report = statistics.report(range);
        access.record(ctx, "stats.read", List.of(), null, describe(range));
        ctx.json(report);
    }

    private void workbook(Context ctx) {
        Statistics.Range range = range(ctx);
        Statistics.Report report = statistics.report(range);
        byte[] xlsx = StatisticsWorkbook.xlsx(report);
        access.record(ctx, "stats.export", List.of(), null, "XLSX，" + describe(range));
        ctx.header("Content-Disposition", attachment(StatisticsWorkbook.fileName(report), "tongxin-stats.xlsx"));
        ctx.contentType(Xlsx.MEDIA_TYPE).result(xlsx);
    }

    private static Statistics.Range range(Context ctx) {
        return Statistics.Range.parse(ctx.queryParam("from"), ctx.queryParam("to"));
    }

    private static String describe(Statistics.Range r) {
        return (r.from() == null ? "…" : r.from().toString()) + "–" + (r.to() == null ? "…" : r.to().toString());
    }

    /** The header of a download with a Chinese name ({@link Attachments#attachment}). */
    static String attachment(String name, String asciiFallback) {
        return Attachments.attachment(name, asciiFallback);
    }

    static String rfc5987(String s) {
        return Attachments.rfc5987(s);
    }
}

package org.tongxin.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tongxin.analytics.engine.CypherEngine;
import org.tongxin.analytics.engine.GremlinEngine;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.engine.TinkerProjection;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.model.Models;
import org.tongxin.ingest.load.FolderLoader;
import org.tongxin.ingest.load.LoadReport;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;
import org.tongxin.ingest.store.StoreConfig;
import org.tongxin.model.id.IdNumber;

/** Cases the generator does not plant, written by hand: a hotel export without the guardian-phone column. */
class HandWrittenCasesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 27);

    private static String id(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    @Test
    void r62AppliesOnlyToHotelFilesThatHaveTheGuardianPhoneColumn(@TempDir Path dir) throws Exception {
        String girl = id("37061220110101002");
        String boy = id("37061220110202001");
        Path without = Files.createDirectories(dir.resolve("without"));
        Files.writeString(without.resolve("police_hotel_stays.csv"), "登记编号,旅馆编码,房间号,入住时间,退房时间,身份证号\n"
                + "S1,H1,301,2026-10-01 14:00,2026-10-01 18:00," + girl + "\n");
        Path with = Files.createDirectories(dir.resolve("with"));
        Files.writeString(with.resolve("police_hotel_stays.csv"), "登记编号,旅馆编码,房间号,入住时间,退房时间,身份证号,监护人联系电话\n"
                + "S2,H1,302,2026-10-02 14:00,2026-10-02 18:00," + boy + ",\n");
        try (GraphStore store = GraphStore.open(StoreConfig.builder().storeDir(dir.resolve("store")).pageCache("32m").build())) {
            FolderLoader loader = new FolderLoader(store, Mappings.bundled(), dir.resolve("q"), 100, false);
            LoadReport first = loader.load(without);
            assertThat(first.files().get(0).notes()).anyMatch(n -> n.contains("R6.2 does not apply"));
            loader.load(with);
            Model venue = Models.byId("venue").orElseThrow();
            List<Lead> cypher = new CypherEngine(store).leads(venue, AS_OF);
            assertThat(cypher).extracting(Lead::key).containsExactly("venue:S2");
            assertThat(cypher.get(0).rules()).containsExactly("R6.2");
            // Projected for the venue model alone: its declared birthday suffices; the school bus model's do not.
            GremlinEngine gremlin = GremlinEngine.projected(store, List.of(venue));
            assertThat(gremlin.leads(venue, AS_OF)).isEqualTo(cypher);
            assertThatThrownBy(() -> gremlin.leads(Models.byId("school-bus").orElseThrow(), AS_OF))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("school-bus");
        }
    }

    @Test
    void theProjectionComputesTheBirthdaysTheModelsDeclare() {
        assertThat(TinkerProjection.birthdays(Models.all())).containsExactly(14, 16, 18, 25, 61);
        assertThat(TinkerProjection.birthdays(List.of(Models.byId("venue").orElseThrow()))).containsExactly(18);
    }
}

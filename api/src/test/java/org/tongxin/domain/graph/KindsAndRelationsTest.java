package org.tongxin.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongxin.ingest.mapping.Mappings;

/** Kinds and Relations name what they show from labels.yaml, and show an unnamed label or type as itself. */
class KindsAndRelationsTest {

    private final Kinds kinds = new Kinds(Mappings.bundled());

    @Test
    void hubKindsAreNamedInChinese() {
        assertThat(Kinds.hubs()).isEqualTo(Map.of("Person", "人员", "Household", "户", "Venue", "场所", "Unit", "单位",
                "Vehicle", "车辆", "Case", "案件", "Incident", "警情", "Lead", "线索"));
        assertThat(kinds.kindZh(List.of("Person"))).isEqualTo("人员");
        assertThat(kinds.kindZh(List.of("Record", "HotelStay"))).isEqualTo("旅馆住宿登记");
        assertThat(kinds.kindZh(List.of("Martian"))).isEqualTo("Martian");
    }

    @Test
    void relationshipTypesAreNamedInChinese() {
        assertThat(Relations.zh("VICTIM")).isEqualTo("被侵害人");
        assertThat(Relations.zh("EVIDENCE")).isEqualTo("证据");
        assertThat(Relations.zh("ORBITS")).isEqualTo("ORBITS");
        assertThat(Relations.all()).containsEntry("GUARDED_BY", "监护人").containsEntry("ACTION", "办理");
    }
}

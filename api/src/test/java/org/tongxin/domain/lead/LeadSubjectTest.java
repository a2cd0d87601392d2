package org.tongxin.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongxin.domain.user.Role;

/** Who takes a lead's subject away in full in an export: prosecutors and the department it went to; analysts masked. */
class LeadSubjectTest {

    @Test
    void analystsExportNamesPlatesAndHouseholdNumbersMaskedVenuesAsTheyAre() {
        LeadSubject person = new LeadSubject("Person", "人员", "欧阳小明", false);
        assertThat(person.exportedFor(Role.PROSECUTOR)).isEqualTo(person);
        assertThat(person.exportedFor(Role.DEPARTMENT)).isEqualTo(person);
        assertThat(person.exportedFor(Role.ANALYST)).isEqualTo(new LeadSubject("Person", "人员", "欧**", true));
        assertThat(new LeadSubject("Person", "人员", "张三", false).exportedFor(Role.ANALYST).name()).isEqualTo("张*");
        assertThat(new LeadSubject("Person", "人员", "张", false).exportedFor(Role.ANALYST).name()).isEqualTo("*");
        assertThat(new LeadSubject("Person", "人员", "370612********1234", true).exportedFor(Role.ANALYST).name())
                .isEqualTo("370612********1234");
        assertThat(new LeadSubject("Vehicle", "车辆", "鲁FB0044", false).exportedFor(Role.ANALYST).name()).isEqualTo("鲁F****4");
        LeadSubject venue = new LeadSubject("Venue", "场所", "海景宾馆", false);
        assertThat(venue.exportedFor(Role.ANALYST)).isEqualTo(venue);
    }
}

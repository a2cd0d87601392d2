package org.tongxin.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongxin.domain.user.Role;

/** Who reads a lead's subject in full: prosecutors and the department it went to; analysts read it masked. */
class LeadSubjectTest {

    @Test
    void analystsReadNamesPlatesAndHouseholdNumbersMaskedVenuesAsTheyAre() {
        LeadSubject person = new LeadSubject("Person", "人员", "欧阳小明", false);
        assertThat(person.seenBy(Role.PROSECUTOR)).isEqualTo(person);
        assertThat(person.seenBy(Role.DEPARTMENT)).isEqualTo(person);
        assertThat(person.seenBy(Role.ANALYST)).isEqualTo(new LeadSubject("Person", "人员", "欧**", true));
        assertThat(new LeadSubject("Person", "人员", "张三", false).seenBy(Role.ANALYST).name()).isEqualTo("张*");
        assertThat(new LeadSubject("Person", "人员", "张", false).seenBy(Role.ANALYST).name()).isEqualTo("*");
        assertThat(new LeadSubject("Person", "人员", "370612********1234", true).seenBy(Role.ANALYST).name())
                .isEqualTo("370612********1234");
        assertThat(new LeadSubject("Vehicle", "车辆", "鲁FB0044", false).seenBy(Role.ANALYST).name()).isEqualTo("鲁F****4");
        LeadSubject venue = new LeadSubject("Venue", "场所", "海景宾馆", false);
        assertThat(venue.seenBy(Role.ANALYST)).isEqualTo(venue);
    }
}

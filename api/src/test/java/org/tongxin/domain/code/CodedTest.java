package org.tongxin.domain.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.domain.education.BookingStatus;
import org.tongxin.domain.lead.LeadStatus;
import org.tongxin.domain.observer.SubmissionStatus;
import org.tongxin.domain.order.OrderStatus;
import org.tongxin.domain.user.Role;

class CodedTest {

    @Test
    void eachValueIsFoundByItsCodeAndKeepsItsNames() {
        assertThat(Role.of("social_worker")).contains(Role.SOCIAL_WORKER);
        assertThat(Role.SOCIAL_WORKER.zh()).isEqualTo("司法社工");
        assertThat(Role.SOCIAL_WORKER.en()).isEqualTo("Judicial social worker");
        assertThat(LeadStatus.of("reviewing")).contains(LeadStatus.REVIEWING);
        assertThat(OrderStatus.zhOf("acknowledged")).isEqualTo("监护人已确认");
        assertThat(SubmissionStatus.of("closed").map(Coded::en)).contains("Closed");
        assertThat(BookingStatus.of("requested").map(Coded::zh)).contains("待排课");
        assertThat(Role.of("SOCIAL_WORKER")).isEmpty();
        assertThat(LeadStatus.of(null)).isEmpty();
    }

    @Test
    void codesAreUniqueWithinEachKind() {
        for (List<? extends Coded> values : List.of(Arrays.asList(Role.values()), Arrays.asList(LeadStatus.values()),
                Arrays.asList(OrderStatus.values()), Arrays.asList(SubmissionStatus.values()),
                Arrays.asList(BookingStatus.values()))) {
            assertThat(values.stream().map(Coded::code).distinct().count()).isEqualTo(values.size());
        }
    }
}

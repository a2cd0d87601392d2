package org.tongxin.model.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every key shape of models.md is built and read back by LeadKey, token or clear identity number alike. */
class LeadKeyTest {

    private static final String TOKEN = "id~AbC-_0123456789abcdefghijklmnopqrstuvwxyzXYZ";
    private static final String CLEAR = "11010120100101123X";

    @Test
    void buildsTheKeysOfModelsMd() {
        assertThat(LeadKey.comprehensive("公治罚决字〔2025〕0012号")).hasToString("comprehensive:公治罚决字〔2025〕0012号");
        assertThat(LeadKey.mandatoryReport("JZ2025-0007")).hasToString("mandatory-report:JZ2025-0007");
        assertThat(LeadKey.employmentCheck(TOKEN, "U0042")).hasToString("employment-check:" + TOKEN + "@U0042");
        assertThat(LeadKey.schoolBus("鲁F12345")).hasToString("school-bus:鲁F12345");
        assertThat(LeadKey.venue("LG-77")).hasToString("venue:LG-77");
        assertThat(LeadKey.venueCheck("JC-9", TOKEN)).hasToString("venue:JC-9/" + TOKEN);
        assertThat(LeadKey.guardianship(TOKEN)).hasToString("guardianship:" + TOKEN);
    }

    @Test
    void parsesEveryShapeBackToItsParts() {
        assertThat(LeadKey.parse("comprehensive:P-1")).isEqualTo(new LeadKey("comprehensive", "P-1", null, null, null));
        assertThat(LeadKey.parse("mandatory-report:V-1").record()).isEqualTo("V-1");
        LeadKey staff = LeadKey.parse("employment-check:" + TOKEN + "@U0042");
        assertThat(staff.person()).isEqualTo(TOKEN);
        assertThat(staff.unit()).isEqualTo("U0042");
        assertThat(staff.subject()).contains(TOKEN);
        assertThat(LeadKey.parse("school-bus:鲁F12345").subject()).contains("鲁F12345");
        LeadKey stay = LeadKey.parse("venue:LG-77");
        assertThat(stay.record()).isEqualTo("LG-77");
        assertThat(stay.subject()).isEmpty();
        LeadKey check = LeadKey.parse("venue:JC-9/" + CLEAR);
        assertThat(check.record()).isEqualTo("JC-9");
        assertThat(check.subject()).contains(CLEAR);
        assertThat(LeadKey.parse("guardianship:" + CLEAR).person()).isEqualTo(CLEAR);
    }

    @Test
    void roundTrips() {
        for (String key : List.of("comprehensive:A:1", "mandatory-report:V 1", "employment-check:" + CLEAR + "@U@2",
                "school-bus:京A0001", "venue:NB-2025-1", "venue:C/1/" + TOKEN, "guardianship:" + TOKEN)) {
            assertThat(LeadKey.parse(key)).as(key).hasToString(key);
        }
    }

    @Test
    void refusesWhatIsNoLeadKey() {
        for (String key : List.of("", "comprehensive", ":x", "comprehensive:", "assistance-profile:x",
                "employment-check:" + TOKEN, "employment-check:@U1", "venue:/" + TOKEN, "guardianship: ")) {
            assertThatThrownBy(() -> LeadKey.parse(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new LeadKey("school-bus", "R1", null, null, "京A0001"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LeadKey.guardianship("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsDoNotRepeatTheIdentityNumber() {
        assertThatThrownBy(() -> LeadKey.parse("employment-check:" + CLEAR)).hasMessageNotContaining(CLEAR);
        assertThatThrownBy(() -> LeadKey.parse("unknown:" + CLEAR)).hasMessageNotContaining(CLEAR);
    }
}

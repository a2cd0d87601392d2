package org.tongxin.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongxin.analytics.profile.AssistanceProfile;
import org.tongxin.api.Http;
import org.tongxin.api.TestCity;
import org.tongxin.domain.user.Role;
import org.tongxin.domain.user.User;

/** The demo gives its social worker and its psychologist a minor with risk factors each, so 我的帮教对象 is not empty. */
class ShowcaseTest {

    @Test
    void theDemoWorkersStartWithAMinorWithRiskFactorsEach() throws Exception {
        TestCity city = TestCity.get();
        var users = city.services.access().users();
        String worker = "showcase-social-worker";
        String psychologist = "showcase-psychologist";
        String workerPassword = users.add(worker, Role.SOCIAL_WORKER, "370612-JCY", null);
        users.add(psychologist, Role.PSYCHOLOGIST, "370612-JCY", null);

        List<String> lines = Showcase.assignMinors(city.services, TestCity.AS_OF, List.of(worker, psychologist));

        assertThat(lines).hasSize(2);
        User w = users.get(worker).orElseThrow();
        User p = users.get(psychologist).orElseThrow();
        assertThat(w.assignedMinors()).hasSize(1);
        assertThat(p.assignedMinors()).hasSize(1).doesNotContainAnyElementsOf(w.assignedMinors());
        for (String minor : List.of(w.assignedMinors().get(0), p.assignedMinors().get(0))) {
            assertThat(AssistanceProfile.of(city.store, minor, TestCity.AS_OF).orElseThrow().riskFactors()).isNotEmpty();
        }
        JsonNode minors = Http.loggedIn(city.base(), worker, workerPassword).get("/api/me/minors").json().get("minors");
        assertThat(minors).as("the social worker's start page (我的帮教对象)").hasSize(1);
        assertThat(minors.get(0).get("name").asText()).isNotBlank();
    }
}

package org.unstuck.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unstuck.domain.caseload.Approach;
import org.unstuck.domain.practice.UserId;
import org.unstuck.domain.review.DecisionDetails;

class DecisionWordingTest {

    private static final Texts ENGLISH = new Texts(new DefaultI18NProvider(List.of(Locale.ENGLISH)), Locale.ENGLISH);
    private static final Map<UserId, String> NAMES = Map.of(new UserId(7), "Ana Ruiz");

    private static String what(DecisionDetails details) {
        return DecisionWording.what(ENGLISH, details, person -> NAMES.getOrDefault(person, "?"));
    }

    @Test
    void each_type_says_what_was_decided_with_its_details() {
        assertThat(what(new DecisionDetails.ChangeApproach(new Approach("IPT"), new Approach("CBT"))))
                .isEqualTo("Change approach: IPT → CBT");
        assertThat(what(new DecisionDetails.ReferToColleague(new UserId(7)))).isEqualTo("Refer to Ana Ruiz");
        assertThat(what(new DecisionDetails.ReferExternally("Community mental health team")))
                .isEqualTo("Refer externally to Community mental health team");
        assertThat(what(new DecisionDetails.ChangeFrequency("Fortnightly"))).isEqualTo("Change session frequency to Fortnightly");
        assertThat(what(new DecisionDetails.AddAssessment("PCL-5"))).isEqualTo("Add an assessment: PCL-5");
        assertThat(what(new DecisionDetails.EscalateRisk("Safety plan with the GP"))).isEqualTo("Escalate risk: Safety plan with the GP");
        assertThat(what(new DecisionDetails.ContinuePlan())).isEqualTo("Continue with plan");
        assertThat(what(new DecisionDetails.PlannedEnding())).isEqualTo("Planned ending");
    }

    @Test
    void a_detail_with_braces_or_quotes_is_shown_as_typed() {
        assertThat(what(new DecisionDetails.ChangeFrequency("Twice a week {for now} 'then' weekly")))
                .isEqualTo("Change session frequency to Twice a week {for now} 'then' weekly");
    }
}

package org.unstuck.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.unstuck.domain.caseload.CaseId;
import org.unstuck.domain.notes.NotePrompt;
import org.unstuck.domain.notes.ReflectiveNote;
import org.unstuck.domain.notes.ReflectiveNotes;
import org.unstuck.domain.practice.UserAccounts;
import org.unstuck.domain.practice.Username;
import org.unstuck.reports.ReportTexts;
import org.unstuck.web.TestSignIn;
import org.unstuck.web.UnstuckAppTest;
import org.unstuck.web.common.Texts;
import org.unstuck.web.review.MeetingService;

@UnstuckAppTest
class MeetingPackServiceTest {

    private static final Texts ENGLISH = new Texts(new DefaultI18NProvider(List.of(Locale.ENGLISH)), Locale.ENGLISH);

    @Autowired MeetingPackService packs;
    @Autowired MeetingService meetings;
    @Autowired ReflectiveNotes notes;
    @Autowired UserAccounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private long plan(LocalDate date) {
        var team = meetings.invitable().stream().map(account -> account.id()).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        return meetings.plan(date, LocalTime.of(14, 0), "Supervision room", team);
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    @WithUserDetails("supervisor1")
    void the_pack_follows_the_agenda_with_each_cases_charts_signals_and_status() throws IOException {
        var meeting = plan(LocalDate.now().plusDays(4));
        var agenda = meetings.meeting(meeting).agenda();

        var pack = packs.pack(meeting, ENGLISH);

        assertThat(agenda).isNotEmpty();
        assertThat(pack.supervisor()).isEqualTo("Dr Ruth Lindqvist");
        assertThat(pack.agenda()).extracting(MeetingPackServiceTest::client)
                .containsExactlyElementsOf(agenda.stream().map(row -> row.caseRow().clientCode()).toList());
        assertThat(pack.agenda()).allSatisfy(item ->
                assertThat(item.status()).isIn("Risk alert", "Stalled", "Deteriorating", "Watch", "On track", "Not enough data"));
        assertThat(pack.agenda()).as("a case with sessions has its charts and its last sessions listed")
                .filteredOn(item -> !item.lastSessions().isEmpty()).isNotEmpty()
                .allSatisfy(item -> {
                    assertThat(item.charts()).isNotEmpty();
                    assertThat(item.lastSessions()).hasSizeLessThanOrEqualTo(3);
                });
        assertThat(pack.agenda()).anySatisfy(item -> assertThat(item.signals()).isNotEmpty());
        assertThat(pack.agenda()).as("the demo's year of meetings left earlier decisions on agenda cases")
                .anySatisfy(item -> assertThat(item.priorDecisions()).isNotEmpty());
        assertThat(pack.agenda()).filteredOn(item -> item.why().equals("Follow-up due"))
                .allSatisfy(item -> assertThat(item.dueFollowUps()).isNotEmpty());
        var text = text(pack.toPdf(ReportTexts.ENGLISH));
        assertThat(text).contains("Review meeting pack", "Supervisor: Dr Ruth Lindqvist", "at 14:00, Supervision room",
                "Last sessions", "Decisions taken before", "Follow-ups due", agenda.getFirst().caseRow().clientCode(),
                pack.agenda().getFirst().charts().getFirst().title(), "Confidential");
        var audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'report.meeting-pack' AND subject LIKE :meeting")
                .param("meeting", "meeting " + meeting + ",%").query(Integer.class).single();
        assertThat(audited).isEqualTo(1);
    }

    private static String client(org.unstuck.reports.meeting.MeetingPack.Item item) {
        return item.client();
    }

    @Test
    @WithUserDetails("supervisor2")
    void a_note_is_in_the_pack_only_for_a_reader_who_may_read_it() throws IOException {
        var meeting = plan(LocalDate.now().plusDays(5));
        var firstCase = meetings.meeting(meeting).agenda().getFirst().caseRow();
        var caseTherapist = accounts.find(new org.unstuck.domain.practice.UserId(firstCase.therapistId())).orElseThrow();
        var formerTherapist = accounts.findByUsername(new Username("therapist1")).orElseThrow();
        var now = Instant.now();
        notes.save(ReflectiveNote.write(new CaseId(firstCase.caseId()), caseTherapist.id(),
                Map.of(NotePrompt.RELATIONSHIP, "Readable reflection on the alliance."), false, now));
        notes.save(ReflectiveNote.write(new CaseId(firstCase.caseId()), formerTherapist.id(),
                Map.of(NotePrompt.METHOD_FIT, "Unreadable reflection by a therapist supervisor2 does not supervise."), true,
                now.plusSeconds(1)));

        var text = text(packs.pack(meeting, ENGLISH).toPdf(ReportTexts.ENGLISH));

        var firstCasePage = text.substring(text.indexOf("1. " + firstCase.clientCode()),
                text.indexOf("Confidential", text.indexOf("1. " + firstCase.clientCode())));
        assertThat(text).contains("Readable reflection on the alliance.").doesNotContain("Unreadable reflection");
        assertThat(firstCasePage).contains("Readable reflection on the alliance.")
                .doesNotContain("hard to work with this client");
    }

    @Test
    @WithUserDetails("supervisor1")
    void another_supervisors_meeting_has_no_pack() {
        TestSignIn.as(users, "supervisor2");
        var theirs = plan(LocalDate.now().plusDays(6));
        TestSignIn.as(users, "supervisor1");
        assertThatThrownBy(() -> packs.pack(theirs, ENGLISH))
                .isInstanceOf(org.unstuck.web.review.MeetingNotFoundException.class);
    }

    @Test
    @WithUserDetails("therapist1")
    void a_therapist_gets_no_pack() {
        assertThatThrownBy(() -> packs.pack(1, ENGLISH)).isInstanceOf(AccessDeniedException.class);
    }
}

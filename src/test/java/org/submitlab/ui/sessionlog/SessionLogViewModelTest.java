package org.submitlab.ui.sessionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.submitlab.events.LabEvent;

class SessionLogViewModelTest {

    private static final Instant T0 = Instant.parse("2025-01-26T09:00:00Z");
    private static final String R432 = "432 4.3.2 Concurrent connections limit exceeded.";

    private final SessionLogViewModel vm = new SessionLogViewModel(100, 10, 1_000);

    private void session(String id, String device, String mailbox, boolean accepted) {
        vm.apply(List.of(
                new LabEvent.ConnectionOpened(T0, id, "127.0.0.1"),
                new LabEvent.TranscriptLine(T0, id, true, "EHLO " + device),
                new LabEvent.TranscriptLine(T0, id, true, "AUTH LOGIN ****"),
                new LabEvent.AuthAttempted(T0, id, mailbox, "LOGIN", true, "235 2.7.0 Authentication successful"),
                new LabEvent.TranscriptLine(T0, id, false, "235 2.7.0 Authentication successful"),
                accepted
                        ? new LabEvent.SubmissionAccepted(T0, id, mailbox, mailbox, 1, 10, "<m>", 1, "250 2.0.0 OK")
                        : new LabEvent.SubmissionRefused(T0, id, mailbox, mailbox, 1, 10, "DATA", R432),
                new LabEvent.TranscriptLine(T0, id, false, accepted ? "250 2.0.0 OK" : R432),
                new LabEvent.ConnectionClosed(T0, id, "127.0.0.1", mailbox)));
    }

    @Test
    void aSessionShowsTheDeviceItsMailboxAndHowItWent() {
        session("s1", "printer-1", "printer@contoso.test", false);

        assertThat(vm.sessions()).singleElement().satisfies(s -> {
            assertThat(s.client()).isEqualTo("printer-1");
            assertThat(s.mailbox()).isEqualTo("printer@contoso.test");
            assertThat(s.outcome()).isEqualTo(SessionOutcome.REFUSED);
            assertThat(s.lastReply()).isEqualTo(R432);
        });
    }

    @Test
    void transcriptReadsLikeADeviceLogWithSecretsAsTheServerMaskedThem() {
        session("s1", "printer-1", "printer@contoso.test", true);

        assertThat(vm.transcript("s1", ZoneOffset.UTC)).isEqualTo(
                "09:00:00  C: EHLO printer-1\n09:00:00  C: AUTH LOGIN ****\n"
                        + "09:00:00  S: 235 2.7.0 Authentication successful\n09:00:00  S: 250 2.0.0 OK\n");
    }

    @Test
    void filtersByMailboxDeviceAndOutcomeNewestFirst() {
        session("s1", "printer-1", "printer@contoso.test", true);
        session("s2", "printer-2", "printer@contoso.test", false);
        session("s3", "alarm-1", "alerts@contoso.test", true);

        assertThat(vm.sessions()).extracting(SessionEntry::sessionId).containsExactly("s3", "s2", "s1");
        vm.setMailboxFilter("PRINTER@");
        assertThat(vm.sessions()).extracting(SessionEntry::sessionId).containsExactly("s2", "s1");
        vm.setOutcomeFilter(Optional.of(SessionOutcome.ACCEPTED));
        assertThat(vm.sessions()).extracting(SessionEntry::sessionId).containsExactly("s1");
        vm.setMailboxFilter("");
        vm.setOutcomeFilter(Optional.empty());
        vm.setClientFilter("alarm");
        assertThat(vm.sessions()).extracting(SessionEntry::sessionId).containsExactly("s3");
    }

    @Test
    void keepsOnlyTheNewestSessionsAndLines() {
        SessionLogViewModel small = new SessionLogViewModel(2, 3, 100);
        for (int i = 0; i < 5; i++) {
            small.apply(new LabEvent.ConnectionOpened(T0, "s" + i, "127.0.0.1"));
        }
        for (int i = 0; i < 5; i++) {
            small.apply(new LabEvent.TranscriptLine(T0, "s4", true, "NOOP " + i));
        }

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.lines("s4")).extracting(SessionLogViewModel.Line::text)
                .containsExactly("NOOP 2", "NOOP 3", "NOOP 4");
        assertThat(small.transcript("s4", ZoneOffset.UTC)).startsWith("(2 earlier lines not kept)");
    }

    @Test
    void anAcceptedSessionShowsItsAcceptanceRatherThanTheGoodbye() {
        session("s1", "printer-1", "printer@contoso.test", true);
        vm.apply(new LabEvent.TranscriptLine(T0, "s1", false, "221 2.0.0 Service closing transmission channel"));

        assertThat(vm.sessions().get(0).lastReply()).isEqualTo("250 2.0.0 OK");
    }

    @Test
    void aSessionShowsTheTlsVersionItAgreed() {
        session("s1", "printer-1", "printer@contoso.test", true);
        vm.apply(List.of(new LabEvent.ConnectionOpened(T0, "s2", "127.0.0.1"),
                new LabEvent.TlsStarted(T0, "s2", "TLSv1", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")));

        assertThat(vm.sessions()).extracting(SessionEntry::sessionId, SessionEntry::tls)
                .containsExactly(tuple("s2", "TLSv1"),
                        tuple("s1", ""));
    }

    @Test
    void failedLoginIsItsOwnOutcome() {
        vm.apply(List.of(new LabEvent.ConnectionOpened(T0, "s1", "127.0.0.1"),
                new LabEvent.AuthAttempted(T0, "s1", "printer@contoso.test", "LOGIN", false,
                        "535 5.7.3 Authentication unsuccessful"),
                new LabEvent.ConnectionClosed(T0, "s1", "127.0.0.1", null)));

        assertThat(vm.sessions().get(0).outcome()).isEqualTo(SessionOutcome.AUTH_FAILED);
    }

    @Test
    void aFailedLoginIsListedUnderTheMailboxItTried() {
        vm.apply(List.of(new LabEvent.ConnectionOpened(T0, "s1", "127.0.0.1"),
                new LabEvent.AuthAttempted(T0, "s1", "Printer@Contoso.test", "LOGIN", false,
                        "535 5.7.3 Authentication unsuccessful"),
                new LabEvent.ConnectionClosed(T0, "s1", "127.0.0.1", null)));
        vm.setMailboxFilter("printer@contoso.test");

        assertThat(vm.sessions()).singleElement().satisfies(s -> {
            assertThat(s.mailbox()).isEqualTo("printer@contoso.test");
            assertThat(s.outcome()).isEqualTo(SessionOutcome.AUTH_FAILED);
        });
    }

    @Test
    void theOldestSessionsGoWhenAllTranscriptsTogetherExceedTheLineBudget() {
        SessionLogViewModel budget = new SessionLogViewModel(100, 50, 10);
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 4; i++) {
                budget.apply(new LabEvent.TranscriptLine(T0, "s" + s, true, "NOOP " + i));
            }
        }

        assertThat(budget.sessions()).extracting(SessionEntry::sessionId).containsExactly("s3", "s2");
        assertThat(budget.lines("s3")).hasSize(4);
    }
}

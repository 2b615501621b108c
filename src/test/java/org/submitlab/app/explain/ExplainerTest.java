package org.submitlab.app.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.submitlab.policy.Replies;

/** Every reply of the spec is recognised, through every client wrapper, with and without Microsoft's suffix. */
class ExplainerTest {

    private static final String SUFFIX = " [AM0PR01MB0001.eurprd01.prod.outlook.com 2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]";

    /** How clients wrap a reply (spec section 7), and no wrapper at all. */
    private static final List<UnaryOperator<String>> WRAPPERS = List.of(
            r -> r,
            r -> r + SUFFIX,
            r -> "Error: Message failed: " + r + SUFFIX,
            r -> "smtplib.SMTPDataError: (" + r.substring(0, 3) + ", b'" + r.substring(4) + SUFFIX + "')",
            r -> "host smtp.office365.com[52.97.1.1] said: " + r + SUFFIX + " (in reply to end of DATA command)",
            r -> "Remote server returned '" + r + SUFFIX + "'");

    static Stream<Arguments> everyReplyInEveryWrapper() {
        return ReplyCatalogue.all().stream().flatMap(k -> WRAPPERS.stream()
                .map(w -> Arguments.of(k, w.apply(k.reply()))));
    }

    @ParameterizedTest
    @MethodSource("everyReplyInEveryWrapper")
    void everyReplyOfTheSpecIsRecognisedWithItsRetryAdvice(KnownReply known, String pasted) {
        Explanation e = Explainer.explain(pasted);

        assertThat(e.recognized()).as(pasted).isTrue();
        assertThat(e.reply()).isEqualTo(known.reply());
        assertThat(e.title()).isEqualTo(known.title());
        assertThat(e.code()).contains(known.code());
        assertThat(e.retry()).isEqualTo(known.retry());
        assertThat(e.cause()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information.|true",
            "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded|true",
            "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.|false",
            "430 4.2.0 STOREDRV; mailbox logon failure|false",
            "451 4.7.500 Access denied, please try again later. (AS112201)|true",
            "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message The message can't be submitted because the sender's submission quota was exceeded.|false",
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.|false",
            "550 5.7.30 Basic authentication is not supported for Client Submission.|false"})
    void retryAdviceIsPerReplyNotPerClass(String reply, boolean retry) {
        assertThat(Explainer.explain(reply).retry()).isEqualTo(retry);
    }

    @Test
    void aTemporaryReplyThatARetryCannotFixSaysSo() {
        Explanation e = Explainer.explain(Replies.LEGACY_TLS_NOT_SUPPORTED + SUFFIX);

        assertThat(e.kind()).isEqualTo(Explanation.Kind.TEMPORARY);
        assertThat(e.retry()).isFalse();
        assertThat(e.retryWhen()).contains("a retry cannot fix");
        assertThat(e.remedies()).anyMatch(r -> r.contains("smtp-legacy.office365.com"));
    }

    @Test
    void aMalformedXoauth2LoginIsRecognisedAndMarkedUnconfirmed() {
        Explanation e = Explainer.explain("Error: Invalid login: " + Replies.XOAUTH2_INVALID_TOKEN + SUFFIX);

        assertThat(e.recognized()).isTrue();
        assertThat(e.phase()).isEqualTo("AUTH");
        assertThat(e.retry()).isFalse();
        assertThat(e.cause()).contains("unconfirmed");
        assertThat(e.remedies()).anyMatch(r -> r.contains("user=ADDRESS^Aauth=Bearer TOKEN^A^A"));
    }

    @Test
    void anHveRefusalOfAnExternalRecipientSaysToKeepHveForInternalMail() {
        Explanation e = Explainer.explain(Replies.HVE_EXTERNAL_RECIPIENT + SUFFIX);

        assertThat(e.phase()).isEqualTo("RCPT TO");
        assertThat(e.remedies()).anyMatch(r -> r.contains("internal bulk"));
    }

    @Test
    void theTenantExternalLimitInAnNdrIsRecognised() {
        Explanation e = Explainer.explain("Remote server returned '" + Replies.TENANT_EXTERNAL_LIMIT + "'");

        assertThat(e.title()).isEqualTo("Tenant's daily external recipient limit reached");
        assertThat(e.retry()).isFalse();
    }

    @Test
    void aQuotaRefusalSaysWhenTheMailboxsWindowFrees() {
        Instant frees = Instant.parse("2026-12-02T09:00:00Z");

        Explanation e = Explainer.explain(Replies.RECIPIENT_QUOTA_EXCEEDED, Optional.of(frees));

        assertThat(e.retryWhen()).contains("2026-12-02T09:00:00Z");
        assertThat(e.remedies()).contains(ReplyCatalogue.BATCHES, ReplyCatalogue.BULK_SERVICE);
    }

    @Test
    void theSuffixIsReadAndThePostfixPhaseKept() {
        Explanation e = Explainer.explain("said: 432 4.3.2 Concurrent connections limit exceeded. Visit "
                + "https://aka.ms/concurrent_sending for more information." + SUFFIX + " (in reply to end of DATA command)");

        assertThat(e.pasted().suffix()).hasValueSatisfying(s -> {
            assertThat(s.host()).isEqualTo("AM0PR01MB0001.eurprd01.prod.outlook.com");
            assertThat(s.sessionId()).isEqualTo("08DD3DD7D75D7743");
        });
        assertThat(e.pasted().wrapper()).contains("postfix");
        assertThat(e.phase()).contains("end of DATA");
        assertThat(e.asMap()).containsEntry("code", "432").containsEntry("enhanced", "4.3.2")
                .containsEntry("retry", true).containsEntry("recognized", true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "452 4.3.1 Insufficient system resources|true|TEMPORARY",
            "550 5.1.1 User unknown|false|PERMANENT",
            "250 2.6.0 Queued mail for delivery|false|SUCCESS"})
    void anUnknownReplyIsClassifiedByItsCodes(String reply, boolean retry, Explanation.Kind kind) {
        Explanation e = Explainer.explain(reply);

        assertThat(e.recognized()).isFalse();
        assertThat(e.retry()).isEqualTo(retry);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).contains(Integer.parseInt(reply.substring(0, 3)));
    }

    @Test
    void textWithoutACodeSaysSo() {
        Explanation e = Explainer.explain("the printer shows a red light");

        assertThat(e.recognized()).isFalse();
        assertThat(e.code()).isEmpty();
        assertThat(e.asMap()).containsEntry("code", null).containsEntry("retry", false);
    }
}

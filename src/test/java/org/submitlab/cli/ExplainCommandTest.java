package org.submitlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code explain TEXT [--json]}: the helpdesk's one-liner. */
class ExplainCommandTest {

    @Test
    void aPythonErrorLineIsExplainedAsJson() throws Exception {
        CliRun r = CliRun.of("explain", "--json", "smtplib.SMTPDataError: (432, b'4.3.2 Concurrent connections limit "
                + "exceeded. Visit https://aka.ms/concurrent_sending for more information. [AM0PR01MB1 "
                + "2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]')");

        assertThat(r.exitCode()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("recognized").asBoolean()).isTrue();
        assertThat(j.get("code").asText()).isEqualTo("432");
        assertThat(j.get("enhanced").asText()).isEqualTo("4.3.2");
        assertThat(j.get("retry").asBoolean()).isTrue();
        assertThat(j.get("cause").asText()).contains("3 messages");
        assertThat(j.get("remedies").isArray()).isTrue();
        assertThat(j.get("wrapper").asText()).isEqualTo("python");
        assertThat(j.get("session").asText()).isEqualTo("08DD3DD7D75D7743");
    }

    @Test
    void wordsWithoutQuotesAreOneReplyAndTheTextFormReadsLikeAnAnswer() {
        CliRun r = CliRun.of("explain", "421", "4.7.66", "TLS", "1.0", "and", "1.1", "are", "not", "supported.");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Old TLS version (421 4.7.66)").contains("Retry: no.")
                .contains("a retry cannot fix").contains("Where to look in SubmitLab");
    }

    @Test
    void theRetryLineSaysYesOrNoOnce() {
        CliRun r = CliRun.of("explain", "Error: Message failed: 432 4.3.2 Concurrent connections limit exceeded.");

        assertThat(r.out()).containsPattern("(?m)^Retry: Yes, ").doesNotContainPattern("(?i)Retry: (yes|no)\\. (yes|no)\\b");
    }

    @Test
    void unknownTextIsNotRecognisedAndItsCodeStillClassifiesIt() throws Exception {
        JsonNode j = new ObjectMapper().readTree(CliRun.of("explain", "--json", "452 4.3.1 Insufficient system storage").out());

        assertThat(j.get("recognized").asBoolean()).isFalse();
        assertThat(j.get("code").asText()).isEqualTo("452");
        assertThat(j.get("retry").asBoolean()).isTrue();
        assertThat(j.get("kind").asText()).isEqualTo("temporary");
    }
}

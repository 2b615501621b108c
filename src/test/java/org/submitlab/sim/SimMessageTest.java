package org.submitlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.submitlab.policy.ScaledClock;

/** What a device puts on the wire, read back by Jakarta Mail's own parser. */
class SimMessageTest {

    private final Session session = Session.getInstance(new Properties());
    private final MessageBodies bodies = new MessageBodies();

    private static Device device(String name, MessageSpec message) {
        return new Device(name, DeviceKind.SCANNER, "scans@contoso.test", "scans@contoso.test", Optional.of("pw"),
                Optional.empty(), "scans@contoso.test", "Scanner \u00e9tage 2", new RecipientMix("staff", 1, 1, 1, false),
                message, new Schedule.Poisson(6, Duration.ZERO, OptionalInt.empty()), ConnectionMode.perMessage(),
                RetryPolicy.none(), false, OptionalLong.empty());
    }

    private static MessageJob job(long seq) {
        return new MessageJob(seq, "mfp #" + seq, "<sim-" + seq + "@contoso.test>",
                Instant.parse("2026-12-02T09:00:00Z"), List.of("a@contoso.test"), List.of("b@contoso.test"),
                List.of("hidden@contoso.test"), false);
    }

    private MimeMessage sentAndParsed(Device device, MessageJob job) throws Exception {
        SimMessage m = SimMessage.build(session, bodies, device, job, new ScaledClock(1), 0);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        m.writeTo(wire, new String[] {"Bcc", "Content-Length"});
        return new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
    }

    @Test
    void aScanWithItsAttachmentArrivesWholeWithItsOwnHeaders() throws Exception {
        MessageSpec spec = new MessageSpec("Scan {seq} from {device}", 300,
                List.of(new MessageSpec.Attachment("scan.pdf", "application/pdf", 70_000)));

        MimeMessage first = sentAndParsed(device("mfp-01", spec), job(1));
        MimeMessage second = sentAndParsed(device("mfp-02", spec), job(2));

        assertThat(first.getSubject()).isEqualTo("Scan 1 from mfp-01");
        assertThat(second.getSubject()).isEqualTo("Scan 2 from mfp-02");
        assertThat(first.getMessageID()).isEqualTo("<sim-1@contoso.test>");
        assertThat(first.getFrom()[0].toString()).contains("scans@contoso.test").contains("=?UTF-8?");
        assertThat(first.getHeader("To", ",")).isEqualTo("a@contoso.test");
        assertThat(first.getHeader("Cc", ",")).isEqualTo("b@contoso.test");
        assertThat(first.getHeader("Bcc")).isNull();
        assertThat(first.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(first.getHeader("MIME-Version", null)).isEqualTo("1.0");
        MimeMultipart parts = (MimeMultipart) first.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(((String) parts.getBodyPart(0).getContent())).hasSize(300)
                .startsWith("This message was sent by a SubmitLab simulated device.");
        BodyPart scan = parts.getBodyPart(1);
        assertThat(scan.getFileName()).isEqualTo("scan.pdf");
        assertThat(scan.getDisposition()).isEqualTo("attachment");
        assertThat(scan.getInputStream().readAllBytes()).hasSize(70_000);
        assertThat(((MimeMultipart) second.getContent()).getBodyPart(1).getInputStream().readAllBytes())
                .isEqualTo(scan.getInputStream().readAllBytes());
    }

    @Test
    void aPlainMessageIsOneTextPart() throws Exception {
        MimeMessage m = sentAndParsed(device("printer", MessageSpec.plain("Job done")), job(7));

        assertThat(m.getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat((String) m.getContent()).hasSize(200);
        assertThat(m.getSubject()).isEqualTo("Job done");
    }

    @Test
    void devicesWithTheSameBodyShareOneRenderingAndOthersGetTheirOwn() throws Exception {
        MessageSpec a = new MessageSpec("A {seq}", 500, List.of());
        MessageSpec b = new MessageSpec("B {seq}", 500, List.of());
        MessageSpec longer = new MessageSpec("A {seq}", 900, List.of());

        assertThat(bodies.of(a)).isSameAs(bodies.of(b));
        assertThat(bodies.of(longer)).isNotSameAs(bodies.of(a));
        assertThat(bodies.of(longer).bytes().length).isGreaterThan(bodies.of(a).bytes().length);
    }

    @Test
    void sendersStartingTogetherWaitForOneRendering() throws Exception {
        MessageSpec scan = new MessageSpec("Scan {seq}", 200,
                List.of(new MessageSpec.Attachment("scan.pdf", "application/pdf", 2_000_000)));
        ExecutorService senders = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MessageBodies.Rendered>> asked = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            asked.add(senders.submit(() -> {
                start.await();
                return bodies.of(scan);
            }));
        }
        start.countDown();
        MessageBodies.Rendered first = asked.get(0).get(30, TimeUnit.SECONDS);
        for (Future<MessageBodies.Rendered> f : asked) {
            assertThat(f.get(30, TimeUnit.SECONDS)).isSameAs(first);
        }
        senders.shutdown();

        assertThat(bodies.renderings()).isEqualTo(1);
    }
}

package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.submitlab.events.EventBus;
import org.submitlab.policy.ConnectionLimits;
import org.submitlab.policy.ManualClock;
import org.submitlab.policy.SubmissionPolicy;
import org.submitlab.policy.Tenant;

/** What the library says before a session is accepted gets Exchange's shape too (item 12). */
class ShapingServerSocketTest {

    @Test
    void theLibrarysOwnTooManyConnectionsLineGetsTheEnhancedCodeAndSuffixBeforeAnySessionShaper() throws Exception {
        Tenant tenant = Tenant.empty();
        ManualClock clock = new ManualClock(Instant.parse("2025-03-03T09:00:00Z"));
        ServerContext ctx = new ServerContext(null, new EventBus(), clock, tenant, new SubmissionPolicy(tenant, clock),
                null);
        try (ShapingServerSocket server = new ShapingServerSocket(ConnectionLimits::defaults,
                () -> ctx.beforeSessionShaper("08DD000000000001"))) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 ReplyShapingSocket accepted = (ReplyShapingSocket) server.accept()) {
                assertThat(accepted.shaper().shape("421 Too many connections, try again later"))
                        .matches("421 4\\.3\\.2 Too many connections, try again later" + SUFFIX);
                assertThat(client.isConnected()).isTrue();
            }
        }
    }
}

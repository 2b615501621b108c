package org.submitlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.submitlab.server.ServerFixture.SUFFIX;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submitlab.policy.ConnectionLimits;
import org.submitlab.policy.Replies;
import org.submitlab.policy.Settings;

/**
 * One client address cannot take every connection (issue 8, item 7): a limit per address, a deadline to
 * authenticate, and when the table is full the oldest idle connection that has not authenticated makes
 * room, so a client from another address is served at once. 127.0.0.2 stands in for a second machine.
 */
class ConnectionTableTest {

    private static final String BOX = "printer@contoso.test";
    private static final String PER_ADDRESS = "421 4\\.3\\.2 The maximum number of concurrent connections has"
            + " exceeded a limit, closing transmission channel" + SUFFIX;
    private static final String FULL = "421 4\\.3\\.2 Too many connections, try again later" + SUFFIX;

    @TempDir
    Path dir;
    ServerFixture fx;
    final List<SmtpTestClient> open = new ArrayList<>();

    private void start(UnaryOperator<ConnectionLimits> change) throws Exception {
        fx = new ServerFixture(dir).limits(l -> l.withConnections(change.apply(l.connections())))
                .with(ServerFixture.mailbox(BOX)).start();
    }

    @AfterEach
    void stop() {
        open.forEach(SmtpTestClient::close);
        if (fx != null) {
            fx.close();
        }
    }

    private SmtpTestClient connect(String from) throws Exception {
        SmtpTestClient c = new SmtpTestClient(fx.server.port(), ServerFixture.clientFactory(),
                InetAddress.getByName(from));
        open.add(c);
        return c;
    }

    private static void assumeSecondLoopbackAddress() {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.2", 0));
        } catch (IOException e) {
            assumeTrue(false, "127.0.0.2 is not a local address here (it is on Linux)");
        }
    }

    @Test
    void anAddressOverItsLimitIsRefusedWhileAnotherAddressIsServed() throws Exception {
        assumeSecondLoopbackAddress();
        start(c -> c.with(Settings.CONNECTIONS_PER_ADDRESS, 5));
        for (int i = 0; i < 5; i++) {
            assertThat(connect("127.0.0.1").banner).startsWith("220 ");
        }

        SmtpTestClient sixth = connect("127.0.0.1");

        assertThat(sixth.banner).matches(PER_ADDRESS);
        assertThat(sixth.closedByServer()).isTrue();
        SmtpTestClient other = connect("127.0.0.2");
        assertThat(other.banner).startsWith("220 ");
        assertThat(other.command("EHLO other.test")).startsWith("250-");
    }

    @Test
    void aFullTableShedsTheOldestIdleUnauthenticatedConnectionForANewcomer() throws Exception {
        assumeSecondLoopbackAddress();
        start(c -> c.with(Settings.MAX_CONNECTIONS, 6).with(Settings.CONNECTIONS_PER_ADDRESS, 6));
        SmtpTestClient authenticated = connect("127.0.0.1");
        assertThat(authenticated.login(BOX, ServerFixture.PASSWORD)).isEqualTo(Replies.AUTH_OK);
        List<SmtpTestClient> idle = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            idle.add(connect("127.0.0.1"));
        }

        SmtpTestClient newcomer = connect("127.0.0.2");

        assertThat(newcomer.banner).startsWith("220 ");
        assertThat(newcomer.command("EHLO newcomer.test")).startsWith("250-");
        assertThat(idle.get(0).replyWithin(10_000)).matches(FULL);
        assertThat(idle.get(0).closedByServer()).isTrue();
        assertThat(idle.get(1).command("NOOP")).isEqualTo("250 2.0.0 OK");
        assertThat(authenticated.command("NOOP")).isEqualTo("250 2.0.0 OK");
    }

    @Test
    void aTableFullOfAuthenticatedConnectionsRefusesTheNewcomer() throws Exception {
        start(c -> c.with(Settings.MAX_CONNECTIONS, 2));
        for (int i = 0; i < 2; i++) {
            assertThat(connect("127.0.0.1").login(BOX, ServerFixture.PASSWORD)).isEqualTo(Replies.AUTH_OK);
        }

        SmtpTestClient newcomer = connect("127.0.0.1");

        assertThat(newcomer.banner).matches(FULL);
        assertThat(newcomer.closedByServer()).isTrue();
    }

    @Test
    void aConnectionThatDoesNotAuthenticateInTimeIsClosedAndAnAuthenticatedOneStays() throws Exception {
        start(c -> c.with(Settings.AUTHENTICATION_TIMEOUT, Duration.ofSeconds(2)));
        SmtpTestClient authenticated = connect("127.0.0.1");
        assertThat(authenticated.login(BOX, ServerFixture.PASSWORD)).isEqualTo(Replies.AUTH_OK);
        SmtpTestClient lingering = connect("127.0.0.1");
        assertThat(lingering.command("EHLO slow.test")).startsWith("250-");

        assertThat(lingering.replyWithin(15_000))
                .matches("421 4\\.4\\.2 Connection dropped: not authenticated in time" + SUFFIX);
        assertThat(lingering.closedByServer()).isTrue();
        assertThat(authenticated.command("NOOP")).isEqualTo("250 2.0.0 OK");
    }
}

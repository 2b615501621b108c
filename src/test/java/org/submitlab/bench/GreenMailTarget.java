package org.submitlab.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;

/** GreenMail 2.1.8 in this JVM: in memory, SMTPS (implicit TLS) with AUTH, one user per account. */
final class GreenMailTarget implements AutoCloseable {

    private final GreenMail greenMail;
    private final SmtpLoadGenerator.Target target;

    GreenMailTarget(List<SmtpLoadGenerator.Account> accounts) {
        ServerSetup smtps = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
        greenMail = new GreenMail(smtps);
        for (SmtpLoadGenerator.Account a : accounts) {
            greenMail.setUser(a.address(), a.address(), a.password());
        }
        greenMail.start();
        int port = greenMail.getSmtps().getPort();
        target = new SmtpLoadGenerator.Target("GreenMail", "127.0.0.1", port,
                SmtpLoadGenerator.Security.IMPLICIT_TLS, accounts);
    }

    SmtpLoadGenerator.Target target() {
        return target;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}

#!/usr/bin/env python3
"""A stand-in for a device on the LAN: sends one message to SubmitLab like a scanner does
(EHLO, STARTTLS, EHLO, AUTH LOGIN, MAIL, RCPT, DATA), trusting only the certificate given.

  lan-device.py HOST PORT MAILBOX PASSWORD CERT.pem [--check-hostname]

Without --check-hostname it checks the certificate chain only (what most printers do when told to
verify); with it, also that the certificate names HOST (needs a certificate made for that address).
Exits 0 when the message got its 250, 1 otherwise."""
import smtplib
import ssl
import sys


def main(argv):
    if len(argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    host, port, mailbox, password, cafile = argv[1], int(argv[2]), argv[3], argv[4], argv[5]
    check_hostname = "--check-hostname" in argv[6:]
    context = ssl.create_default_context(cafile=cafile)  # trusts this certificate and no other
    context.check_hostname = check_hostname
    context.verify_mode = ssl.CERT_REQUIRED
    try:
        with smtplib.SMTP(host, port, timeout=30) as smtp:
            smtp.ehlo("lan-device")
            smtp.starttls(context=context)
            print("TLS %s %s, certificate trusted%s" % (smtp.sock.version(), smtp.sock.cipher()[0],
                                                         " and names " + host if check_hostname else ""))
            smtp.ehlo("lan-device")
            smtp.login(mailbox, password)
            message = ("From: %s\r\nTo: frontdesk@contoso.test\r\nSubject: Scan from the LAN\r\n\r\n"
                       "A scanned page.\r\n" % mailbox)
            smtp.sendmail(mailbox, ["frontdesk@contoso.test"], message)
            print("accepted by %s:%d" % (host, port))
            return 0
    except (OSError, smtplib.SMTPException, ssl.SSLError) as e:
        print("lan-device: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

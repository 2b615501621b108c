package org.submitlab.policy;

/** Where the Send As check refuses a sender the mailbox may not send as (which one a tenant gives is unconfirmed). */
public enum SendAsCheck {
    /** After the end of DATA: {@code 554 5.2.252 SendAsDenied; ...} (the default). */
    DATA,
    /** At MAIL FROM: {@link Replies#SEND_AS_DENIED_AT_MAIL_FROM}. */
    MAIL_FROM
}

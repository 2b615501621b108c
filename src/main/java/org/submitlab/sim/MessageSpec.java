package org.submitlab.sim;

import java.util.List;

/**
 * What each message looks like.
 *
 * @param subject      the subject; {device} and {seq} are replaced
 * @param bodyBytes    size of the text body
 * @param attachments  attachments with their sizes (content is filler)
 */
public record MessageSpec(String subject, int bodyBytes, List<Attachment> attachments) {

    public MessageSpec {
        attachments = List.copyOf(attachments);
        if (bodyBytes < 0) {
            throw new IllegalArgumentException("bodyBytes must not be negative");
        }
    }

    public static MessageSpec plain(String subject) {
        return new MessageSpec(subject, 200, List.of());
    }

    /** Bytes of content before MIME encoding. */
    public long contentBytes() {
        return bodyBytes + attachments.stream().mapToLong(Attachment::bytes).sum();
    }

    public record Attachment(String name, String contentType, int bytes) {
        public Attachment {
            if (bytes < 0) {
                throw new IllegalArgumentException("attachment bytes must not be negative");
            }
        }
    }
}

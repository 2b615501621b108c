package org.submitlab.ui.sentitems;

import java.util.List;

/** A stored message taken apart for the detail view. */
public record MessageDetails(List<Header> headers, String subject, String from, List<String> to, List<String> cc,
        List<String> bcc, String date, String text, String html, List<Attachment> attachments, String raw,
        boolean rawTruncated) {

    public record Header(String name, String value) {
    }

    /** A part that is not the text or HTML body; {@code contentId} (without angle brackets) or "". */
    public record Attachment(String fileName, String contentType, byte[] data, String contentId) {

        public Attachment(String fileName, String contentType, byte[] data) {
            this(fileName, contentType, data, "");
        }

        public long size() {
            return data.length;
        }
    }

    /** To, Cc and Bcc together: what the headers say, which is not what the envelope says. */
    public List<String> headerRecipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }
}

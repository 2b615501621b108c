package org.submitlab.sim;

import java.util.List;
import java.util.Map;

/** The scenario file as written: every field optional here; {@link ScenarioParser} checks and converts. */
final class ScenarioJson {

    private ScenarioJson() {
    }

    record File(String name, String description, String duration, String drain, Double speed, Long seed,
            String profile, Map<String, Object> limits, List<MailboxJson> mailboxes, Map<String, PoolJson> pools,
            List<DeviceJson> devices, Integer senderThreads, Map<String, Object> rules, List<RelayJson> relays,
            List<GroupJson> groups, List<CaptionJson> captions) {
    }

    record CaptionJson(String at, String text) {
    }

    record RelayJson(String name, String mailbox, String login, String password, String token, Integer maxConnections,
            Boolean reuse, RetryJson retry, Long uploadKbps, String endpoint) {
    }

    record GroupJson(String address, String displayName, List<String> members, String pool) {
    }


    record MailboxJson(String address, Integer count, String displayName, String password, Integer recipientsPerDay,
            List<String> sendAs, Boolean saveToSentItems, List<String> tokens) {
    }

    record PoolJson(List<String> addresses, String pattern, Integer size) {
    }

    record DeviceJson(String name, Integer count, String kind, String mailbox, String login, String password,
            String token, String from, String fromName, RecipientsJson recipients, MessageJson message,
            ScheduleJson schedule, String stagger, ConnectionJson connection, RetryJson retry, Boolean perRecipient,
            Long uploadKbps, String endpoint, String relay) {
    }

    record RecipientsJson(String pool, Integer to, Integer cc, Integer bcc, String pick) {
    }

    record MessageJson(String subject, Integer bodyBytes, List<AttachmentJson> attachments) {
    }

    record AttachmentJson(String name, String contentType, Integer bytes) {
    }

    record ScheduleJson(String type, String every, String start, Integer count, Double perHour, String at,
            String spacing, List<String> times, Integer perTime) {
    }

    record ConnectionJson(Boolean reuse, Integer parallel) {
    }

    record RetryJson(String policy, String delay, Double jitter, String initial, Double factor, String max,
            Integer maxAttempts, String giveUpAfter, Boolean retryTemporary, Boolean retryPermanent) {
    }
}

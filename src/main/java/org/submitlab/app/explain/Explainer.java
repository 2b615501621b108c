package org.submitlab.app.explain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Explains any reply text a helpdesk pastes: a reply of the spec, through whatever client wrapper it
 * comes in, or anything else by what its codes say.
 */
public final class Explainer {

    private Explainer() {
    }

    public static Explanation explain(String pasted) {
        return explain(pasted, Optional.empty());
    }

    /** With {@code quotaFreesAt}: a quota refusal says when the mailbox's window frees. */
    public static Explanation explain(String pasted, Optional<Instant> quotaFreesAt) {
        PastedReply p = PastedReply.parse(pasted);
        String lower = p.text().toLowerCase(java.util.Locale.ROOT);
        Optional<KnownReply> known = ReplyCatalogue.all().stream().filter(k -> k.matches(p, lower))
                .max(Comparator.comparingInt(KnownReply::specificity));
        if (known.isPresent()) {
            KnownReply k = known.get();
            String retryWhen = k.retryWhen();
            if (k.reply().contains("SubmissionQuotaExceeded") && quotaFreesAt.isPresent()) {
                retryWhen = retryWhen + " This mailbox can send again from " + quotaFreesAt.get() + ".";
            }
            String phase = p.phase().map(w -> k.phase() + " (the client says: in reply to " + w + ")").orElse(k.phase());
            return new Explanation(true, Optional.of(k.code()), optional(k.enhanced()), k.reply(), k.title(), k.cause(),
                    phase, k.retry(), retryWhen, k.remedies(), k.look(), kind(k.code()), p);
        }
        return byCodes(p);
    }

    /**
     * What a reply known only by its codes ("432 4.3.2", as reports count refusals) means: the cause of the one
     * known reply with those codes, the titles of all of them when several share the codes, else what the codes say.
     */
    public static String meaningOfCodes(String codes) {
        String[] parts = codes.trim().split("\\s+");
        List<KnownReply> same = ReplyCatalogue.all().stream()
                .filter(k -> String.valueOf(k.code()).equals(parts[0])
                        && (parts.length < 2 ? k.enhanced().isEmpty() : parts[1].equals(k.enhanced())))
                .toList();
        if (same.stream().map(KnownReply::title).distinct().count() == 1) {
            return same.get(0).cause();
        }
        if (!same.isEmpty()) {
            return "One of: " + same.stream().map(KnownReply::title).distinct().collect(java.util.stream.Collectors.joining("; "))
                    + ".";
        }
        return explain(codes).cause();
    }

    private static Explanation byCodes(PastedReply p) {
        if (p.code().isEmpty() && p.enhanced().isEmpty()) {
            return new Explanation(false, Optional.empty(), Optional.empty(), p.reply(), "Not an SMTP reply",
                    "No SMTP reply code (such as 432 or 5.7.3) was found in the text.", "", false,
                    "Paste the whole line the device logged, with its three-digit code.", List.of(), List.of(),
                    Explanation.Kind.UNKNOWN, p);
        }
        int klass = p.code().map(c -> c / 100).orElseGet(() -> p.enhanced().get().charAt(0) - '0');
        String subject = p.enhanced().map(Explainer::subject).orElse("");
        return switch (klass) {
            case 2, 3 -> new Explanation(false, p.code(), p.enhanced(), p.reply(), "Success",
                    "The step succeeded" + (subject.isEmpty() ? "." : " (" + subject + ")."), "", false,
                    "Nothing to retry.", List.of(), List.of(ReplyCatalogue.LOOK_SESSIONS), Explanation.Kind.SUCCESS, p);
            case 4 -> new Explanation(false, p.code(), p.enhanced(), p.reply(), "Temporary refusal",
                    "The server refused this for now" + (subject.isEmpty() ? "" : " (" + subject + ")")
                            + ". This reply is not one of Exchange Online's known ones.", "", true,
                    "Yes, later (a well-behaved client waits minutes, backing off).", List.of(ReplyCatalogue.RETRY_4XX),
                    List.of(ReplyCatalogue.LOOK_SESSIONS), Explanation.Kind.TEMPORARY, p);
            default -> new Explanation(false, p.code(), p.enhanced(), p.reply(), "Permanent refusal",
                    "The server refused this for good" + (subject.isEmpty() ? "" : " (" + subject + ")")
                            + ". This reply is not one of Exchange Online's known ones.", "", false,
                    "No: retrying the same way fails again.", List.of(), List.of(ReplyCatalogue.LOOK_SESSIONS),
                    Explanation.Kind.PERMANENT, p);
        };
    }

    /** What RFC 3463's subject digit of an enhanced code is about. */
    private static String subject(String enhanced) {
        return switch (enhanced.split("\\.")[1]) {
            case "1" -> "an address";
            case "2" -> "the mailbox";
            case "3" -> "the mail system";
            case "4" -> "the network or routing";
            case "5" -> "the mail protocol";
            case "6" -> "the message content";
            case "7" -> "security or policy";
            default -> "";
        };
    }

    private static Explanation.Kind kind(int code) {
        return code < 400 ? Explanation.Kind.SUCCESS : code < 500 ? Explanation.Kind.TEMPORARY : Explanation.Kind.PERMANENT;
    }

    private static Optional<String> optional(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}

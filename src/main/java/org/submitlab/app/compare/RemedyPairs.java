package org.submitlab.app.compare;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The built-in problem/remedy pairs, one per remedy of the 2018 announcement (spec section 5) and one for the
 * 2026 move to High Volume Email. The console and {@code simulate --compare-pair} list these.
 */
public final class RemedyPairs {

    private static final List<RemedyPair> ALL = List.of(
            new RemedyPair("printers", "Printers sharing one mailbox / a mailbox per device",
                    "printers-sharing-mailbox", "mailbox-per-device",
                    "Ten printers through one mailbox overlap beyond its 3 concurrent submissions and get 432 4.3.2;"
                            + " one mailbox each carries the same load without a refusal."),
            new RemedyPair("newsletter-batches", "A newsletter in one go / in batches",
                    "newsletter-one-mailbox", "newsletter-batches",
                    "12,000 recipients within 12 hours pass the 10,000 a day and get 554 5.2.0 until the window"
                            + " slides; the same batches spread over 31 hours stay under the budget."),
            new RemedyPair("newsletter-group", "A newsletter in one go / to a distribution group",
                    "newsletter-one-mailbox", "newsletter-distribution-group",
                    "Addressed one by one, 12,000 subscribers use up the 10,000 a day; sent once to a distribution"
                            + " group they count as one recipient, and every member still gets a copy."),
            new RemedyPair("alert-storm", "An alert storm without / with a relay queue",
                    "alert-storm", "alert-storm-relay",
                    "50 alerts over 10 connections at once: beyond 3 in flight they get 432 and are lost; a relay"
                            + " keeping at most 3 in flight queues them, and none is lost."),
            new RemedyPair("hve", "A device on basic auth / moved to High Volume Email",
                    "app-on-basic-auth", "app-moved-to-hve",
                    "Once basic authentication is off (end of December 2026) AUTH LOGIN gets 535 5.7.139 and every"
                            + " message is lost; through High Volume Email the same app's messages are accepted."));

    private RemedyPairs() {
    }

    /** Every pair, in the order the console lists them. */
    public static List<RemedyPair> all() {
        return ALL;
    }

    public static Optional<RemedyPair> find(String id) {
        return ALL.stream().filter(p -> p.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }

    /** The pair by id; the message names the known ones. */
    public static RemedyPair byId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no remedy pair named '" + id
                + "'; choose one of " + ids()));
    }

    /** The pair whose problem and remedy are these presets, if any. */
    public static Optional<RemedyPair> of(String problem, String remedy) {
        return ALL.stream().filter(p -> p.problem().equals(problem) && p.remedy().equals(remedy)).findFirst();
    }

    public static String ids() {
        return ALL.stream().map(RemedyPair::id).collect(Collectors.joining(", "));
    }
}

package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Any search text parses, and what it parses to runs on a real store: the FTS5 expression is valid (asked of
 * the index directly and through every query the console makes), and, for text of ASCII words and syntax, the
 * rows found, in all mailboxes and in one, are exactly those an in-memory matcher of the documented rules finds
 * (whichever parts the planner asks the index for and checks on the row).
 *
 * <p>Tries per property: {@code jqwik.tries.default} (src/test/resources/junit-platform.properties); a longer
 * run: {@code mvn -o test -Dtest=SentItemsQueryPropertyTest -Djqwik.tries.default=5000}.
 */
class SentItemsQueryPropertyTest {

    private static final String SCANNER = "scanner@contoso.test";
    private static final String PRINTER = "printer@contoso.test";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    /** The stored messages and what the matcher needs of them. */
    record Message(String mailbox, String subject, String fromHeader, List<String> to, boolean attachment) {
    }

    private static final List<Message> MESSAGES = List.of(
            new Message(SCANNER, "Scan to email: invoice \"March\"", "\"Floor 2\" <scanner@contoso.test>",
                    List.of("billing@fabrikam.test"), true),
            new Message(PRINTER, "Toner low AND NOT empty* (tray 2)", "Printer <printer@contoso.test>",
                    List.of("helpdesk@contoso.test", "ops@contoso.test"), false),
            new Message(SCANNER, "from:me to:you subject:x has:attachment", "scanner@contoso.test",
                    List.of("a@fabrikam.test", "b@fabrikam.test", "c@contoso.test"), false),
            new Message(PRINTER, "[alert] {col} : \"q\" NEAR(a b) ^start -x +y", "Ops <ops@contoso.test>",
                    List.of("helpdesk@contoso.test"), true),
            new Message(SCANNER, "R\u00e9sum\u00e9 \u00fcber \u65e5\u672c \ud83d\udcc4", "\u00c9quipe <scanner@contoso.test>",
                    List.of("\u00e9quipe@fabrikam.test"), true),
            new Message(PRINTER, "", "", List.of(), false));

    private static Path dir;
    /** Its search index holds every message. */
    private static Store store;
    /** Its search index holds none: every search looks at them as the newest, not yet indexed, rows. */
    private static Store unindexed;

    @BeforeContainer
    static void fill() throws IOException {
        dir = Files.createTempDirectory("submitlab-query-");
        store = Store.open(dir.resolve("data"));
        fill(store);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.searchIndexBacklog() == 0);
        unindexed = Store.openWithoutIndexing(dir.resolve("unindexed"));
        fill(unindexed);
    }

    private static void fill(Store store) {
        for (int i = 0; i < MESSAGES.size(); i++) {
            Message m = MESSAGES.get(i);
            String to = m.to.isEmpty() ? "nobody@contoso.test" : String.join(", ", m.to);
            String from = m.fromHeader.isEmpty() ? m.mailbox : m.fromHeader;
            byte[] raw = m.attachment ? MimeFixtures.withAttachment(from, to, m.subject, "body", "f" + i + ".pdf")
                    : MimeFixtures.plain(from, to, m.subject, "body");
            Fixtures.commit(store, MimeFixtures.draft(m.mailbox, T0.plusSeconds(i), m.fromHeader, m.to, m.subject, raw));
        }
    }

    @AfterContainer
    static void remove() throws IOException {
        store.close();
        unindexed.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property
    void anyTextParsesAndRunsAsAValidQuery(@ForAll("anyText") String text) throws SQLException {
        SentItemsQuery q = assertParses(text);
        if (q.usesIndex() && !q.matchesNothing()) {
            assertValidFts5(q.match(null));
            assertValidFts5(q.match(Schema.mailboxCode(1)));
        }
        for (Optional<String> mailbox : List.of(Optional.<String>empty(), Optional.of(PRINTER))) {
            for (Store store : List.of(SentItemsQueryPropertyTest.store, unindexed)) {
                assertThatCode(() -> {
                    SentItemsRepository s = store.sentItems();
                    s.countUpTo(mailbox, text, 100);
                    s.count(mailbox, text);
                    List<SentItem> page = s.before(mailbox, text, Long.MAX_VALUE, 3);
                    s.after(mailbox, text, 0, 3);
                    s.page(mailbox, text, 1, 2);
                    if (!page.isEmpty()) {
                        s.before(mailbox, text, page.get(page.size() - 1).id(), 3);
                    }
                }).as("%s", q).doesNotThrowAnyException();
            }
        }
    }

    @Property
    void theRowsFoundAreThoseTheDocumentedRulesMatch(@ForAll("syntax") String text) {
        for (Store s : List.of(store, unindexed)) {
            assertFindsWhatTheRulesMatch(s, text);
        }
        Statistics.collect(unindexed.sentItems().count(Optional.empty(), text) == 0 ? "none" : "some");
    }

    private static void assertFindsWhatTheRulesMatch(Store store, String text) {
        SentItemsQuery q = SentItemsQuery.parse(text);
        List<String> expected = MESSAGES.stream().filter(m -> matches(q, m)).map(Message::subject).toList();
        List<String> found = store.sentItems().page(Optional.empty(), text, 0, 100).stream()
                .map(SentItem::subject).toList();
        assertThat(found).as("%s -> %s", text, q).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.sentItems().count(Optional.empty(), text)).isEqualTo(expected.size());
        List<String> printers = MESSAGES.stream().filter(m -> m.mailbox.equals(PRINTER) && matches(q, m))
                .map(Message::subject).toList();
        assertThat(store.sentItems().page(Optional.of(PRINTER), text, 0, 100)).extracting(SentItem::subject)
                .as("%s in %s", text, PRINTER).containsExactlyInAnyOrderElementsOf(printers);
    }

    private static SentItemsQuery assertParses(String text) {
        SentItemsQuery[] q = new SentItemsQuery[1];
        assertThatCode(() -> q[0] = SentItemsQuery.parse(text)).doesNotThrowAnyException();
        assertThat(q[0].terms()).hasSizeLessThanOrEqualTo(SentItemsQuery.MAX_TERMS)
                .allSatisfy(t -> assertThat(t.text()).isNotEmpty());
        return q[0];
    }

    private static void assertValidFts5(String match) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM sent_items_search WHERE sent_items_search MATCH ?")) {
            ps.setString(1, match);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
            } catch (SQLException e) {
                throw new AssertionError("invalid FTS5 query " + codePoints(match) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String codePoints(String text) {
        return text.codePoints().mapToObj(cp -> String.format(Locale.ROOT, "U+%04X", cp)).toList().toString();
    }

    /** The rules of {@link SentItemsQuery} for ASCII text, in plain Java. */
    private static boolean matches(SentItemsQuery q, Message m) {
        if (q.hasAttachment() && !m.attachment) {
            return false;
        }
        for (SentItemsQuery.Term t : q.terms()) {
            String needle = t.text().toLowerCase(Locale.ROOT);
            boolean listPunctuation = needle.matches(".*[\",\\[\\]].*");
            boolean subject = contains(m.subject, needle);
            boolean from = contains(m.mailbox, needle) || contains(m.fromHeader, needle);
            boolean to = !listPunctuation && m.to.stream().anyMatch(a -> contains(a, needle));
            boolean hit = switch (t.field()) {
                case ANY -> subject || from || to;
                case FROM -> from;
                case TO -> to;
                case SUBJECT -> subject;
            };
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String haystack, String needle) {
        return haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("\"':{}()*^+-_%\\ \t\u0000\ue000\uf8f0\ud800").ofMaxLength(30),
                syntax(),
                syntax().list().ofMaxSize(40).map(l -> String.join(" ", l)));
    }

    /** Words of the stored texts and every piece of the syntax, ASCII only, joined by spaces or not. */
    @Provide
    Arbitrary<String> syntax() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("from:", "to:", "subject:", "has:", "has:attachment", "FROM:", "foo:", "http://",
                        "\"", "\"\"", " ", "  ", "AND", "OR", "NOT", "NEAR(", ")", "*", "^", "{", "}", ":", ",", "[",
                        "]", "-", "+", "%", "_", "\\", "attachment"),
                Arbitraries.of("scan", "Scan to", "invoice", "march", "toner", "low", "tray 2", "floor", "printer",
                        "contoso", "fabrikam", "billing@", "helpdesk", "ops@", "a@", ".test", "2", "x", "me", "q",
                        "empty*", "alert", "col", "start", "st", "er", "o", "@"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3));
        return piece.list().ofMaxSize(8).map(l -> String.join("", l));
    }
}

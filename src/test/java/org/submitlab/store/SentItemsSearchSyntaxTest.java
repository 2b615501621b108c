package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.Fixtures.T0;
import static org.submitlab.store.Fixtures.commit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each operator of the search syntax on a real store, with real MIME messages (Jakarta Mail): a scan with a
 * PDF attached, a plain-text printer alert, an HTML-only report sent as another address, and a second scan.
 */
class SentItemsSearchSyntaxTest {

    private static final String SCANNER = "scanner@contoso.test";
    private static final String PRINTER = "printer@contoso.test";
    private static final String APP = "app@contoso.test";

    private static final String INVOICE = "Scan to email: invoice March";
    private static final String TONER = "Toner low, see http://printer7.local/status";
    private static final String REPORT = "Weekly report: two words here";
    private static final String RECEIPT = "Scan: two, words";

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("data"));
        commit(store, MimeFixtures.draft(SCANNER, T0, "\"Floor 2 Scanner\" <scanner@contoso.test>",
                List.of("billing@fabrikam.test"), INVOICE, MimeFixtures.withAttachment(
                        "\"Floor 2 Scanner\" <scanner@contoso.test>", "billing@fabrikam.test", INVOICE, "Scanned.",
                        "invoice-march.pdf")));
        commit(store, MimeFixtures.draft(PRINTER, T0.plusSeconds(1), "Printer <printer@contoso.test>",
                List.of("helpdesk@contoso.test"), TONER, MimeFixtures.plain("Printer <printer@contoso.test>",
                        "helpdesk@contoso.test", TONER, "Cartridge 3 at 5 %.")));
        commit(store, MimeFixtures.draft(APP, T0.plusSeconds(2), "\"Reports\" <reports@contoso.test>",
                List.of("helpdesk@contoso.test", "billing@fabrikam.test"), REPORT, MimeFixtures.htmlOnly(
                        "\"Reports\" <reports@contoso.test>", "helpdesk@contoso.test, billing@fabrikam.test", REPORT,
                        "<h1>Report</h1><p>All fine.</p>")));
        commit(store, MimeFixtures.draft(SCANNER, T0.plusSeconds(3), "\"Floor 2 Scanner\" <scanner@contoso.test>",
                List.of("Desk@Contoso.test"), RECEIPT, MimeFixtures.withAttachment(
                        "\"Floor 2 Scanner\" <scanner@contoso.test>", "Desk@Contoso.test", RECEIPT, "Scanned.",
                        "receipt.pdf")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // from: the envelope sender or the From header, not the subject
        "from:reports                     | " + REPORT,                 // the From header only (Send As)
        "from:app@                        | " + REPORT,                 // the envelope sender only
        "'from:\"floor 2\"'               | " + INVOICE + ";" + RECEIPT, // a display name, as a phrase
        "from:toner                       | ''",
        // to: the envelope recipients
        "to:billing                       | " + INVOICE + ";" + REPORT,
        "TO:desk@contoso                  | " + TONER + ";" + REPORT + ";" + RECEIPT, // helpdesk@ too; any case
        "to:invoice                       | ''",
        // subject: the subject only
        "subject:floor                    | ''",                       // only in From headers
        "subject:scan                     | " + INVOICE + ";" + RECEIPT,
        "'subject:\"two words\"'          | " + REPORT,
        "'subject:\"two words'            | " + REPORT,                 // unclosed: the phrase runs to the end
        // plain words and phrases: any of the four columns, every part must match
        "two words                        | " + REPORT + ";" + RECEIPT,
        "'\"two words\"'                  | " + REPORT,
        "fabrikam                         | " + INVOICE + ";" + REPORT,
        "fabrikam scan                    | " + INVOICE,
        "http://printer7                  | " + TONER,                  // an unknown key is text
        "foo:bar                          | ''",
        "from:scanner subject:words to:desk | " + RECEIPT,
    })
    void eachOperatorLooksInItsOwnColumns(String search, String subjects) {
        assertFinds(search.trim(), subjects);
    }

    @ParameterizedTest(name = "''{0}'' finds {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "has:attachment                   | " + INVOICE + ";" + RECEIPT,
        "has:attachment invoice           | " + INVOICE,
        "HAS:ATTACHMENTS to:desk          | " + RECEIPT,
        "has:attachment from:printer      | ''",
        "has:attachment report            | ''",                       // the HTML-only message has none
        "has:attachment 2                 | " + INVOICE + ";" + RECEIPT, // with a short term, in the window
    })
    void hasAttachmentFindsOnlyMessagesWithAnAttachment(String search, String subjects) {
        assertFinds(search.trim(), subjects);
    }

    @Test
    void hasAttachmentInOneMailbox() {
        assertThat(subjects(Optional.of(SCANNER), "has:attachment")).containsExactly(RECEIPT, INVOICE);
        assertThat(subjects(Optional.of(PRINTER), "has:attachment")).isEmpty();
        assertThat(store.sentItems().count(Optional.of(SCANNER), "has:attachment two")).isEqualTo(1);
    }

    @Test
    void aLoneQuoteLooksForTheQuoteCharacterAndNoLongerMatchesEveryMessage() {
        // The recipients are kept as a JSON list (["a@x"]): their quotes must not match.
        assertFinds("\"", INVOICE + ";" + REPORT + ";" + RECEIPT); // quoted display names in the From header
        assertFinds("to:\"", "");
        assertFinds("\"\"", "");
        assertThat(store.sentItems().countUpTo(Optional.empty(), "\"", 100)).isEqualTo(SentItemsCount.exactly(3));
    }

    @Test
    void punctuationOfTheRecipientListMatchesNothing() {
        assertFinds("[", "");
        assertFinds("to:,", "");
        assertFinds(",", TONER + ";" + RECEIPT); // commas in subjects still count
        assertFinds("st\"]", "");
    }

    @Test
    void aShortTermBesideAnIndexedOneFiltersTheIndexsMatches() {
        assertFinds("subject:scan 2", INVOICE + ";" + RECEIPT); // "2" in their From header
        assertFinds("subject:scan to:de", RECEIPT);
        assertFinds("from:printer 5", ""); // "5 %" is in the body, not searched
        assertThat(store.sentItems().countUpTo(Optional.empty(), "subject:scan to:de", 100))
                .isEqualTo(SentItemsCount.exactly(1));
    }

    @Test
    void pagingByKeyWorksForEveryKindOfQuery() {
        for (String search : List.of("has:attachment", "subject:scan 2", "to:desk", "\"")) {
            List<SentItem> all = store.sentItems().page(Optional.empty(), search, 0, 10);
            List<SentItem> first = store.sentItems().before(Optional.empty(), search, Long.MAX_VALUE, 1);
            List<SentItem> second = store.sentItems().before(Optional.empty(), search, first.get(0).id(), 1);
            assertThat(List.of(first.get(0), second.get(0))).as(search).isEqualTo(all.subList(0, 2));
            assertThat(store.sentItems().after(Optional.empty(), search, second.get(0).id(), 1)).isEqualTo(first);
            assertThat(store.sentItems().page(Optional.empty(), search, 1, 1)).isEqualTo(second);
        }
    }

    @Test
    void aSearchAskedAgainFindsWhatArrivedMeanwhileEvenInAMailboxThatWasEmpty() {
        String fax = "fax@contoso.test";
        assertThat(subjects(Optional.of(fax), "has:attachment fax")).isEmpty();
        assertThat(subjects(Optional.empty(), "has:attachment subject:fax")).isEmpty();
        commit(store, MimeFixtures.draft(fax, T0.plusSeconds(5), fax, List.of("a@x.test"), "Fax 1",
                MimeFixtures.withAttachment(fax, "a@x.test", "Fax 1", "x", "fax.pdf")));
        assertThat(subjects(Optional.of(fax), "has:attachment fax")).containsExactly("Fax 1");
        assertThat(subjects(Optional.empty(), "has:attachment subject:fax")).containsExactly("Fax 1");
    }

    @Test
    void aCommonTermIsCheckedOnTheRowAndOnlyTheRareOneIsAskedOfTheIndex() throws Exception {
        for (int i = 0; i < 20; i++) {
            commit(store, MimeFixtures.draft(PRINTER, T0.plusSeconds(10 + i), PRINTER, List.of("a@x.test"),
                    "Scan page " + i, MimeFixtures.plain(PRINTER, "a@x.test", "Scan page " + i, "x")));
        }
        commit(store, MimeFixtures.draft(PRINTER, T0.plusSeconds(40), PRINTER, List.of("a@x.test"), "Scan zebra",
                MimeFixtures.plain(PRINTER, "a@x.test", "Scan zebra", "x")));
        Fixtures.awaitIndexed(store); // the planner probes the index for how common each part is
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file())) {
            String match = SentItemsSearch.of(Optional.empty(), "subject:scan zebra").match(c);
            assertThat(match).contains("\"zeb\"").doesNotContain("\"sca\"").doesNotContain("\"can\"");
        }
        assertThat(subjects(Optional.empty(), "subject:scan zebra")).containsExactly("Scan zebra");
        assertThat(subjects(Optional.empty(), "subject:scan zebras")).isEmpty();
    }

    @Test
    void theWritePathStoresWhetherAMessageHasAttachments() throws Exception {
        assertThat(attachmentsColumn()).containsExactly("1", "0", "0", "1");
    }

    @Test
    void aSpooledBodyIsCheckedLikeOneInMemory() throws Exception {
        byte[] raw = MimeFixtures.withAttachment(SCANNER, "x@fabrikam.test", "Big scan", "y".repeat(200_000), "big.pdf");
        Path spool = Files.write(store.newSpoolFile(), raw);
        SentItemDraft d = new SentItemDraft(SCANNER, T0.plusSeconds(9), SCANNER, List.of("x@fabrikam.test"), SCANNER,
                "192.0.2.10", true, "s-big", MessageBody.spooled(spool, raw.length), "Big scan", "<big@test>", SCANNER,
                true, List.of("x@fabrikam.test"), T0.plusSeconds(9));
        commit(store, d);
        assertThat(subjects(Optional.empty(), "has:attachment big")).containsExactly("Big scan");
    }

    @Test
    void aMessageKeptOutOfSentItemsIsNotChecked() throws Exception {
        SentItemDraft d = new SentItemDraft(SCANNER, T0.plusSeconds(9), SCANNER, List.of("x@fabrikam.test"), SCANNER,
                "192.0.2.10", true, "s-hve", MimeFixtures.withAttachment(SCANNER, "x@fabrikam.test", "HVE", "x", "a.pdf"),
                "HVE", "<hve@test>", SCANNER, false, List.of("x@fabrikam.test"), T0.plusSeconds(9));
        commit(store, d);
        assertThat(attachmentsColumn()).containsExactly("1", "0", "0", "1", null);
        assertThat(subjects(Optional.empty(), "has:attachment")).containsExactly(RECEIPT, INVOICE);
    }

    /** {@code subjects}: the subjects expected, separated by semicolons (two of them have commas). */
    private void assertFinds(String search, String subjects) {
        List<String> expected = subjects.isEmpty() ? List.of() : List.of(subjects.split(";"));
        assertThat(subjects(Optional.empty(), search)).as(search).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.sentItems().count(Optional.empty(), search)).as(search).isEqualTo(expected.size());
    }

    private List<String> subjects(Optional<String> mailbox, String search) {
        return store.sentItems().page(mailbox, search, 0, 100).stream().map(SentItem::subject).toList();
    }

    private List<String> attachmentsColumn() throws Exception {
        List<String> values = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT attachments FROM messages ORDER BY id")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

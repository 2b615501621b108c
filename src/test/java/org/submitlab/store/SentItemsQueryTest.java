package org.submitlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.submitlab.store.SentItemsQuery.Field.ANY;
import static org.submitlab.store.SentItemsQuery.Field.FROM;
import static org.submitlab.store.SentItemsQuery.Field.SUBJECT;
import static org.submitlab.store.SentItemsQuery.Field.TO;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.submitlab.store.SentItemsQuery.Term;

/** How a search text splits into parts (the store tests show what each part finds). */
class SentItemsQueryTest {

    @Test
    void wordsAreSeparatePartsAndAPhraseKeepsItsSpaces() {
        assertThat(SentItemsQuery.parse("  toner   \"low level\"\tfloor2 ").terms())
                .containsExactly(new Term(ANY, "toner"), new Term(ANY, "low level"), new Term(ANY, "floor2"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "from:scanner@contoso.test         | FROM    | scanner@contoso.test",
        "FROM:Scanner                      | FROM    | Scanner",
        "to:helpdesk                       | TO      | helpdesk",
        "subject:invoice                   | SUBJECT | invoice",
        "'subject:\"two words\"'           | SUBJECT | two words",
        "'Subject:\"unclosed phrase'       | SUBJECT | unclosed phrase",
        "from:to:x                         | FROM    | to:x",
    })
    void aKeyRestrictsItsValueToItsField(String search, SentItemsQuery.Field field, String text) {
        assertThat(SentItemsQuery.parse(search.trim()).terms()).containsExactly(new Term(field, text));
    }

    @Test
    void hasAttachmentIsAFilterNotText() {
        SentItemsQuery q = SentItemsQuery.parse("has:attachment invoice HAS:Attachments");
        assertThat(q.hasAttachment()).isTrue();
        assertThat(q.terms()).containsExactly(new Term(ANY, "invoice"));
        assertThat(SentItemsQuery.parse("has:\"attachment\"").hasAttachment()).isTrue();
        assertThat(SentItemsQuery.parse("has:attachment").isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "http://intranet/scan    | http://intranet/scan",
        "foo:bar                 | foo:bar",
        "has:pdf                 | has:pdf",
        "from:                   | from:",
        "'say\"hi\"'             | 'say\"hi\"'",
        "'\"'                    | '\"'",
        "'\"\"'                  | '\"\"'",
        "'has:\"\"'              | 'has:\"\"'",
        "AND                     | AND",
        "bye*                    | bye*",
    })
    void everythingElseIsPlainText(String search, String text) {
        SentItemsQuery q = SentItemsQuery.parse(search.trim());
        assertThat(q.terms()).containsExactly(new Term(ANY, text.trim()));
        assertThat(q.hasAttachment()).isFalse();
    }

    @Test
    void aLoneQuoteAfterOtherPartsIsTheQuoteCharacter() {
        assertThat(SentItemsQuery.parse("invoice \"").terms()).containsExactly(new Term(ANY, "invoice"), new Term(ANY, "\""));
        assertThat(SentItemsQuery.parse("from:\"").terms()).containsExactly(new Term(FROM, "\""));
        assertThat(SentItemsQuery.parse("\" \"").terms()).containsExactly(new Term(ANY, "\""));
    }

    @Test
    void blankTextIsEmptyAndRepeatsCountOnce() {
        assertThat(SentItemsQuery.parse(null).isEmpty()).isTrue();
        assertThat(SentItemsQuery.parse(" \t\u00a0").isEmpty()).isTrue();
        assertThat(SentItemsQuery.parse("scan scan from:a from:a").terms())
                .containsExactly(new Term(ANY, "scan"), new Term(FROM, "a"));
    }

    @Test
    void controlCharactersAreSpacesEvenInAPhrase() {
        assertThat(SentItemsQuery.parse("a\u0000b \"c\u0001d\"").terms())
                .containsExactly(new Term(ANY, "a"), new Term(ANY, "b"), new Term(ANY, "c d"));
    }

    @Test
    void termsBeyondTheLimitAreIgnored() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < SentItemsQuery.MAX_TERMS + 10; i++) {
            many.append("t").append(i).append(' ');
        }
        List<Term> terms = SentItemsQuery.parse(many.toString()).terms();
        assertThat(terms).hasSize(SentItemsQuery.MAX_TERMS).startsWith(new Term(ANY, "t0"));
    }

    @Test
    void theFts5QueryQuotesEveryTermAndAndsThem() {
        SentItemsQuery q = SentItemsQuery.parse("from:dev subject:\"say \"hi\" has:attachment ab");
        // The phrase ends at the second quote; hi" is a word whose quote is a character (doubled for FTS5).
        // "say " (four characters) is asked as the trigrams that cover it, and checked on the row.
        assertThat(q.match(null)).isEqualTo("mailbox : \"" + Schema.ATTACHMENT_CODE + "\""
                + " AND {envelope_from from_header} : \"dev\""
                + " AND {subject} : \"say\" AND {subject} : \"ay \""
                + " AND {subject envelope_from from_header} : \"hi\"\"\"");
        assertThat(q.shortTerms()).containsExactly(new Term(ANY, "ab"));
        assertThat(SentItemsQuery.parse("x\"yz").match(null)).isEqualTo("{subject envelope_from from_header} : \"x\"\"y\""
                + " AND {subject envelope_from from_header} : \"\"\"yz\"");
    }

    @Test
    void aLongAsciiTermIsAskedAsTheTrigramsThatCoverItAndOtherTextAsAPhrase() {
        assertThat(new Term(ANY, "device007@").cover()).containsExactly("dev", "ice", "007", "07@");
        assertThat(new Term(ANY, "abcdef").cover()).containsExactly("abc", "def");
        assertThat(SentItemsQuery.parse("subject:abcabcabc").match(null))
                .isEqualTo("{subject} : \"abc\""); // a trigram asked twice is asked once
        assertThat(SentItemsQuery.parse("subject:R\u00e9sum\u00e9").match(null)).isEqualTo("{subject} : \"R\u00e9sum\u00e9\"");
        assertThat(new Term(ANY, "R\u00e9sum\u00e9").covered()).isFalse();
        assertThat(new Term(ANY, "abc").covered()).isFalse();
    }

    @Test
    void aRecipientTermWithListPunctuationMatchesNothing() {
        assertThat(SentItemsQuery.parse("to:a\"b").matchesNothing()).isTrue();
        assertThat(SentItemsQuery.parse("to:[").matchesNothing()).isTrue();
        assertThat(SentItemsQuery.parse("to:a@b from:\"").matchesNothing()).isFalse();
    }
}

package org.submitlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks that a report page loads nothing and runs nothing, by its parsed elements and attributes rather than by
 * substrings: reply texts shown on the page ("Visit https://aka.ms/...") are text, not links.
 */
public final class StandAloneHtml {

    private static final Set<String> LOADING_ATTRIBUTES =
            Set.of("src", "srcset", "href", "xlink:href", "action", "formaction", "data", "poster", "background");

    private StandAloneHtml() {
    }

    public static void assertLoadsNothing(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script, link, iframe, frame, img, object, embed, base, form, audio, video"))
                .as("elements that load or run something").isEmpty();
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'");
        for (Element style : doc.select("style")) {
            assertThat(style.data()).doesNotContain("url(", "@import");
        }
        for (Element element : doc.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s>", element.tagName())
                        .doesNotStartWith("on").isNotIn(LOADING_ATTRIBUTES);
                if (name.equals("style")) {
                    assertThat(attribute.getValue()).doesNotContain("url(", "@import");
                }
            }
        }
    }
}

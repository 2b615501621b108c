package org.submitlab.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandAloneHtmlTest {

    private static String page(String body) {
        return "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                + "<style>b{color:red}</style></head><body>" + body + "</body></html>";
    }

    @Test
    void aReplyTextWithAnAddressIsText() {
        assertThatCode(() -> StandAloneHtml.assertLoadsNothing(page(
                "<code>432 4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending</code>")))
                .doesNotThrowAnyException();
    }

    @Test
    void linksScriptsHandlersAndStyleLoadsFail() {
        for (String body : new String[] {"<a href=\"https://aka.ms/x\">x</a>", "<script>1</script>",
                "<svg><image xlink:href=\"x.png\"/></svg>", "<b onclick=\"x()\">b</b>",
                "<b style=\"background:url(x.png)\">b</b>", "<img alt=x>"}) {
            assertThatThrownBy(() -> StandAloneHtml.assertLoadsNothing(page(body))).as(body)
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aPageWithoutItsPolicyFails() {
        assertThatThrownBy(() -> StandAloneHtml.assertLoadsNothing("<!DOCTYPE html><html><body>x</body></html>"))
                .isInstanceOf(AssertionError.class);
    }
}

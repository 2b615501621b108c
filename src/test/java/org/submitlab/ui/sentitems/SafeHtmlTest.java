package org.submitlab.ui.sentitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeHtmlTest {

    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Test
    void scriptsHandlersStylesFramesAndFormsAreGone() {
        String page = SafeHtml.render("<p onclick=\"steal()\">Hello<script>alert(1)</script></p>"
                + "<style>body{background:url(https://tracker.test/s.gif)}</style>"
                + "<iframe src=\"https://evil.test/\"></iframe><form action=\"https://evil.test/\"><input name=p></form>"
                + "<a href=\"javascript:alert(2)\">click</a><svg onload=\"x()\"></svg>", List.of()).document();

        String body = page.substring(page.indexOf("<body>"));
        assertThat(body).contains("Hello").doesNotContainIgnoringCase("<script").doesNotContain("alert(")
                .doesNotContain("onclick").doesNotContainIgnoringCase("<style").doesNotContain("tracker.test")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<input").doesNotContain("javascript:").doesNotContain("onload");
    }

    @Test
    void remoteImagesAreNotLoadedAndCounted() {
        SafeHtml.Rendered r = SafeHtml.render("<p>Logo <img src=\"https://cdn.test/logo.png\" alt=\"logo\">"
                + "<img src=\"http://tracker.test/pixel.gif?u=42\" width=1 height=1><img src=\"//cdn.test/x.png\"></p>",
                List.of());

        assertThat(r.document()).doesNotContain("cdn.test").doesNotContain("tracker.test");
        assertThat(r.blockedImages()).isEqualTo(3);
        assertThat(r.note()).contains("3 remote images not loaded");
    }

    @Test
    void inlineImagesOfTheMessageShowFromItsOwnParts() {
        MessageDetails.Attachment logo = new MessageDetails.Attachment("logo.png", "image/png", PNG, "logo@contoso.test");
        MessageDetails.Attachment pdf = new MessageDetails.Attachment("scan.pdf", "application/pdf",
                "%PDF".getBytes(StandardCharsets.US_ASCII), "scan@contoso.test");

        SafeHtml.Rendered r = SafeHtml.render("<img src=\"cid:logo@contoso.test\"><img src=\"CID:scan@contoso.test\">"
                + "<img src=\"cid:missing@contoso.test\">", List.of(logo, pdf));

        assertThat(r.document()).contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(PNG) + "\"")
                .doesNotContain("cid:").doesNotContain("data:application/pdf");
        assertThat(r.blockedImages()).isZero();
    }

    @Test
    void linksShowWhereTheyPointInsteadOfGoingThere() {
        SafeHtml.Rendered r = SafeHtml.render("<a href=\"https://phish.test/login\">Your invoice</a> "
                + "<a href=\"https://contoso.test/\">https://contoso.test/</a>", List.of());

        assertThat(r.document()).doesNotContain("href=").contains("Your invoice &lt;https://phish.test/login&gt;")
                .contains("title=\"https://phish.test/login\"");
        assertThat(r.document()).containsOnlyOnce("https://contoso.test/</a>");
        assertThat(r.links()).isEqualTo(2);
    }

    @Test
    void thePageForbidsEveryLoadButItsInlineImages() {
        String page = SafeHtml.render("<p>hi</p>", List.of()).document();

        assertThat(page).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "img-src data:; style-src 'unsafe-inline'\">");
        assertThat(SafeHtml.render("<p>hi</p>", List.of()).note()).isEqualTo(
                "Shown safely: no scripts, nothing loaded from the network");
    }
}

package org.submitlab.ui.sentitems;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An HTML body made safe to show: jsoup's relaxed safelist (no scripts, styles, frames, forms or event
 * handlers), no remote loads (images only from the message's own inline parts, turned into {@code data:}
 * URLs), and links that show where they point instead of going there. The page also carries a Content
 * Security Policy that allows nothing but those images, in case anything got through.
 */
public final class SafeHtml {

    /** What the viewer allows to load: inline images and the page's own style, nothing from the network. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid")
            .preserveRelativeLinks(false);

    /**
     * @param document       the page to load into a viewer with JavaScript off
     * @param blockedImages  images the message loads from elsewhere (a tracking pixel, a logo on a web server)
     * @param links          links shown as their address instead of followed
     */
    public record Rendered(String document, int blockedImages, int links) {

        /** One line for above the page, e.g. "2 remote images not loaded · 1 link shown as its address". */
        public String note() {
            StringBuilder b = new StringBuilder("Shown safely: no scripts, nothing loaded from the network");
            if (blockedImages > 0) {
                b.append(" \u00b7 ").append(blockedImages).append(blockedImages == 1 ? " remote image" : " remote images")
                        .append(" not loaded");
            }
            if (links > 0) {
                b.append(" \u00b7 ").append(links).append(links == 1 ? " link" : " links").append(" shown as its address");
            }
            return b.toString();
        }
    }

    private SafeHtml() {
    }

    /** Parses and cleans {@code html} once; call it off the FX thread (a newsletter's body takes a while). */
    public static Rendered render(String html, List<MessageDetails.Attachment> parts) {
        Document dirty = Jsoup.parse(html, "");
        int blocked = 0;
        for (Element img : dirty.select("img[src]")) {
            if (!img.attr("src").trim().toLowerCase(Locale.ROOT).startsWith("cid:")) {
                blocked++;
            }
        }
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element img : clean.select("img[src]")) {
            MessageDetails.Attachment part = byContentId(parts, img.attr("src").trim().substring(4));
            if (part != null && part.contentType().startsWith("image/")) {
                img.attr("src", "data:" + part.contentType() + ";base64," + Base64.getEncoder().encodeToString(part.data()));
            } else {
                img.removeAttr("src");
            }
        }
        int links = 0;
        for (Element a : clean.select("a[href]")) {
            String href = a.attr("href");
            a.removeAttr("href");
            a.attr("title", href);
            if (!a.text().trim().equals(href.trim())) {
                a.appendText(" <" + href + ">");
            }
            links++;
        }
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">"
                + "<style>body{font-family:sans-serif;font-size:14px;margin:10px;word-wrap:break-word}"
                + "a{color:#0645ad;text-decoration:underline}img{max-width:100%}</style></head><body>"
                + clean.body().html() + "</body></html>";
        return new Rendered(page, blocked, links);
    }

    private static MessageDetails.Attachment byContentId(List<MessageDetails.Attachment> parts, String cid) {
        for (MessageDetails.Attachment p : parts) {
            if (!p.contentId().isEmpty() && p.contentId().equalsIgnoreCase(cid)) {
                return p;
            }
        }
        return null;
    }
}

package org.submitlab.app.explain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a reply means, for a helpdesk: the reply as Exchange sends it, its cause in plain words, the
 * phase that gives it, whether and when to retry, the remedies and where in SubmitLab to look.
 *
 * @param recognized  whether it is one of the spec's replies (else classified by its codes)
 * @param kind        success, temporary (4xx), permanent (5xx) or unknown (no code)
 */
public record Explanation(boolean recognized, Optional<Integer> code, Optional<String> enhanced, String reply,
        String title, String cause, String phase, boolean retry, String retryWhen, List<String> remedies,
        List<String> look, Kind kind, PastedReply pasted) {

    public enum Kind { SUCCESS, TEMPORARY, PERMANENT, UNKNOWN }

    public Explanation {
        remedies = List.copyOf(remedies);
        look = List.copyOf(look);
    }

    /** The fields of {@code explain --json}, in order. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recognized", recognized);
        m.put("code", code.map(String::valueOf).orElse(null));
        m.put("enhanced", enhanced.orElse(null));
        m.put("reply", reply);
        m.put("title", title);
        m.put("cause", cause);
        m.put("phase", phase);
        m.put("retry", retry);
        m.put("retryWhen", retryWhen);
        m.put("remedies", remedies);
        m.put("look", look);
        m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        m.put("wrapper", pasted.wrapper().orElse(null));
        pasted.suffix().ifPresent(s -> {
            m.put("host", s.host());
            m.put("time", s.time());
            m.put("session", s.sessionId());
        });
        return m;
    }

    /** As a person reads it: title, reply, cause, phase, retry, remedies, where to look. */
    public String asText() {
        StringBuilder b = new StringBuilder(title);
        code.ifPresent(c -> b.append(" (").append(c).append(enhanced.map(e -> " " + e).orElse("")).append(')'));
        b.append('\n');
        if (!reply.isEmpty()) {
            b.append(reply).append("\n\n");
        }
        b.append(cause).append('\n');
        if (!phase.isEmpty()) {
            b.append("When: ").append(phase).append('\n');
        }
        boolean answered = retryWhen.matches("(?s)(Yes|No|Nothing)\\b.*");
        b.append("Retry: ").append(answered ? "" : retry ? "yes. " : "no. ").append(retryWhen).append('\n');
        if (!remedies.isEmpty()) {
            b.append("\nWhat to do:");
            remedies.forEach(r -> b.append("\n\u2022 ").append(r));
            b.append('\n');
        }
        if (!look.isEmpty()) {
            b.append("\nWhere to look in SubmitLab:");
            look.forEach(l -> b.append("\n\u2022 ").append(l));
            b.append('\n');
        }
        return b.toString().stripTrailing();
    }
}

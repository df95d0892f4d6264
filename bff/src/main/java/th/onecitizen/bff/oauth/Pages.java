package th.onecitizen.bff.oauth;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import th.onecitizen.identity.authorization.AuthorizationRequest;
import th.onecitizen.identity.authorization.AuthorizeOutcome;

/** The few HTML pages of the login: the provider chooser, the NDID waiting page and errors, in Thai and English. */
@Component
public final class Pages {

    private static final Map<String, String[]> PROVIDER_NAMES = Map.of(
            "thaid", new String[] {"ThaiD (ไทยดี)", "ThaiD"},
            "mophid", new String[] {"หมอพร้อม (MOPH ID)", "Mor Prom (MOPH ID)"},
            "paotang", new String[] {"เป๋าตัง", "Pao Tang"},
            "ndid", new String[] {"NDID (ธนาคาร / ผู้ให้บริการยืนยันตัวตน)", "NDID (your bank or identity provider)"});

    /** The chooser: one button per provider able to reach the requested assurance. */
    String chooser(AuthorizeOutcome.Chooser chooser) {
        AuthorizationRequest r = chooser.request();
        boolean th = !"en".equals(r.uiLocale());
        StringBuilder sb = head(th ? "th" : "en", th ? "เข้าสู่ระบบ OneCitizen" : "Sign in to OneCitizen");
        sb.append("<main><h1>").append(th ? "เข้าสู่ระบบด้วย" : "Sign in with").append("</h1>");
        sb.append("<p class=\"lang\"><a id=\"lang-th\" href=\"").append(esc(link(r, null, "th")))
                .append("\">ไทย</a> | <a id=\"lang-en\" href=\"").append(esc(link(r, null, "en")))
                .append("\">English</a></p><ul class=\"providers\">");
        for (String p : chooser.providers()) {
            String[] names = PROVIDER_NAMES.getOrDefault(p, new String[] {p, p});
            sb.append("<li><a class=\"provider\" id=\"idp-").append(esc(p)).append("\" href=\"")
                    .append(esc(link(r, p, r.uiLocale()))).append("\">").append(esc(th ? names[0] : names[1]))
                    .append("</a></li>");
        }
        return sb.append("</ul></main></body></html>").toString();
    }

    /** NDID's first step at a browser: the citizen ID, posted back to authorize with the same request. */
    String askCitizenId(AuthorizeOutcome.AskCitizenId ask) {
        AuthorizationRequest r = ask.request();
        boolean th = !"en".equals(r.uiLocale());
        StringBuilder sb = head(th ? "th" : "en", "NDID");
        sb.append("<main><h1>").append(th ? "ยืนยันตัวตนผ่าน NDID" : "Sign in with NDID").append("</h1>");
        if (ask.invalid()) {
            sb.append("<p id=\"invalid\">").append(th ? "เลขประจำตัวประชาชนไม่ถูกต้อง" : "This citizen ID is not valid")
                    .append("</p>");
        }
        sb.append("<form method=\"post\" action=\"/oauth2/authorize\">");
        hidden(sb, "response_type", "code");
        hidden(sb, "client_id", r.clientId());
        hidden(sb, "redirect_uri", r.redirectUri());
        hidden(sb, "code_challenge", r.codeChallenge());
        hidden(sb, "code_challenge_method", "S256");
        hidden(sb, "scope", r.scopes().isEmpty() ? null : String.join(" ", r.scopes()));
        hidden(sb, "state", r.state());
        hidden(sb, "nonce", r.nonce());
        hidden(sb, "acr_values", r.acr());
        hidden(sb, "idp_hint", "ndid");
        hidden(sb, "ui_locales", r.uiLocale());
        sb.append("<label for=\"login_hint\">").append(th ? "เลขประจำตัวประชาชน 13 หลัก" : "13-digit citizen ID")
                .append("</label><input id=\"login_hint\" name=\"login_hint\" inputmode=\"numeric\" "
                        + "autocomplete=\"off\" pattern=\"[0-9]{13}\" maxlength=\"13\" required>")
                .append("<button id=\"continue\" type=\"submit\">").append(th ? "ดำเนินการต่อ" : "Continue")
                .append("</button></form></main></body></html>");
        return sb.toString();
    }

    private static void hidden(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value))
                    .append("\">");
        }
    }

    /**
     * The NDID waiting page: reloads its own URL without the first load's mark every second until NDID answers, then
     * the server redirects to the app.
     */
    String waiting(AuthorizeOutcome.Waiting w) {
        boolean th = !"en".equals(w.locale());
        StringBuilder sb = head(th ? "th" : "en", th ? "รอการยืนยันตัวตน" : "Waiting for confirmation",
                "1; url=/oauth2/ndid/wait/" + w.transactionId())
                .append("<main><h1 id=\"waiting\">")
                .append(th ? "กรุณายืนยันตัวตนในแอปของผู้ให้บริการ" : "Please confirm in your identity provider's app")
                .append("</h1><p>").append(th ? "หน้านี้จะไปต่อเองเมื่อยืนยันแล้ว"
                        : "This page continues by itself once you have confirmed.")
                .append("</p></main></body></html>");
        return sb.toString();
    }

    /**
     * Sends the browser on to the app's redirect URI by itself (a refresh, and a link where a browser does not follow
     * a refresh to the app's own scheme): the answer of our own form, which may not redirect to another origin.
     */
    String leave(java.net.URI location) {
        return head("th", "OneCitizen", "0; url=" + location)
                .append("<main><h1>กลับไปยังแอป / Returning to the app</h1><p><a id=\"continue\" href=\"")
                .append(esc(location.toString())).append("\">ดำเนินการต่อ / Continue</a></p></main></body></html>")
                .toString();
    }

    /** An error that cannot be sent to the app (no trusted redirect URI). */
    String error(String message) {
        return head("en", "Sign-in error").append("<main><h1>ไม่สามารถเข้าสู่ระบบได้ / Sign-in error</h1><p id=\"error\">")
                .append(esc(message)).append("</p></main></body></html>").toString();
    }

    /** A short confirmation page (provider linked, signed out). */
    String notice(String th, String en) {
        return head("th", en).append("<main><h1>").append(esc(th)).append("</h1><p>").append(esc(en))
                .append("</p></main></body></html>").toString();
    }

    private static final String STYLE = "<style>body{font-family:sans-serif;margin:2em auto;max-width:28em}"
            + "a.provider{display:block;padding:.8em;margin:.5em 0;border:1px solid #888;border-radius:.5em;"
            + "text-decoration:none}</style>";

    private static StringBuilder head(String lang, String title) {
        return head(lang, title, null);
    }

    /** The document up to {@code <body>}; with {@code refresh} (a meta refresh's content), a page that moves on. */
    private static StringBuilder head(String lang, String title, String refresh) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"").append(lang)
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        if (refresh != null) {
            sb.append("<meta http-equiv=\"refresh\" content=\"").append(esc(refresh)).append("\">");
        }
        return sb.append("<title>").append(esc(title)).append("</title>").append(STYLE).append("</head><body>");
    }

    /** The authorize URL again, with a provider and a language chosen. */
    private static String link(AuthorizationRequest r, String idp, String locale) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", r.clientId())
                .queryParam("redirect_uri", r.redirectUri())
                .queryParam("code_challenge", r.codeChallenge()).queryParam("code_challenge_method", "S256")
                .queryParam("ui_locales", locale);
        if (!r.scopes().isEmpty()) {
            b.queryParam("scope", String.join(" ", r.scopes()));
        }
        add(b, "state", r.state());
        add(b, "nonce", r.nonce());
        add(b, "acr_values", r.acr());
        add(b, "login_hint", r.loginHint());
        add(b, "idp_hint", idp);
        if (r.maxAge() != null) {
            b.queryParam("max_age", r.maxAge());
        }
        if (!r.prompt().isEmpty()) {
            b.queryParam("prompt", String.join(" ", r.prompt()));
        }
        // build first, then encode: braces in a state or nonce are data, never URI template variables
        return b.build().encode().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

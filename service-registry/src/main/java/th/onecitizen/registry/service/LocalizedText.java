package th.onecitizen.registry.service;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Thai and English; both are required so that the app can serve either language.
 *
 * @param th the Thai text
 * @param en the English text
 */
public record LocalizedText(String th, String en) {

    public LocalizedText {
        Objects.requireNonNull(th, "th");
        Objects.requireNonNull(en, "en");
    }

    /** The text in the given language: Thai for {@code th}, English otherwise. */
    public String in(Locale locale) {
        return "th".equals(locale.getLanguage()) ? th : en;
    }
}

package th.onecitizen.registry.catalogue;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text normalisation shared by indexing and querying. Thai is written without spaces between words, so the
 * catalogue never splits Thai into words: it matches substrings, found through a character-bigram index.
 */
final class SearchText {

    private SearchText() {
    }

    /** NFKC, lowercase, zero-width characters removed, whitespace collapsed. */
    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = n.replaceAll("[\\u200b-\\u200d\\u2060\\ufeff]", "");
        return n.replaceAll("\\s+", " ").trim();
    }
}

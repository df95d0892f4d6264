package th.onecitizen.platform.privacy;

/**
 * The checksum of the 13-digit Thai citizen ID (mod 11 over the first 12 digits, weights 13..2), and the masking
 * used wherever text may leave the process (logs, metrics, problem details).
 */
public final class CitizenIds {

    private CitizenIds() {
    }

    /** True when {@code s} is exactly 13 ASCII digits whose last digit is the checksum of the first 12. */
    public static boolean isValid(CharSequence s) {
        if (s == null || s.length() != 13) {
            return false;
        }
        for (int i = 0; i < 13; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checksumHolds(s, 0);
    }

    /** The check digit for the 12 digits starting at {@code from}. */
    public static int checkDigit(CharSequence digits, int from) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(from + i) - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10;
    }

    private static boolean checksumHolds(CharSequence s, int from) {
        return checkDigit(s, from) == s.charAt(from + 12) - '0';
    }

    /**
     * Replaces every checksum-valid citizen ID in {@code text} (13 digits standing alone, or the printed form
     * {@code d-dddd-ddddd-dd-d}) by a mask that keeps only the last digit. Digits glued to a letter or another digit
     * are part of something else (a trace id, a token, a base64 string, a longer number) and are left alone: a
     * hex trace id holds a checksum-valid run of 13 digits about once in two thousand. Returns the same instance
     * when there is nothing to mask, so the common case allocates nothing.
     */
    public static String mask(String text) {
        if (text == null || text.length() < 13) {
            return text;
        }
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        int copied = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = matchId(text, i);
            if (end < 0) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, copied, i).append("*********").append("***").append(text.charAt(end - 1));
            copied = end;
            i = end;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /** If a citizen ID starts at {@code start}, the index after it; otherwise -1. */
    private static int matchId(String text, int start) {
        int n = text.length();
        // plain form: exactly 13 digits
        int j = start;
        while (j < n && isDigit(text.charAt(j))) {
            j++;
        }
        if (j - start == 13 && (j == n || !isWordChar(text.charAt(j))) && checksumHolds(text, start)) {
            return j;
        }
        // printed form: d-dddd-ddddd-dd-d (dashes or spaces)
        int[] groups = {1, 4, 5, 2, 1};
        char[] digits = new char[13];
        int k = start;
        int d = 0;
        for (int g = 0; g < groups.length; g++) {
            if (g > 0) {
                if (k >= n || (text.charAt(k) != '-' && text.charAt(k) != ' ')) {
                    return -1;
                }
                k++;
            }
            for (int x = 0; x < groups[g]; x++) {
                if (k >= n || !isDigit(text.charAt(k))) {
                    return -1;
                }
                digits[d++] = text.charAt(k++);
            }
        }
        if (k < n && isWordChar(text.charAt(k))) {
            return -1;
        }
        return checksumHolds(new String(digits), 0) ? k : -1;
    }

    private static boolean isWordChar(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package th.onecitizen.platform.error;

import java.util.regex.Pattern;

/**
 * The three parts of an error code: its stable snake_case code, its HTTP status and its title. Each module's error
 * enum holds one per constant (see {@link SpecifiedErrorCode}).
 *
 * @param code   the stable snake_case code
 * @param status the HTTP status, 400 to 599
 * @param title  a short English summary that does not change from occurrence to occurrence
 */
public record ErrorSpec(String code, int status, String title) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public ErrorSpec {
        if (code == null || !SNAKE_CASE.matcher(code).matches()) {
            throw new IllegalArgumentException("An error code is snake_case, got: " + code);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An error status is 4xx or 5xx, got: " + status);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("An error code needs a title: " + code);
        }
    }
}

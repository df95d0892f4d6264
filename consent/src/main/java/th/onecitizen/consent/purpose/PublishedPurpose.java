package th.onecitizen.consent.purpose;

/**
 * A purpose with its current notice.
 *
 * @param purpose the purpose
 * @param notice  its current notice version
 */
public record PublishedPurpose(Purpose purpose, Notice notice) {
}

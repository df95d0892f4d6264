package th.onecitizen.consent.accesslog;

import java.time.Instant;

/**
 * Filters on a citizen's access log; null means no filter.
 *
 * @param agencyId only shares to this agency
 * @param category only shares that included this category
 * @param from     only shares at or after this instant
 * @param to       only shares before this instant
 */
public record AccessLogFilter(String agencyId, String category, Instant from, Instant to) {
}

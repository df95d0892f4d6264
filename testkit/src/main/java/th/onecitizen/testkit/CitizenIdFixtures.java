package th.onecitizen.testkit;

import java.util.concurrent.ThreadLocalRandom;
import th.onecitizen.platform.privacy.CitizenIds;

/** Fictitious, checksum-valid citizen IDs for tests. */
public final class CitizenIdFixtures {

    private CitizenIdFixtures() {
    }

    /** A random checksum-valid citizen ID (first digit 1-8, as issued). */
    public static String random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(13);
        sb.append(1 + r.nextInt(8));
        for (int i = 0; i < 11; i++) {
            sb.append(r.nextInt(10));
        }
        sb.append(CitizenIds.checkDigit(sb, 0));
        return sb.toString();
    }

    /** The same ID with a wrong check digit. */
    public static String withBadChecksum(String valid) {
        int last = valid.charAt(12) - '0';
        return valid.substring(0, 12) + ((last + 1) % 10);
    }
}

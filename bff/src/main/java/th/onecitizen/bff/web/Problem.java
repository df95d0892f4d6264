package th.onecitizen.bff.web;

import java.util.Map;

/**
 * An RFC 9457 problem ready to be written: the status, the stable code, the title, the detail, extension members
 * and the headers that go with it.
 */
record Problem(int status, String code, String title, String detail, Map<String, Object> properties,
        Map<String, String> headers) {
}

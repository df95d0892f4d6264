package th.onecitizen.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CitizenIdMaskingEncoderTests {

    private final LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();

    private CitizenIdMaskingEncoder encoder(String pattern) {
        PatternLayoutEncoder inner = new PatternLayoutEncoder();
        inner.setContext(context);
        inner.setPattern(pattern);
        CitizenIdMaskingEncoder encoder = new CitizenIdMaskingEncoder();
        encoder.setContext(context);
        encoder.setDelegate(inner);
        encoder.start();
        return encoder;
    }

    private LoggingEvent event(String message, Object... args) {
        return new LoggingEvent("test", context.getLogger("test"), Level.INFO, message, null, args);
    }

    @Test
    void S_PV_01_encodeWhenMessageArgumentHoldsIdThenMasked() {
        byte[] out = encoder("%msg%n").encode(event("citizen {} logged in", "1101700230708"));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("citizen ************8 logged in\n");
    }

    @Test
    void S_PV_01_encodeWhenMdcHoldsIdThenMasked() {
        MDC.put("who", "1101700230708");
        try {
            byte[] out = encoder("%X{who} %msg").encode(event("hello"));
            assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("************8 hello");
        } finally {
            MDC.remove("who");
        }
    }

    @Test
    void S_PV_01_encodeWhenExceptionMessageHoldsIdThenMasked() {
        LoggingEvent e = new LoggingEvent("test", context.getLogger("test"), Level.ERROR, "failed",
                new IllegalStateException("bad id 1101700230708"), null);
        String out = new String(encoder("%msg %ex{short}").encode(e), StandardCharsets.UTF_8);
        assertThat(out).contains("bad id ************8").doesNotContain("1101700230708");
    }

    @Test
    void encodeWhenNothingToMaskThenBytesUnchanged() {
        byte[] out = encoder("%msg").encode(event("nothing here 12345"));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("nothing here 12345");
    }
}

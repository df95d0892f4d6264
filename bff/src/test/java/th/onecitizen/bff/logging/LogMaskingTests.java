package th.onecitizen.bff.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import th.onecitizen.bff.support.ApplicationTest;
import th.onecitizen.testkit.LogsCitizenIdOnPurpose;

/** Through the application's real logging configuration, a citizen ID never reaches the output. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTests {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingTests.class);

    @Test
    @LogsCitizenIdOnPurpose
    void S_PV_01_logLineWhenMessageMdcAndExceptionCarryAnIdThenOutputIsMasked(CapturedOutput output) {
        MDC.put("subject", "3100600123452");
        try {
            log.warn("lookup of {} failed", "1101700230708",
                    new IllegalStateException("upstream said 1-1017-00230-70-8 is unknown"));
        } finally {
            MDC.remove("subject");
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains("lookup of"));
        assertThat(output.getOut()).contains("lookup of ************8 failed")
                .doesNotContain("1101700230708").doesNotContain("1-1017-00230-70-8");
    }
}

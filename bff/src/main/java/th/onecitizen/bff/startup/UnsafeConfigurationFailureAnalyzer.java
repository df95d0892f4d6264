package th.onecitizen.bff.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into a short, clear message instead of a stack trace. */
public final class UnsafeConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfigurationException cause) {
        return new FailureAnalysis("OneCitizen refused to start:\n  - " + String.join("\n  - ", cause.problems()),
                "Set the missing settings (see README.md, Configuration), or run with --spring.profiles.active=demo "
                        + "to try the system with mock providers.", cause);
    }
}

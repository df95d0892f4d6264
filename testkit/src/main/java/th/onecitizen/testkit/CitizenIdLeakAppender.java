package th.onecitizen.testkit;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import th.onecitizen.platform.privacy.CitizenIds;

/**
 * Records every log event whose message, arguments, MDC or exception text carries a checksum-valid citizen ID
 * before any masking (S-PV-01). The production encoder masks such IDs anyway; this guard catches the code that
 * tried to log one, so that the masking is a second line of defence and not the only one.
 */
public final class CitizenIdLeakAppender extends AppenderBase<ILoggingEvent> {

    static final String NAME = "citizen-id-leak-guard";

    private final List<String> leaks = new ArrayList<>();

    public CitizenIdLeakAppender() {
        setName(NAME);
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
            text.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        String raw = text.toString();
        if (!raw.equals(CitizenIds.mask(raw))) {
            leaks.add(event.getLoggerName() + ": " + CitizenIds.mask(raw));
        }
    }

    /** The leaks recorded since the last call, masked, and clears them. */
    public synchronized List<String> drain() {
        List<String> copy = List.copyOf(leaks);
        leaks.clear();
        return copy;
    }
}

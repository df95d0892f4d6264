package th.onecitizen.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import th.onecitizen.platform.privacy.CitizenIds;

/**
 * Wraps any Logback encoder (the readable pattern in demo, Boot's structured JSON in production) and masks every
 * checksum-valid citizen ID in the encoded line: message, MDC, arguments and stack traces alike, because it works
 * on the final text rather than on one field.
 */
public final class CitizenIdMaskingEncoder extends EncoderBase<ILoggingEvent> {

    private Encoder<ILoggingEvent> delegate;

    /** The encoder whose output is masked; set by Logback's configurator from the nested element. */
    public void setDelegate(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void start() {
        if (delegate == null) {
            addError("CitizenIdMaskingEncoder needs a <delegate> encoder");
            return;
        }
        if (!delegate.isStarted()) {
            delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] raw = delegate.encode(event);
        if (raw == null || raw.length < 13) {
            return raw;
        }
        String line = new String(raw, StandardCharsets.UTF_8);
        String masked = CitizenIds.mask(line);
        return masked == line ? raw : masked.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}

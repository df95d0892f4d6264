package th.onecitizen.consent.processor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A processor acting for the controller (s40, R40.1), as the register records it.
 *
 * @param id                the register's id
 * @param name              the name purposes list in their {@code processors}
 * @param nameTh            the Thai name, if any
 * @param nameEn            the English name, if any
 * @param contractRef       the processing contract's reference (the data processing agreement)
 * @param contractDate      the contract's date
 * @param instructions      the scope of the controller's instructions (s40(1))
 * @param securityMeasures  the processor's security measures (s40(2))
 * @param breachReportHours within how many hours of becoming aware the processor reports a breach to the
 *                          controller ("promptly", s40(2))
 * @param purposes          the purposes it processes for: its own processing record (s40(3))
 * @param registeredBy      the operator who registered it
 * @param registeredAt      when
 */
public record Processor(UUID id, String name, String nameTh, String nameEn, String contractRef,
        LocalDate contractDate, String instructions, String securityMeasures, int breachReportHours,
        List<String> purposes, String registeredBy, Instant registeredAt) {

    public Processor {
        purposes = List.copyOf(purposes);
    }
}

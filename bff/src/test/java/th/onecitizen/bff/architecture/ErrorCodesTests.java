package th.onecitizen.bff.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import th.onecitizen.bff.security.IdentityError;
import th.onecitizen.connectors.ConnectorError;
import th.onecitizen.consent.ConsentError;
import th.onecitizen.platform.error.CommonError;
import th.onecitizen.platform.error.ErrorCode;
import th.onecitizen.registry.RegistryError;

/**
 * Every module's error codes are valid (checked by ErrorSpec as each enum loads), and a code that two modules share
 * (a standard one, such as RFC 9470's {@code insufficient_user_authentication}) means the same status in both, so a
 * client can switch on the code alone.
 */
class ErrorCodesTests {

    @Test
    void errorCodesWhenAllModulesLoadedThenSnakeCaseAndOneStatusPerCode() {
        List<ErrorCode> all = new ArrayList<>();
        Stream.of(CommonError.values(), IdentityError.values(), RegistryError.values(), ConsentError.values(),
                ConnectorError.values()).forEach(values -> all.addAll(List.of(values)));
        assertThat(all).hasSizeGreaterThan(40)
                .allSatisfy(e -> {
                    assertThat(e.code()).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*");
                    assertThat(e.status()).isBetween(400, 599);
                    assertThat(e.title()).isNotBlank();
                });
        Map<String, Set<Integer>> statusesByCode = all.stream().collect(Collectors.groupingBy(ErrorCode::code,
                Collectors.mapping(ErrorCode::status, Collectors.toSet())));
        assertThat(statusesByCode).allSatisfy((code, statuses) -> assertThat(statuses).as(code).hasSize(1));
    }
}

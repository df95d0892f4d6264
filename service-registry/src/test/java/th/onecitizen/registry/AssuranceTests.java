package th.onecitizen.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import th.onecitizen.registry.service.Assurance;

class AssuranceTests {

    @Test
    void acrWhenRenderedThenIdentityUrnFormWithDecimalAal() {
        assertThat(new Assurance("2.3", "2.2").acr()).isEqualTo("urn:th:ial:2.3:aal:2.2");
        assertThat(new Assurance("1.1", "1").acr()).isEqualTo("urn:th:ial:1.1:aal:1");
        assertThat(new Assurance("3", "3").acr()).isEqualTo("urn:th:ial:3:aal:3");
    }

    @Test
    void fromAcrWhenIdentityFormThenParsedAndRoundTrips() {
        assertThat(Assurance.fromAcr("urn:th:ial:2.3:aal:2.2")).contains(new Assurance("2.3", "2.2"));
        assertThat(Assurance.fromAcr("urn:th:ial:1.2:aal:1")).contains(new Assurance("1.2", "1"));
        for (String ial : Assurance.IAL_LEVELS) {
            for (String aal : Assurance.AAL_LEVELS) {
                Assurance a = new Assurance(ial, aal);
                assertThat(Assurance.fromAcr(a.acr())).contains(a);
            }
        }
    }

    @Test
    void fromAcrWhenOtherFormsOrOffScaleThenEmpty() {
        assertThat(Assurance.fromAcr("ial2.3-aal2")).isEmpty();
        assertThat(Assurance.fromAcr("urn:th:ial:2.3:aal:2")).isEmpty();
        assertThat(Assurance.fromAcr("urn:th:ial:2.4:aal:1")).isEmpty();
        assertThat(Assurance.fromAcr("urn:th:ial:2.3")).isEmpty();
        assertThat(Assurance.fromAcr("xurn:th:ial:2.3:aal:2.2")).isEmpty();
        assertThat(Assurance.fromAcr(null)).isEmpty();
    }

    @Test
    void constructorWhenOffScaleThenRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Assurance("2.3", "2"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Assurance("4", "1"));
    }

    @Test
    void satisfiedWhenBothPartsAtLeastRequiredThenTrue() {
        Assurance need = new Assurance("2.1", "2.1");
        assertThat(need.isSatisfiedBy(new Assurance("2.3", "2.2"))).isTrue();
        assertThat(need.isSatisfiedBy(new Assurance("2.1", "2.1"))).isTrue();
        assertThat(need.isSatisfiedBy(new Assurance("3", "1"))).isFalse();
        assertThat(need.isSatisfiedBy(new Assurance("1.3", "3"))).isFalse();
    }
}

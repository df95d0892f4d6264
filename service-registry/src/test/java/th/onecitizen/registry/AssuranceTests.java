package th.onecitizen.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import th.onecitizen.registry.service.Assurance;

class AssuranceTests {

    @Test
    void fromAcrWhenCommonFormsThenParsed() {
        assertThat(Assurance.fromAcr("ial2.3-aal2")).contains(new Assurance("2.3", 2));
        assertThat(Assurance.fromAcr("urn:onecitizen:acr:ial:3:aal:3")).contains(new Assurance("3", 3));
        assertThat(Assurance.fromAcr("IAL1.2_AAL1")).contains(new Assurance("1.2", 1));
        assertThat(Assurance.fromAcr("loa-high")).isEmpty();
    }

    @Test
    void satisfiedWhenBothPartsAtLeastRequiredThenTrue() {
        Assurance need = new Assurance("2.1", 2);
        assertThat(need.isSatisfiedBy(new Assurance("2.3", 2))).isTrue();
        assertThat(need.isSatisfiedBy(new Assurance("3", 1))).isFalse();
        assertThat(need.isSatisfiedBy(new Assurance("1.3", 3))).isFalse();
    }
}

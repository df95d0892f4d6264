package th.onecitizen.identity.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssuranceTests {

    @Test
    void fromAcrWhenWellFormedThenParsedAndOrdered() {
        Assurance high = Assurance.fromAcr("urn:th:ial:2.3:aal:2.2").orElseThrow();
        Assurance ialOnly = Assurance.fromAcr("urn:th:ial:2.3").orElseThrow();
        assertThat(high.satisfies(ialOnly)).isTrue();
        assertThat(ialOnly.satisfies(high)).isFalse();
        assertThat(Assurance.fromAcr("urn:th:ial:9:aal:1")).isEmpty();
        assertThat(Assurance.fromAcr("urn:other")).isEmpty();
        assertThat(high.acr()).isEqualTo("urn:th:ial:2.3:aal:2.2");
    }

    @Test
    void normaliseWhenProvidersWriteLevelsDifferentlyThenTheScaleValueIsUsed() {
        assertThat(Assurance.normaliseIal("2.3")).contains("2.3");
        assertThat(Assurance.normaliseIal(2.3)).contains("2.3");
        assertThat(Assurance.normaliseIal("3.0")).contains("3");
        assertThat(Assurance.normaliseIal("4")).isEmpty();
        assertThat(Assurance.normaliseAal(2.2)).contains("2.2");
        assertThat(new Assurance("3", "1").min(new Assurance("2.1", "3"))).isEqualTo(new Assurance("2.1", "1"));
    }
}

package th.onecitizen.registry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import th.onecitizen.registry.TestServices;

class JsonShapeTests {

    private static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"plate\"],\"additionalProperties\":false,"
            + "\"properties\":{\"plate\":{\"type\":\"string\",\"maxLength\":10},"
            + "\"years\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}}}";

    @Test
    void schemaWhenWellFormedThenNoProblems() {
        assertThat(JsonShape.schemaProblems(TestServices.schema(SCHEMA))).isEmpty();
    }

    @Test
    void schemaWhenMalformedThenEachProblemNamed() {
        assertThat(JsonShape.schemaProblems(TestServices.schema(
                "{\"type\":\"thing\",\"$ref\":\"http://evil\"}"))).hasSize(2);
        assertThat(JsonShape.schemaProblems(TestServices.schema("[1,2]"))).isNotEmpty();
        assertThat(JsonShape.schemaProblems(TestServices.schema(
                "{\"type\":\"string\",\"items\":{\"type\":\"string\"}}"))).isNotEmpty();
    }

    @Test
    void valueWhenConformingThenNoViolations() {
        assertThat(JsonShape.violations(TestServices.schema(SCHEMA),
                TestServices.schema("{\"plate\":\"กข 1234\",\"years\":[2567]}"))).isEmpty();
    }

    @Test
    void valueWhenBrokenThenViolationsNamePaths() {
        assertThat(JsonShape.violations(TestServices.schema(SCHEMA),
                TestServices.schema("{\"years\":[\"x\"],\"extra\":1}")))
                .contains("$.plate: is required", "$.years[0]: expected integer", "$.extra: is not allowed");
    }
}

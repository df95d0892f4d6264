package th.onecitizen.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitizenIdsTests {

    // 1-1012-00000-00-? : weights 13..2 over 110120000000 give sum 13+10+1*10... computed by checkDigit below
    private static final String VALID = withCheckDigit("110120000000");

    private static String withCheckDigit(String twelve) {
        return twelve + CitizenIds.checkDigit(twelve, 0);
    }

    @Test
    void isValidWhenChecksumHoldsThenTrue() {
        assertThat(CitizenIds.isValid("1101700230708")).isTrue();
        assertThat(CitizenIds.isValid(VALID)).isTrue();
    }

    @Test
    void isValidWhenChecksumWrongOrShapeWrongThenFalse() {
        assertThat(CitizenIds.isValid("1101700230704")).isFalse();
        assertThat(CitizenIds.isValid("110170023070")).isFalse();
        assertThat(CitizenIds.isValid("11017002307081")).isFalse();
        assertThat(CitizenIds.isValid("110170023070a")).isFalse();
        assertThat(CitizenIds.isValid(null)).isFalse();
    }

    @Test
    void checkDigitWhenSumIsMultipleOfElevenThenZeroOrOneAsTheRuleSays() {
        // the rule is (11 - sum mod 11) mod 10: sum mod 11 == 0 gives 1, == 1 gives 0
        for (int i = 0; i < 200; i++) {
            String twelve = String.format("%012d", 100000000000L + i * 7919L);
            int sum = 0;
            for (int k = 0; k < 12; k++) {
                sum += (twelve.charAt(k) - '0') * (13 - k);
            }
            assertThat(CitizenIds.checkDigit(twelve, 0)).isEqualTo((11 - sum % 11) % 10);
        }
    }

    @Test
    void S_PV_01_maskWhenTextHoldsCitizenIdThenOnlyLastDigitRemains() {
        String masked = CitizenIds.mask("login for 1101700230708 failed");
        assertThat(masked).isEqualTo("login for ************8 failed").doesNotContain("1101700230708");
    }

    @Test
    void S_PV_01_maskWhenPrintedWithDashesOrSpacesThenMasked() {
        assertThat(CitizenIds.mask("id 1-1017-00230-70-8.")).isEqualTo("id ************8.");
        assertThat(CitizenIds.mask("id 1 1017 00230 70 8")).isEqualTo("id ************8");
    }

    @Test
    void S_PV_01_maskWhenIdSitsInJsonOrQueryThenMasked() {
        assertThat(CitizenIds.mask("{\"pid\":\"1101700230708\"}")).isEqualTo("{\"pid\":\"************8\"}");
        assertThat(CitizenIds.mask("GET /x?login_hint=1101700230708&a=1"))
                .isEqualTo("GET /x?login_hint=************8&a=1");
    }

    @Test
    void maskWhenDigitsAreNotACitizenIdThenUnchangedAndSameInstance() {
        String text = "order 1101700230704 and epoch 17641123456789012 and 123";
        assertThat(CitizenIds.mask(text)).isSameAs(text);
    }

    @Test
    void maskWhenIdIsPartOfALongerDigitRunThenUnchanged() {
        assertThat(CitizenIds.mask("x11017002307085")).isEqualTo("x11017002307085");
        assertThat(CitizenIds.mask("91101700230708")).isEqualTo("91101700230708");
    }

    @Test
    void maskWhenSeveralIdsThenAllMasked() {
        String text = "a=1101700230708 b=" + VALID + " c";
        assertThat(CitizenIds.mask(text)).isEqualTo("a=************8 b=************" + VALID.charAt(12) + " c");
    }
}

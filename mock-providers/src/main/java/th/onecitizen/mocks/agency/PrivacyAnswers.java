package th.onecitizen.mocks.agency;

import java.util.Map;

/**
 * What each sample agency answers at its privacy endpoints: the data it holds about a citizen (categories, records,
 * the source of each and whether it was obtained without the citizen's consent, its retention), as a real agency
 * would for PDPA s30. Shared by all five; the contract is in docs/agency-onboarding.md.
 */
public final class PrivacyAnswers {

    /** The access endpoint. */
    public static final String ACCESS_PATH = "/privacy/v1/access";
    /** The correction endpoint. */
    public static final String CORRECTION_PATH = "/privacy/v1/corrections";
    /** The endpoint that receives a citizen's export from another controller. */
    public static final String PORTABILITY_PATH = "/privacy/v1/portability";

    private static final Map<String, String> ACCESS = Map.of(
            "dopa", "{\"status\":\"data\",\"holder\":{\"th\":\"กรมการปกครอง\",\"en\":\"Department of Provincial "
                    + "Administration\"},\"categories\":[\"identity\",\"household\",\"address\"],\"records\":{"
                    + "\"household\":{\"house_no\":\"99/1\",\"moo\":\"4\",\"subdistrict\":\"บางกระสอ\",\"district\":"
                    + "\"เมืองนนทบุรี\",\"province\":\"นนทบุรี\",\"postcode\":\"11000\",\"registered_since\":"
                    + "\"2015-06-01\"}},\"sources\":[{\"categories\":[\"identity\",\"household\"],\"source\":"
                    + "\"Civil registration at the district office (birth and move-in notifications)\","
                    + "\"obtained_without_consent\":true,\"lawful_basis\":\"legal_obligation\",\"legal_ref\":"
                    + "\"Civil Registration Act B.E. 2534\"}],\"retention\":\"permanent (civil registration)\"}",
            "rd", "{\"status\":\"data\",\"holder\":{\"th\":\"กรมสรรพากร\",\"en\":\"Revenue Department\"},"
                    + "\"categories\":[\"tax\",\"income\"],\"records\":{\"filings\":[{\"tax_year\":2567,\"form\":"
                    + "\"ภ.ง.ด.90\",\"assessed_income_thb\":612000,\"refund_thb\":4820.5}]},\"sources\":[{"
                    + "\"categories\":[\"income\"],\"source\":\"Withholding-tax reports filed by the employer "
                    + "(ภ.ง.ด.1)\",\"obtained_without_consent\":true,\"lawful_basis\":\"legal_obligation\","
                    + "\"legal_ref\":\"Revenue Code s58\"},{\"categories\":[\"tax\"],\"source\":\"The citizen's own "
                    + "e-filing\",\"obtained_without_consent\":false}],\"retention\":\"10 years after assessment\"}",
            "sso", "{\"status\":\"data\",\"holder\":{\"th\":\"สำนักงานประกันสังคม\",\"en\":\"Social Security "
                    + "Office\"},\"categories\":[\"social_security\",\"employment\"],\"records\":{\"insured_section\":"
                    + "\"33\",\"contribution_months\":86,\"employers\":[{\"name\":\"บริษัท ตัวอย่าง จำกัด\",\"since\":"
                    + "\"2018-02-01\"}]},\"sources\":[{\"categories\":[\"employment\"],\"source\":\"Monthly "
                    + "contribution reports of the employer (สปส.1-10)\",\"obtained_without_consent\":true,"
                    + "\"lawful_basis\":\"legal_obligation\",\"legal_ref\":\"Social Security Act B.E. 2533 s34\"}],"
                    + "\"retention\":\"for the life of the insured person plus 10 years\"}",
            "moph", "{\"status\":\"data\",\"holder\":{\"th\":\"กระทรวงสาธารณสุข\",\"en\":\"Ministry of Public "
                    + "Health\"},\"categories\":[\"vaccination\",\"health\"],\"records\":{\"vaccinations\":[{"
                    + "\"vaccine\":\"COVID-19 (Pfizer-BioNTech)\",\"dose\":3,\"date\":\"2022-01-15\",\"place\":"
                    + "\"โรงพยาบาลราชวิถี\"}]},\"sources\":[{\"categories\":[\"vaccination\"],\"source\":\"Hospitals "
                    + "reporting administered doses (MOPH Immunization Center)\",\"obtained_without_consent\":true,"
                    + "\"lawful_basis\":\"public_task\",\"legal_ref\":\"Communicable Diseases Act B.E. 2558\"}],"
                    + "\"retention\":\"20 years\"}",
            "dlt", "{\"status\":\"data\",\"holder\":{\"th\":\"กรมการขนส่งทางบก\",\"en\":\"Department of Land "
                    + "Transport\"},\"categories\":[\"vehicle\",\"driving_licence\"],\"records\":{\"vehicles\":[{"
                    + "\"plate\":\"1กข 1234\",\"province\":\"กรุงเทพมหานคร\"}],\"driving_licence\":{\"type\":"
                    + "\"รถยนต์ส่วนบุคคล\",\"expiry\":\"2027-03-14\"}},\"sources\":[{\"categories\":[\"vehicle\"],"
                    + "\"source\":\"Dealer registration of a new vehicle\",\"obtained_without_consent\":true,"
                    + "\"lawful_basis\":\"legal_obligation\",\"legal_ref\":\"Motor Vehicle Act B.E. 2522\"}],"
                    + "\"retention\":\"10 years after the vehicle is deregistered\"}");

    private PrivacyAnswers() {
    }

    /** What {@code agencyId} holds about a citizen. */
    public static String access(String agencyId) {
        return ACCESS.getOrDefault(agencyId, "{\"status\":\"no_data\"}");
    }

    /** The answer when the agency holds nothing about the citizen. */
    public static String noData() {
        return "{\"status\":\"no_data\"}";
    }

    /** The acknowledgement of a correction or a received export; the reference echoes OneCitizen's request id. */
    public static String accepted(String agencyId, String kind) {
        return "{\"status\":\"accepted\",\"reference\":\"" + agencyId.toUpperCase(java.util.Locale.ROOT) + "-" + kind
                + "-{{jsonPath request.body '$.request_id'}}\"}";
    }
}

package th.onecitizen.mocks.agency;

import java.util.List;

/**
 * What one sample agency serves: its id, the path of its citizen summary and a realistic answer.
 *
 * @param id       the agency id, as the citizen assertion's audience names it
 * @param nameTh   Thai name
 * @param nameEn   English name
 * @param path     the summary path
 * @param apiKey   the API key it expects in {@code X-API-Key}, or null when it uses OAuth 2.0 client credentials
 * @param body     the JSON answer
 */
public record AgencyProfile(String id, String nameTh, String nameEn, String path, String apiKey, String body) {

    /** Client credentials the OAuth-protected sample (the Revenue Department) accepts at {@code /oauth/token}. */
    public static final String OAUTH_CLIENT_ID = "onecitizen";
    /** The matching secret; sandbox only. */
    public static final String OAUTH_CLIENT_SECRET = "rd-sandbox-secret-DEMO-ONLY";
    /** The access token the OAuth-protected sample issues and expects. */
    public static final String OAUTH_ACCESS_TOKEN = "rd-sandbox-access-token";

    /** The five sample agencies. */
    public static List<AgencyProfile> samples() {
        return List.of(
                new AgencyProfile("dopa", "กรมการปกครอง", "Department of Provincial Administration",
                        "/civil-registration/v1/household", "dopa-sandbox-key-DEMO-ONLY",
                        "{\"household\":{\"house_no\":\"99/1\",\"moo\":\"4\",\"subdistrict\":\"บางกระสอ\","
                        + "\"district\":\"เมืองนนทบุรี\",\"province\":\"นนทบุรี\",\"postcode\":\"11000\","
                        + "\"members\":4,\"head_of_household\":false},\"registered_since\":\"2015-06-01\"}"),
                new AgencyProfile("rd", "กรมสรรพากร", "Revenue Department", "/e-filing/v1/refund-status", null,
                        "{\"tax_year\":2567,\"filing_status\":\"filed\",\"refund\":{\"status\":\"approved\","
                        + "\"amount_thb\":4820.5,\"expected_date\":\"2025-05-20\",\"bank\":\"พร้อมเพย์\"}}"),
                new AgencyProfile("sso", "สำนักงานประกันสังคม", "Social Security Office", "/insured/v1/summary",
                        "sso-sandbox-key-DEMO-ONLY",
                        "{\"insured_section\":\"33\",\"contribution_months\":86,\"employer\":\"บริษัท ตัวอย่าง จำกัด\","
                        + "\"benefits\":{\"hospital\":\"โรงพยาบาลศิริราช\",\"unemployment_eligible\":true,"
                        + "\"old_age_pension_months\":86}}"),
                new AgencyProfile("moph", "กระทรวงสาธารณสุข", "Ministry of Public Health",
                        "/immunization/v1/records", "moph-sandbox-key-DEMO-ONLY",
                        "{\"vaccinations\":[{\"vaccine\":\"COVID-19 (Pfizer-BioNTech)\",\"dose\":3,"
                        + "\"date\":\"2022-01-15\",\"place\":\"โรงพยาบาลราชวิถี\"},{\"vaccine\":\"ไข้หวัดใหญ่ (Influenza)\","
                        + "\"dose\":1,\"date\":\"2024-06-02\",\"place\":\"โรงพยาบาลพระนั่งเกล้า\"}]}"),
                new AgencyProfile("dlt", "กรมการขนส่งทางบก", "Department of Land Transport", "/vehicles/v1/owned",
                        "dlt-sandbox-key-DEMO-ONLY",
                        "{\"vehicles\":[{\"plate\":\"1กข 1234\",\"province\":\"กรุงเทพมหานคร\","
                        + "\"type\":\"รถยนต์นั่งส่วนบุคคลไม่เกิน 7 คน\",\"brand\":\"Toyota\",\"model\":\"Yaris Ativ\","
                        + "\"tax_expiry\":\"2025-09-30\"}],\"driving_licence\":{\"type\":\"รถยนต์ส่วนบุคคล\","
                        + "\"expiry\":\"2027-03-14\"}}"));
    }
}

package th.onecitizen.bff.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import th.onecitizen.consent.purpose.PurposeDraft;
import th.onecitizen.registry.service.Agency;

/**
 * The consent purposes behind the demo's services: one per agency and registry purpose
 * ({@code <agency>.<purpose>}, see {@code RegistryConsentPurposes}), covering the categories the registry lets that
 * purpose move, with a notice in Thai and English. A purpose on {@code public_task} names the Digital Government
 * Act as its legal reference; health and justice data rest on the citizen's explicit consent.
 */
final class DemoConsentPurposes {

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("civil_registration", new String[] {"งานทะเบียนราษฎร", "civil registration"}),
            Map.entry("tax_administration", new String[] {"การบริหารจัดเก็บภาษี", "tax administration"}),
            Map.entry("social_security", new String[] {"สิทธิประกันสังคม", "social security benefits"}),
            Map.entry("health_records", new String[] {"ข้อมูลสุขภาพและการรักษา", "health records and care"}),
            Map.entry("vehicle_registration", new String[] {"งานทะเบียนรถและใบอนุญาตขับรถ",
                "vehicle registration and driving licences"}),
            Map.entry("land_administration", new String[] {"งานทะเบียนที่ดิน", "land administration"}),
            Map.entry("welfare_benefits", new String[] {"สวัสดิการของรัฐ", "state welfare benefits"}),
            Map.entry("business_registration", new String[] {"การจดทะเบียนธุรกิจ", "business registration"}),
            Map.entry("education_records", new String[] {"ข้อมูลการศึกษา", "education records"}),
            Map.entry("travel_documents", new String[] {"เอกสารการเดินทาง", "travel documents"}),
            Map.entry("pension_benefits", new String[] {"บำเหน็จบำนาญ", "pension benefits"}),
            Map.entry("agriculture_support", new String[] {"การส่งเสริมเกษตรกร", "support for farmers"}),
            Map.entry("justice_services", new String[] {"กระบวนการยุติธรรม", "justice services"}),
            Map.entry("utility_services", new String[] {"บริการสาธารณูปโภค", "utility services"}),
            Map.entry("employment_services", new String[] {"บริการจัดหางาน", "employment services"}));

    private DemoConsentPurposes() {
    }

    /** The notice and rules of the consent purpose for {@code agency}'s registry purpose. */
    static PurposeDraft draft(Agency agency, String registryPurpose, String basis, Set<String> categories,
            List<String> operations) {
        String[] label = LABELS.getOrDefault(registryPurpose, new String[] {registryPurpose, registryPurpose});
        boolean consent = "consent".equals(basis);
        String th = agency.name().th();
        String en = agency.name().en();
        return new PurposeDraft(agency.id(), operations, basis,
                consent ? null : "พระราชบัญญัติการบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. 2562 มาตรา 12 "
                        + "(Digital Government Administration Act B.E. 2562, s12)",
                consent ? null : "OneCitizen DPO (demo)", null, categories,
                List.of("หน่วยงานรัฐ: " + en), consent ? 365 : 3650, "none", null, false,
                consent ? "none" : "law", List.of("OneCitizen platform (Digital Government Development Agency)"),
                "TLS 1.3, signed per-call citizen assertions with pairwise subjects, consent permits, access log",
                "การส่งข้อมูลให้" + th + " เพื่อ" + label[0],
                "Sharing your data with the " + en + " for " + label[1],
                "OneCitizen จะส่งข้อมูล " + String.join(", ", categories.stream().sorted().toList()) + " ของคุณให้" + th
                        + " เฉพาะเมื่อคุณใช้บริการด้าน" + label[0] + " ผ่านแอป และบันทึกทุกการส่งไว้ในประวัติการใช้ข้อมูลของคุณ",
                "OneCitizen sends your " + String.join(", ", categories.stream().sorted().toList()) + " to the " + en
                        + " only when you use its " + label[1] + " services in the app, and records every share in"
                        + " your access log.",
                consent ? "หากไม่ให้หรือถอนความยินยอม คุณจะใช้บริการนี้ผ่านแอปไม่ได้ แต่ยังติดต่อหน่วยงานได้โดยตรง"
                        : "ข้อมูลนี้จำเป็นตามกฎหมายเพื่อให้บริการ หากไม่ประสงค์ให้ส่ง โปรดติดต่อหน่วยงานโดยตรง",
                consent ? "Without your consent, or after you withdraw it, you cannot use this service in the app;"
                        + " you can still contact the agency directly."
                        : "The law requires this data to provide the service; if you object, contact the agency"
                                + " directly.",
                false);
    }
}

package th.onecitizen.mocks.idp;

import java.time.LocalDate;
import java.util.List;

/**
 * Fictitious citizens: any checksum-valid citizen ID gets a deterministic made-up profile. The checksum is written
 * here again (not imported) so that a bug in OneCitizen's copy cannot hide behind the mock.
 */
public final class ThaiCitizens {

    private static final List<String> GIVEN_TH = List.of("สมชาย", "สมหญิง", "มานะ", "มานี", "ปิติ", "ชูใจ", "วีระ",
            "สุดา");
    private static final List<String> GIVEN_EN = List.of("Somchai", "Somying", "Mana", "Manee", "Piti", "Chujai",
            "Weera", "Suda");
    private static final List<String> FAMILY_TH = List.of("ใจดี", "รักไทย", "มั่นคง", "ศรีสุข", "สายทอง", "แก้วกล้า");
    private static final List<String> FAMILY_EN = List.of("Jaidee", "Rakthai", "Mankhong", "Srisuk", "Saithong",
            "Kaewkla");

    private ThaiCitizens() {
    }

    /** A fictitious person. */
    public record Person(String cid, String titleTh, String titleEn, String givenTh, String familyTh, String givenEn,
            String familyEn, LocalDate birthDate, String gender) {

        public String fullNameTh() {
            return titleTh + givenTh + " " + familyTh;
        }

        public String fullNameEn() {
            return titleEn + " " + givenEn + " " + familyEn;
        }
    }

    /** True for 13 digits whose last is the mod-11 checksum of the first 12 (weights 13..2). */
    public static boolean valid(String cid) {
        if (cid == null || !cid.matches("[0-9]{13}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (cid.charAt(i) - '0') * (13 - i);
        }
        return (11 - sum % 11) % 10 == cid.charAt(12) - '0';
    }

    /** A checksum-valid ID made from a 12-digit prefix. */
    public static String withCheckDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (13 - i);
        }
        return twelve + (11 - sum % 11) % 10;
    }

    /** The same ID with a wrong check digit. */
    public static String corrupt(String cid) {
        return cid.substring(0, 12) + (((cid.charAt(12) - '0') + 1) % 10);
    }

    /** The made-up person behind a checksum-valid ID. */
    public static Person person(String cid) {
        if (!valid(cid)) {
            throw new IllegalArgumentException("not a valid citizen ID");
        }
        long h = Long.parseLong(cid.substring(0, 12)) * 2654435761L;
        int g = (int) Math.floorMod(h, GIVEN_TH.size());
        int f = (int) Math.floorMod(h >>> 8, FAMILY_TH.size());
        boolean female = g % 2 == 1;
        LocalDate birth = LocalDate.of(1950 + (int) Math.floorMod(h >>> 16, 70), 1 + (int) Math.floorMod(h >>> 24, 12),
                1 + (int) Math.floorMod(h >>> 32, 28));
        return new Person(cid, female ? "นางสาว" : "นาย", female ? "Miss" : "Mr.", GIVEN_TH.get(g), FAMILY_TH.get(f),
                GIVEN_EN.get(g), FAMILY_EN.get(f), birth, female ? "female" : "male");
    }

    /** A few fictitious citizens for the picker page. */
    public static List<String> samples() {
        return List.of(withCheckDigit("110170020345"), withCheckDigit("310990012874"),
                withCheckDigit("570120009831"), withCheckDigit("840150004412"));
    }
}

package th.onecitizen.consent.purpose;

/** Whether and how data of a purpose leaves Thailand (PDPA s28-s29). */
public enum CrossBorder {
    /** The data stays in Thailand. */
    NONE("none"),
    /** The destination has an adequate standard (s28). */
    ADEQUATE("adequate"),
    /** PDPC-certified binding corporate rules or appropriate safeguards (s29). */
    SAFEGUARDS("safeguards"),
    /** s28(2): the citizen consented after being told of the inadequate standard. */
    INFORMED_CONSENT("informed_consent"),
    /** No adequacy, safeguard or exception: any transfer is denied. */
    INADEQUATE("inadequate");

    private final String code;

    CrossBorder(String code) {
        this.code = code;
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    /** The value for a code, or an exception. */
    public static CrossBorder ofCode(String code) {
        for (CrossBorder c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown cross-border mode: " + code);
    }
}

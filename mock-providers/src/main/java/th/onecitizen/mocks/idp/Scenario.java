package th.onecitizen.mocks.idp;

/** Behaviours a test can switch a mock provider to. */
public enum Scenario {
    /** The citizen approves and everything is well-formed. */
    NORMAL,
    /** The citizen refuses at the provider. */
    DENIED,
    /** The token (or NDID) endpoint answers only after a long delay. */
    SLOW,
    /** The token (or NDID) endpoint answers 503. */
    DOWN,
    /** The id_token carries another nonce. */
    WRONG_NONCE,
    /** Tokens are signed by a key the provider does not publish (same kid). */
    BAD_SIGNATURE,
    /** Codes have already expired when redeemed. */
    EXPIRED_CODE,
    /** The provider answers with a foreign issuer. */
    WRONG_ISSUER,
    /** The token the provider hands out has already expired. */
    EXPIRED_TOKEN,
    /** ThaiD's discovery document names another issuer. */
    WRONG_DISCOVERY,
    /** MOPH: the access token's scopes_detail lacks the citizen ID (the accounts call has it). */
    MINIMAL_TOKEN,
    /** The citizen ID returned fails its checksum. */
    BAD_CITIZEN_ID,
    /** The provider answers an error code (Pao Tang: code other than "0000"). */
    ERROR_CODE,
    /** NDID: the IdP rejects. */
    NDID_REJECTED,
    /** NDID: the request times out. */
    NDID_TIMED_OUT,
    /** NDID: one IdP accepts, another rejects. */
    NDID_COMPLICATED,
    /** NDID: the IdP accepts below the requested minimum IAL. */
    NDID_LOW_IAL,
    /** NDID: the IdP's answer carries an invalid signature. */
    NDID_INVALID_SIGNATURE
}

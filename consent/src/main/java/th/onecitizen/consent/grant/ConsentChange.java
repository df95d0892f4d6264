package th.onecitizen.consent.grant;

import th.onecitizen.consent.receipt.ConsentReceipt;

/**
 * The result of a grant or withdrawal: the consent's new state and its freshly signed receipt.
 *
 * @param consent the consent
 * @param receipt the receipt for this change
 */
public record ConsentChange(ConsentView consent, ConsentReceipt receipt) {
}

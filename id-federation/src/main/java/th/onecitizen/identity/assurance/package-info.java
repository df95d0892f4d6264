/** Assurance on the Thai scale (ETDA): IAL 1.1..3 and AAL 1..3, carried into {@code acr}. */
package th.onecitizen.identity.assurance;

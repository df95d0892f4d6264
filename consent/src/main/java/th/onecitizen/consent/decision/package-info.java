/**
 * The consent module's decision API: the only part of {@code consent} that {@code connectors} may use. A
 * {@link th.onecitizen.consent.decision.Permit} can be created only inside this package, so no code path can call
 * an agency without a decision.
 */
package th.onecitizen.consent.decision;

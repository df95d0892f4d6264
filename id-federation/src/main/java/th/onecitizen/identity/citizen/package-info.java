/** One citizen identity: citizens created from verified citizen IDs, provider links, and the profile they assert. */
package th.onecitizen.identity.citizen;

/** The app-facing authorization server: requests, codes, grants, refresh-token families, ID tokens, CIBA. */
package th.onecitizen.identity.authorization;

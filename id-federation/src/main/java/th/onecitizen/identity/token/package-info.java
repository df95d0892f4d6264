/** Access tokens (RFC 9068): issuing, verifying, caching verified tokens and revoking them. */
package th.onecitizen.identity.token;

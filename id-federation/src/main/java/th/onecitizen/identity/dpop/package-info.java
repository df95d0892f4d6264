/** DPoP (RFC 9449): verifying proofs of possession at the token endpoint and at the API. */
package th.onecitizen.identity.dpop;

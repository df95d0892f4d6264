/** OneCitizen's own signing keys: ES256 with key ids, rotation, and the public JWK set. */
package th.onecitizen.identity.key;

/** The signed-in citizen's own identity: profile, assurance and linked providers. */
package th.onecitizen.bff.me;

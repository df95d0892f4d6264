/** Client registrations (PostgreSQL) and client authentication at the token endpoint. */
package th.onecitizen.identity.client;

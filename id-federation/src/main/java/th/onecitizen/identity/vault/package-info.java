/**
 * Crypto-shredding (PDPA s33): a data key per subject in a key store apart from the data tables ({@code keyvault}),
 * wrapped by a key-encryption key; destroying the key makes every copy of what it sealed unreadable, backups
 * included.
 */
package th.onecitizen.identity.vault;

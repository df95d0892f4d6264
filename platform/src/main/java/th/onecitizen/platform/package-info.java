/**
 * The shared kernel of OneCitizen: the error model every module throws, the guard that keeps citizen IDs out of
 * logs, and the per-module migration runner. It holds no business rule and imports no other OneCitizen module.
 */
package th.onecitizen.platform;

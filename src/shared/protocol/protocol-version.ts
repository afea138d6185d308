/**
 * The sync protocol's version. Every request carries it in the
 * `x-huiju-protocol` header; a server answers an older client with
 * `protocol_outdated` (HTTP 426) and the app asks the person to update.
 */
export const PROTOCOL_VERSION = 1;
export const MIN_PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'x-huiju-protocol';

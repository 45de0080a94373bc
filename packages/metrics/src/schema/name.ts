/**
 * The schema's name and version, apart from the zod schemas so the browser
 * collector can stamp its events without bundling the envelope's validators.
 */

/** The `schema` name every event carries. */
export const SCHEMA_NAME = 'liveroom.telemetry';

/** The version this SDK writes. Adding a field keeps it; renaming or removing one bumps it (decision 13). */
export const SCHEMA_VERSION = 1;

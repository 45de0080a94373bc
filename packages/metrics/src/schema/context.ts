/**
 * The app-supplied `context` and per-event `attrs` (DESIGN.md decision 14):
 * pseudonymous ids and coarse categories only. Every string is a short token
 * (no spaces, no `@`, at most 64 characters, no run of 9 or more digits), so
 * emails, phone numbers and free text cannot pass, and the record sizes are
 * bounded so one event stays small.
 */
import * as z from 'zod/mini';

/** The longest string `context` and `attrs` accept (decision 14). */
export const MAX_CONTEXT_STRING = 64;
/** How many keys `context.custom` may hold. */
export const MAX_CUSTOM_KEYS = 8;
/** How many keys an event's `attrs` may hold. */
export const MAX_ATTRS_KEYS = 16;

const TOKEN_PATTERN = /^(?!.*\d{9})[A-Za-z0-9_.:/#-]+$/;
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A coarse category or pseudonymous id: a short token that cannot hold an email, a phone number or prose. */
export const coarseStringSchema = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_CONTEXT_STRING, `must be at most ${MAX_CONTEXT_STRING} characters long (decision 14)`),
    z.regex(
      TOKEN_PATTERN,
      'must be a coarse category or pseudonymous id: letters, digits and _.:/#- only, no run of 9+ digits (no personal data, decision 14)',
    ),
  );

const keySchema = z
  .string()
  .check(z.maxLength(32, 'keys must be at most 32 characters long'), z.regex(KEY_PATTERN, 'keys must be identifiers'));

const valueSchema = z.union([coarseStringSchema, z.number().check(z.refine(Number.isFinite)), z.boolean()]);

const boundedRecord = (max: number, what: string) =>
  z
    .record(keySchema, valueSchema)
    .check(
      z.refine(
        (record) => Object.keys(record).length <= max,
        `${what} is too large: at most ${max} keys are allowed, to keep every event small`,
      ),
    );

/** Where the viewer came from, the dimension the retention report splits by. */
export const trafficSourceSchema = z.enum(['natural', 'paid', 'private_domain', 'cross_platform', 'other']);

/** Coarse device category. */
export const deviceClassSchema = z.enum(['mobile', 'tablet', 'desktop', 'tv', 'other']);

/** App-supplied context repeated on every event of a session. */
export const telemetryContextSchema = z.object({
  trafficSource: z.optional(trafficSourceSchema),
  page: z.optional(coarseStringSchema),
  deviceClass: z.optional(deviceClassSchema),
  region: z.optional(coarseStringSchema),
  custom: z.optional(boundedRecord(MAX_CUSTOM_KEYS, 'context.custom')),
});

/** Free per-event attributes, bounded like `context.custom`. */
export const telemetryAttrsSchema = boundedRecord(MAX_ATTRS_KEYS, 'attrs');

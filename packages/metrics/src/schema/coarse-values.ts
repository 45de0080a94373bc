/**
 * The building blocks of the app-supplied `context` and per-event `attrs`
 * (DESIGN.md decision 14): pseudonymous ids and coarse categories only.
 * Every string is a short token (no spaces, no `@`, at most 64 characters,
 * no run of 9 or more digits), so emails, phone numbers and free text cannot
 * pass, and the record sizes are bounded so one event stays small.
 *
 * Apart from `context.ts` because they use only the zod kinds the browser
 * entry may ship: the collector's option check builds on them, and only the
 * schemas (`context.ts`) use `z.record` and `z.union`.
 */
import * as z from 'zod/mini';

/** The longest string `context` and `attrs` accept (decision 14). */
export const MAX_CONTEXT_STRING = 64;
/** How many keys `context.custom` may hold. */
export const MAX_CUSTOM_KEYS = 8;
/** How many keys an event's `attrs` may hold. */
export const MAX_ATTRS_KEYS = 16;

const TOKEN_PATTERN = /^(?!.*\d{9})[A-Za-z0-9_.:/#-]+$/;
/** What a key of `attrs` or `context.custom` must look like: an identifier. */
export const ATTR_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** The longest key `attrs` and `context.custom` accept. */
export const MAX_ATTR_KEY = 32;

/** What a coarse string may hold, as error messages say it. */
export const COARSE_TOKEN_RULE =
  'a coarse category or pseudonymous id: letters, digits and _.:/#- only, no run of 9+ digits';

/** A coarse category or pseudonymous id: a short token that cannot hold an email, a phone number or prose. */
export const coarseStringSchema = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_CONTEXT_STRING, `must be at most ${MAX_CONTEXT_STRING} characters long (decision 14)`),
    z.regex(TOKEN_PATTERN, `must be ${COARSE_TOKEN_RULE} (no personal data, decision 14)`),
  );

/**
 * True for a key `attrs` and `context.custom` accept: an identifier of at
 * most {@link MAX_ATTR_KEY} characters. A predicate, so that the browser's
 * option check ships no key schema (the record schemas in `context.ts` have one).
 */
export const isAttrKey = (key: string): boolean => key.length <= MAX_ATTR_KEY && ATTR_KEY_PATTERN.test(key);

/** True for a value `attrs` and `context.custom` accept: a coarse token, a finite number or a boolean. */
export function isAttrValue(value: unknown): value is string | number | boolean {
  return (
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    coarseStringSchema.safeParse(value).success
  );
}

/** Why a record with more than `max` keys fails (`what`: how errors name it). */
export const tooManyKeys = (max: number, what: string) =>
  `${what} is too large: at most ${max} keys are allowed, to keep every event small`;

/**
 * Where the viewer came from, the dimension the retention report splits by:
 * `natural` (organic feed or search), `paid` (ads), `private_domain` (the
 * app's own groups and followers), `cross_platform` (shared from another
 * platform), `other`.
 */
export type TrafficSource = 'natural' | 'paid' | 'private_domain' | 'cross_platform' | 'other';

/** The {@link TrafficSource} values. */
export const trafficSourceSchema = z.enum(['natural', 'paid', 'private_domain', 'cross_platform', 'other']);

/** Coarse device category. */
export const deviceClassSchema = z.enum(['mobile', 'tablet', 'desktop', 'tv', 'other']);

/**
 * Free per-event attributes: up to {@link MAX_ATTRS_KEYS} identifier keys
 * (≤ 32 characters) of short tokens, finite numbers or booleans.
 */
export type TelemetryAttrs = Record<string, string | number | boolean>;

/**
 * App-supplied context repeated on every event of a session, for splitting
 * reports. Strings are coarse tokens ({@link coarseStringSchema}: ≤ 64
 * characters, no spaces, no `@`, no run of 9+ digits), so no personal data
 * fits (decision 14).
 */
export type TelemetryContext = {
  /** Where the viewer came from. */
  trafficSource?: TrafficSource | undefined;
  /** The app's page or entry point, e.g. `live/room`. */
  page?: string | undefined;
  /** Coarse device category. */
  deviceClass?: 'mobile' | 'tablet' | 'desktop' | 'tv' | 'other' | undefined;
  /** Coarse region, e.g. `eu-west` or a country code. */
  region?: string | undefined;
  /** Up to {@link MAX_CUSTOM_KEYS} more dimensions of your own, bounded like {@link TelemetryAttrs}. */
  custom?: TelemetryAttrs | undefined;
};

/** The fields of `context` other than `custom`, shared by its schema and the collector's option check. */
export const contextFieldsShape = {
  trafficSource: z.optional(trafficSourceSchema),
  page: z.optional(coarseStringSchema),
  deviceClass: z.optional(deviceClassSchema),
  region: z.optional(coarseStringSchema),
};

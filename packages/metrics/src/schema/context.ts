/**
 * The schemas of the app-supplied `context` and per-event `attrs` (DESIGN.md
 * decision 14), from the coarse values of `coarse-values.ts`. Their JSON
 * Schema is what data teams read, so they keep `z.record` and `z.union`
 * (`propertyNames` and `anyOf`); the browser entry does not import this
 * module (the collector checks its `context` option without those kinds).
 */
import * as z from 'zod/mini';
import {
  ATTR_KEY_PATTERN,
  coarseStringSchema,
  contextFieldsShape,
  MAX_ATTR_KEY,
  MAX_ATTRS_KEYS,
  MAX_CUSTOM_KEYS,
  tooManyKeys,
} from './coarse-values.js';

/** A key of `attrs` or `context.custom`: an identifier of at most 32 characters. */
const attrKeySchema = z
  .string()
  .check(
    z.maxLength(MAX_ATTR_KEY, `keys must be at most ${MAX_ATTR_KEY} characters long`),
    z.regex(ATTR_KEY_PATTERN, 'keys must be identifiers'),
  );

const valueSchema = z.union([coarseStringSchema, z.number().check(z.refine(Number.isFinite)), z.boolean()]);

const boundedRecord = (max: number, what: string) =>
  z
    .record(attrKeySchema, valueSchema)
    .check(z.refine((record) => Object.keys(record).length <= max, tooManyKeys(max, what)));

/** The `TelemetryContext` object. */
export const telemetryContextSchema = z.object({
  ...contextFieldsShape,
  custom: z.optional(boundedRecord(MAX_CUSTOM_KEYS, 'context.custom')),
});

/** The `TelemetryAttrs` record. */
export const telemetryAttrsSchema = boundedRecord(MAX_ATTRS_KEYS, 'attrs');

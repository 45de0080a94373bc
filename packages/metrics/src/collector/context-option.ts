/**
 * The check of the collector's `context` option: the rules of the
 * `context` schema (decision 14) without `z.record` and `z.union` (nor
 * `z.catchall` and `z.strictObject`: see `objectWith`), whose code the
 * browser bundle would carry for this one check (issue 8). The
 * schema itself keeps them for its JSON Schema; a unit test holds both to
 * the same verdicts.
 */

import * as z from 'zod/mini';
import { objectWith } from '../option-schemas.js';
import {
  COARSE_TOKEN_RULE,
  contextFieldsShape,
  isAttrKey,
  isAttrValue,
  MAX_CONTEXT_STRING,
  MAX_CUSTOM_KEYS,
  tooManyKeys,
} from '../schema/coarse-values.js';

/** `context.custom`: up to {@link MAX_CUSTOM_KEYS} identifier keys of coarse tokens, finite numbers or booleans. */
const customSchema = objectWith(
  {},
  isAttrValue,
  `must be a finite number, a boolean or ${COARSE_TOKEN_RULE}, at most ${MAX_CONTEXT_STRING} characters long (no personal data, decision 14)`,
).check(
  z.refine((custom) => Object.keys(custom).length <= MAX_CUSTOM_KEYS, tooManyKeys(MAX_CUSTOM_KEYS, 'context.custom')),
  z.refine(
    (custom) => Object.keys(custom).every(isAttrKey),
    'keys must be identifiers (a letter, then letters, digits or _) of at most 32 characters',
  ),
);

/** The collector's `context` option: a `TelemetryContext` with no other keys. */
export const contextOptionSchema = objectWith({ ...contextFieldsShape, custom: z.optional(customSchema) });

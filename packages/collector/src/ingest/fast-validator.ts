/**
 * A compiled validator for the common case, an event that is valid. The
 * metrics package's zod schemas stay the single source of truth: each event
 * type's schema is turned into JSON Schema with `z.toJSONSchema` and compiled
 * once with Ajv, which checks a valid event several times faster than zod
 * walks it. A check that JSON Schema cannot state (a `refine`, such as the
 * key count of `attrs` or `Number.isFinite`) is not dropped: that node of
 * the JSON Schema calls its own zod schema. So the compiled validator
 * accepts only what zod accepts; when it refuses, admission asks zod, whose
 * verdict and messages decide (tests check the two agree on fixtures and
 * fuzzed events).
 *
 * Like zod, it strips keys the schema does not know (decision 13): Ajv's
 * `removeAdditional` deletes them from the parsed value in place.
 */
import { TELEMETRY_EVENT_TYPES, type TelemetryEvent, telemetryEventSchemas } from '@liveroom/metrics/schema';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as z from 'zod/mini';

/** Checks the JSON Schema states exactly as zod does (both count string lengths in code points). */
const STATED_CHECKS: ReadonlySet<string> = new Set([
  'min_length',
  'max_length',
  'length_equals',
  'greater_than',
  'less_than',
  'multiple_of',
  'number_format',
]);

/** The keyword that hands one node to its zod schema. */
const ZOD_KEYWORD = 'x-liveroom-zod';

interface CheckDef {
  check: string;
  format?: string;
  fn?: unknown;
}

/** True when a zod schema carries a check its JSON Schema would leave out. */
function hasUnstatedCheck(schema: z.core.$ZodType): boolean {
  const checks = (schema._zod.def as { checks?: { _zod: { def: CheckDef } }[] }).checks ?? [];
  return checks.some(({ _zod: { def } }) => {
    if (def.check === 'string_format') return def.format !== 'regex';
    // Ajv's `strictNumbers` refuses NaN and ±Infinity, which is all this refinement does.
    if (def.check === 'custom' && def.fn === Number.isFinite) return false;
    return !STATED_CHECKS.has(def.check);
  });
}

/** Validates (and strips in place) one parsed event; `false` means "ask zod". */
export type FastEventCheck = (value: Record<string, unknown>) => value is TelemetryEvent;

let shared: FastEventCheck | undefined;

/** The process's validator, compiled on first use (a fraction of a second) and shared by every collector. */
export function fastEventCheck(): FastEventCheck {
  shared ??= compileFastEventCheck();
  return shared;
}

/** Compiles one validator per event type. */
export function compileFastEventCheck(): FastEventCheck {
  const delegated: z.core.$ZodType[] = [];
  const ajv = new Ajv2020({
    removeAdditional: true,
    unicodeRegExp: false,
    strictNumbers: true,
    allErrors: false,
    messages: false,
    keywords: [
      {
        keyword: ZOD_KEYWORD,
        schemaType: 'number',
        errors: false,
        validate: (index: number, data: unknown) => z.safeParse(delegated[index]!, data).success,
      },
    ],
  });
  const validators = new Map<string, ValidateFunction>();
  for (const type of TELEMETRY_EVENT_TYPES) {
    const jsonSchema = z.toJSONSchema(telemetryEventSchemas[type], {
      target: 'draft-2020-12',
      // Output mode closes objects (`additionalProperties: false`), which is what lets Ajv strip unknown keys.
      io: 'output',
      override: ({ zodSchema, jsonSchema: node }) => {
        if (!hasUnstatedCheck(zodSchema)) return;
        (node as Record<string, unknown>)[ZOD_KEYWORD] = delegated.push(zodSchema as z.core.$ZodType) - 1;
      },
    });
    validators.set(type, ajv.compile(jsonSchema));
  }
  return (value): value is TelemetryEvent => validators.get(value.type as string)?.(value) === true;
}

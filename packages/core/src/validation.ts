/**
 * Validation of public inputs with `zod/mini` (DESIGN.md: browser packages use
 * zod/mini to stay small). zod/mini ships no message locale, so issues are
 * described here in plain English from their codes.
 */
import * as z from 'zod/mini';
import { LiveroomError } from './errors.js';

/** One validation problem: where it is and what is wrong. */
export interface ValidationIssue {
  /** Dotted path to the offending field (`''` for the value itself). */
  path: string;
  /** What is wrong, in words. */
  message: string;
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'} long`
        : `must be ${issue.inclusive === false ? 'above' : 'at least'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters long`
        : `must be ${issue.inclusive === false ? 'below' : 'at most'} ${issue.maximum}`;
    case 'invalid_type':
      return `must be ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `must match the ${issue.format} format`;
    case 'unrecognized_keys':
      return `has unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    default:
      return issue.message;
  }
}

/**
 * Turns zod issues (`error.issues` of a failed `safeParse`, from `zod` or
 * `zod/mini`) into {@link ValidationIssue}s with readable messages.
 */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[]): ValidationIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message && issue.message !== 'Invalid input' ? issue.message : describe(issue),
  }));
}

/**
 * Parses `value` with `schema`, or throws `INVALID_CONFIG` naming every
 * offending field and what the caller should pass instead.
 *
 * @param what - the argument's name as the caller wrote it, e.g. `'join() options'`.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = toValidationIssues(result.error.issues);
  const lines = issues.map((i) => `  - ${i.path || '(value)'}: ${i.message}`).join('\n');
  throw new LiveroomError('INVALID_CONFIG', `Invalid ${what}:\n${lines}\nFix these fields and call again.`, {
    issues,
    cause: result.error,
  });
}

/**
 * A whole number of at least `min` and at most `max` (by default the largest
 * safe integer, as `z.int()` had it: past 2^53 whole numbers are no longer
 * exact, so a sequence number would stop counting), for every browser
 * package's option and wire schemas. It is a refine, not `z.int()`:
 * core, metrics and hooks share one zod copy, to which `z.int()` would add its
 * own format code (about 0.4 KB gzip; architecture decision 48), while the
 * refine code ships anyway.
 *
 * @param what - the field's name, to start each message with it (`'tickMs must
 * be a whole number'`); without it the messages name no field and the issue's
 * path says which one it was.
 *
 * @example
 * ```ts
 * const schema = z.object({ tickMs: z.optional(wholeNumber(250, 10_000, 'tickMs')) });
 * parseInput(schema, { tickMs: 0.5 }, 'options'); // INVALID_CONFIG: tickMs must be a whole number, …
 * ```
 */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER, what?: string): z.ZodMiniNumber<number> {
  const named = (rule: string) => (what ? `${what} ${rule}` : rule);
  return z
    .number()
    .check(
      z.refine(Number.isInteger, named('must be a whole number')),
      z.gte(min, named(`must be at least ${min}`)),
      z.lte(max, named(`must be at most ${max}`)),
    );
}

/**
 * `parsed` over `defaults`: a field left out, or passed as `undefined`, takes
 * its default. Browser packages merge option defaults after parsing rather
 * than with `z._default` (architecture decision 48), and `undefined` must mean
 * "the default" there as it does in TypeScript's optional fields.
 *
 * @example
 * ```ts
 * const options = withDefaults({ gzip: true, maxBatchEvents: 50 }, parseInput(schema, input, 'sink options'));
 * ```
 */
export function withDefaults<Defaults extends object, Parsed extends object>(
  defaults: Defaults,
  parsed: Parsed,
): Omit<Parsed, keyof Defaults> & Defaults {
  const merged = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(parsed)) if (value !== undefined) merged[key] = value;
  return merged as Omit<Parsed, keyof Defaults> & Defaults;
}

/** @internal True for functions: the test of a callback argument or option, with {@link valueWhere}. */
export const isFunction = (value: unknown): boolean => typeof value === 'function';

/**
 * Any value `test` accepts, typed `T` for the caller: what `z.custom<T>` does,
 * with the refine code every browser package ships anyway (`z.custom` would
 * add its own, architecture decision 48). For typed inputs zod cannot describe:
 * a provider, a sink, a callback, a score map.
 *
 * @example
 * ```ts
 * const onEvent = valueWhere<(event: TelemetryEvent) => void>((v) => typeof v === 'function', 'must be a function');
 * ```
 */
export function valueWhere<T>(test: (value: unknown) => boolean, message: string): z.ZodMiniType<T, T> {
  return z.unknown().check(z.refine(test, message)) as z.ZodMiniType<T, T>;
}

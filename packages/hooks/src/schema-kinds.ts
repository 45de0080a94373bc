/**
 * Schema building blocks that keep `zod/mini`'s heavier kinds out of the
 * browser bundle (issue #8): core, metrics and hooks share one zod copy, and
 * `z.int()` (about 0.4 KB gzip) or `z.union` (about 0.35 KB) only drop out
 * when no browser package uses them. Whole numbers are core's `wholeNumber`.
 */
import * as z from 'zod/mini';

/**
 * Exactly `value` (a protocol's name or version), as a one-value `z.enum`:
 * `z.literal` is a kind no other browser package needs (about 0.12 KB gzip).
 */
export function exactly<const T extends string | number>(value: T) {
  return z.enum({ value } as { value: T });
}

/** Schemas by tag: each validates the fields of the objects carrying that tag (the tag itself excluded). */
export type TaggedSchemas = Record<string, z.ZodMiniObject>;

/**
 * Objects tagged by `key` (`type`, `phase`…), each checked against the schema
 * its tag names in `schemas`: a discriminated union as one table instead of
 * `z.union`. The parsed object keeps unknown fields; {@link parseTagged}
 * drops them.
 */
export function taggedSchema(key: string, schemas: TaggedSchemas) {
  const tags = Object.keys(schemas) as [string, ...string[]];
  // zod runs the check only once the tag is one of `tags`; the tag's schema reports its own issues,
  // so a refusal names the field (`body.seq: must be a whole number`), not just the object.
  return z.looseObject({ [key]: z.enum(tags) }).check(
    z.check((context) => {
      const result = schemas[context.value[key] as string]!.safeParse(context.value);
      // Already finalized (path and message set); zod keeps them as they are.
      if (!result.success) context.issues.push(...(result.error.issues as typeof context.issues));
    }),
  );
}

/** `value` (already valid for {@link taggedSchema}) with only its tag and the fields its schema knows. */
export function parseTagged(key: string, schemas: TaggedSchemas, value: object): unknown {
  const tag = (value as Record<string, string>)[key]!;
  return { [key]: tag, ...schemas[tag]!.parse(value) };
}

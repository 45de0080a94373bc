/**
 * zod/mini building blocks for the browser entry's option checks, in the
 * kinds every browser package may use (issue 8). Core, metrics and hooks
 * ship one zod copy, to which `z.int`, `z.custom` and `z._default` each add
 * code once any of them uses one: whole numbers are checked by core's
 * `wholeNumber` (a refine), typed values by core's `valueWhere` with the
 * predicates below, and defaults are merged after parsing by core's
 * `withDefaults`. {@link objectWith} stands for `z.strictObject` and
 * `z.catchall`, which only metrics used (about 0.13 KB gzip together).
 */
import * as z from 'zod/mini';

/** True for functions, to check callbacks and replaceable globals. */
export const isFunction = (value: unknown): boolean => typeof value === 'function';

/** True for non-null objects. */
export const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

/**
 * An object of `shape` whose other keys must hold values `test` accepts
 * (what `z.catchall` does), each refused with `message` under its own key;
 * without `test`, other keys are refused (what `z.strictObject` does).
 * Built on `z.looseObject` and a check function, which the browser bundle
 * ships anyway.
 */
export function objectWith<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  test: (value: unknown) => boolean = () => false,
  message?: string,
): z.ZodMiniObject<Shape> {
  return z.looseObject(shape).check((context) => {
    for (const key of Object.keys(context.value)) {
      const input = context.value[key];
      if (Object.hasOwn(shape, key) || test(input)) continue;
      // Continuable, as the issues of z.catchall and z.strictObject are: later checks (here and
      // in the objects around) still run, so every problem is reported at once.
      context.issues.push(
        message
          ? { code: 'custom', message, input, path: [key], continue: true }
          : { code: 'unrecognized_keys', keys: [key], input: context.value, continue: true },
      );
    }
  }) as never;
}

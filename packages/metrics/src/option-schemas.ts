/**
 * zod/mini building blocks for the browser entry's option checks, in the
 * kinds every browser package may use (issue 8). Core, metrics and hooks
 * ship one zod copy, to which `z.int`, `z.custom` and `z._default` each add
 * code once any of them uses one: whole numbers are checked by core's
 * `wholeNumber` (a refine), typed values by core's `valueWhere` with the
 * predicates below, and defaults are merged after parsing by core's `withDefaults`.
 */

/** True for functions, to check callbacks and replaceable globals. */
export const isFunction = (value: unknown): boolean => typeof value === 'function';

/** True for non-null objects. */
export const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

/**
 * The PK signalling protocol: what hosts send each other through a
 * {@link PkTransport}, and the field schemas the viewers' broadcast and the
 * store's inputs share. Validated with `zod/mini` on the way in, because the
 * other side may run another version or another app.
 */
import * as z from 'zod/mini';

/** Protocol version; a receiver drops messages of other versions. */
export const PK_PROTOCOL_VERSION = 1;

const idSchema = z.string().check(z.minLength(1), z.maxLength(128));
const durationSchema = z.number().check(z.int(), z.gte(0), z.lte(24 * 3_600_000));

/** A server timestamp in epoch ms (zod's numbers are finite). */
export const timeSchema = z.number();
/** A battle id. */
export const battleIdSchema = z.string().check(z.minLength(1), z.maxLength(64));
/**
 * Scores by host user id, each a number of 0 or more. A predicate rather than
 * `z.record`, which would add about 0.6 KB gzip to the browser bundle for
 * this one field; unknown host ids are the reducer's to refuse (`unknown_host`).
 */
export const scoresSchema = z.custom<Record<string, number>>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((score) => typeof score === 'number' && Number.isFinite(score) && score >= 0),
  'must map host user ids to scores of 0 or more',
);

/** One side of a battle: a host and its room (the room id makes cross-room battles work). */
export const pkHostSchema = z.object({ userId: idSchema, roomId: idSchema });

/** The timings an invite carries. */
export const battleTimingsSchema = z.object({
  inviteTimeoutMs: durationSchema,
  countdownMs: durationSchema,
  durationMs: durationSchema.check(z.gte(1)),
  settleMs: durationSchema,
  resultMs: durationSchema,
});

/** A cumulative score snapshot with its per-battle sequence number, as hosts send it and apps apply it. */
export const scoreUpdateShape = {
  battleId: battleIdSchema,
  seq: z.number().check(z.int(), z.gte(1)),
  scores: scoresSchema,
};

/** The body of a PK message, by `type`. */
const pkBodySchema = z.union([
  z.object({ type: z.literal('invite'), battleId: battleIdSchema, sentAt: timeSchema, timings: battleTimingsSchema }),
  z.object({ type: z.enum(['accept', 'decline', 'cancel']), battleId: battleIdSchema }),
  z.object({
    type: z.literal('start'),
    battleId: battleIdSchema,
    countdownAt: timeSchema,
    activeAt: timeSchema,
    endsAt: timeSchema,
  }),
  z.object({ type: z.literal('score'), ...scoreUpdateShape }),
  /** `leave`: the sender walked away mid-battle. */
  z.object({ type: z.enum(['end', 'leave']), battleId: battleIdSchema, at: timeSchema }),
]);

/** A PK message: who sent it, to whom, and what. */
export const pkMessageSchema = z.object({
  kind: z.literal('liveroom.pk'),
  v: z.literal(PK_PROTOCOL_VERSION),
  from: pkHostSchema,
  to: pkHostSchema,
  body: pkBodySchema,
});

/** A PK message, as sent and received. */
export type PkMessage = z.infer<typeof pkMessageSchema>;
/** The body of a {@link PkMessage}. */
export type PkMessageBody = PkMessage['body'];

/** `data` as a current PK message, or `undefined` when it is not one. */
export function parsePkMessage(data: unknown): PkMessage | undefined {
  const result = pkMessageSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** `text` parsed as JSON and then by `parse`, or `undefined` when it is not JSON. */
export function decodeJson<T>(text: string, parse: (data: unknown) => T | undefined): T | undefined {
  try {
    return parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** A PK message from JSON text as it arrives over a transport, or `undefined` when the text is not one. */
export function decodePkMessage(text: string): PkMessage | undefined {
  return decodeJson(text, parsePkMessage);
}

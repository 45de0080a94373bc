/**
 * The PK signalling protocol: what hosts send each other through a
 * {@link PkTransport}. Validated with `zod/mini` on the way in, because the
 * other side may run another version or another app.
 */
import * as z from 'zod/mini';

/** Protocol version; a receiver drops messages of other versions. */
export const PK_PROTOCOL_VERSION = 1;

const idSchema = z.string().check(z.minLength(1), z.maxLength(128));
const timeSchema = z.number().check(z.refine(Number.isFinite, 'must be finite'));
const durationSchema = z.number().check(z.int(), z.gte(0), z.lte(24 * 3_600_000));

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

const battleIdSchema = z.string().check(z.minLength(1), z.maxLength(64));
const scoreValueSchema = z.number().check(z.gte(0), z.refine(Number.isFinite, 'must be finite'));

/** The body of a PK message, by `type`. */
export const pkBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invite'),
    battleId: battleIdSchema,
    sentAt: timeSchema,
    timings: battleTimingsSchema,
  }),
  z.object({ type: z.literal('accept'), battleId: battleIdSchema }),
  z.object({ type: z.literal('decline'), battleId: battleIdSchema }),
  z.object({ type: z.literal('cancel'), battleId: battleIdSchema }),
  z.object({
    type: z.literal('start'),
    battleId: battleIdSchema,
    countdownAt: timeSchema,
    activeAt: timeSchema,
    endsAt: timeSchema,
  }),
  z.object({
    type: z.literal('score'),
    battleId: battleIdSchema,
    seq: z.number().check(z.int(), z.gte(1)),
    scores: z.record(idSchema, scoreValueSchema),
  }),
  z.object({ type: z.literal('end'), battleId: battleIdSchema, at: timeSchema }),
  z.object({ type: z.literal('leave'), battleId: battleIdSchema, at: timeSchema }),
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
export type PkMessageBody = z.infer<typeof pkBodySchema>;

/** `data` as a current PK message, or `undefined` when it is not one. */
export function parsePkMessage(data: unknown): PkMessage | undefined {
  const result = pkMessageSchema.safeParse(data);
  return result.success ? result.data : undefined;
}

/** A PK message from JSON text as it arrives over a transport, or `undefined` when the text is not one. */
export function decodePkMessage(text: string): PkMessage | undefined {
  try {
    return parsePkMessage(JSON.parse(text));
  } catch {
    return undefined;
  }
}

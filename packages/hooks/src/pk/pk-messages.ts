/**
 * The PK signalling protocol: what hosts send each other through a
 * {@link PkTransport}, and the field schemas the viewers' broadcast and the
 * store's inputs share. Validated with `zod/mini` on the way in, because the
 * other side may run another version or another app.
 */
import { valueWhere, wholeNumber } from '@liveroom/core';
import * as z from 'zod/mini';
import { exactly, parseTagged, taggedSchema } from '../schema-kinds.js';
import type { BattleTimings, PkHost } from './battle-types.js';

/** Protocol version; a receiver drops messages of other versions. */
export const PK_PROTOCOL_VERSION = 1;

const idSchema = z.string().check(z.minLength(1), z.maxLength(128));
const durationSchema = wholeNumber(0, 24 * 3_600_000);
/** A round of scoring lasts at least 1 ms. */
const roundSchema = wholeNumber(1, 24 * 3_600_000);

/** A server timestamp in epoch ms (zod's numbers are finite). */
export const timeSchema = z.number();
/** A battle id. */
export const battleIdSchema = z.string().check(z.minLength(1), z.maxLength(64));

/** True for a plain object whose values are all finite scores of 0 or more (`Number.isFinite` is false for non-numbers). */
export function isScoreMap(value: unknown): value is Record<string, number> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((score) => Number.isFinite(score) && score >= 0)
  );
}

/**
 * Scores by host user id, each a number of 0 or more. A refine rather than
 * `z.record` (about 0.6 KB gzip in the browser bundle for this one field) or
 * `z.custom` (kept out of browser code, issue #8), typed by the cast;
 * unknown host ids are the reducer's to refuse (`unknown_host`).
 */
export const scoresSchema = valueWhere<Record<string, number>>(
  isScoreMap,
  'must map host user ids to scores of 0 or more',
);

/** One side of a battle: a host and its room (the room id makes cross-room battles work). */
export const pkHostSchema = z.object({ userId: idSchema, roomId: idSchema });

/** The timings an invite carries. */
export const battleTimingsSchema = z.object({
  inviteTimeoutMs: durationSchema,
  countdownMs: durationSchema,
  durationMs: roundSchema,
  settleMs: durationSchema,
  resultMs: durationSchema,
});

/** The `timings` option of a battle store: any of the timings, each checked as on the wire (the rest take defaults). */
export const battleTimingsOptionSchema = z.object({
  inviteTimeoutMs: z.optional(durationSchema),
  countdownMs: z.optional(durationSchema),
  durationMs: z.optional(roundSchema),
  settleMs: z.optional(durationSchema),
  resultMs: z.optional(durationSchema),
});

/** A cumulative score snapshot with its per-battle sequence number, as hosts send it and apps apply it. */
export const scoreUpdateSchema = z.object({ battleId: battleIdSchema, seq: wholeNumber(1), scores: scoresSchema });

const aboutBattle = z.object({ battleId: battleIdSchema });
const stampedEnd = z.object({ battleId: battleIdSchema, at: timeSchema });

/** The body of a {@link PkMessage}: its `type` and the fields that type carries. */
export type PkMessageBody =
  | { type: 'invite'; battleId: string; sentAt: number; timings: BattleTimings }
  | { type: 'accept' | 'decline' | 'cancel'; battleId: string }
  | { type: 'start'; battleId: string; countdownAt: number; activeAt: number; endsAt: number }
  | { type: 'score'; battleId: string; seq: number; scores: Record<string, number> }
  /** `leave`: the sender walked away mid-battle. */
  | { type: 'end' | 'leave'; battleId: string; at: number };

/** The fields of each message body (all but `type`), by its `type`. */
export const pkBodySchemas = {
  invite: z.object({ battleId: battleIdSchema, sentAt: timeSchema, timings: battleTimingsSchema }),
  accept: aboutBattle,
  decline: aboutBattle,
  cancel: aboutBattle,
  start: z.object({ battleId: battleIdSchema, countdownAt: timeSchema, activeAt: timeSchema, endsAt: timeSchema }),
  score: scoreUpdateSchema,
  end: stampedEnd,
  leave: stampedEnd,
} satisfies Record<PkMessageBody['type'], z.ZodMiniObject>;

/** A PK message, as sent and received: who sent it, to whom, and what. */
export interface PkMessage {
  /** Names the protocol. */
  kind: 'liveroom.pk';
  /** The protocol version, {@link PK_PROTOCOL_VERSION}. */
  v: typeof PK_PROTOCOL_VERSION;
  /** The sending host. */
  from: PkHost;
  /** The host it is for (in another room when `to.roomId` differs). */
  to: PkHost;
  /** What happened. */
  body: PkMessageBody;
}

/**
 * A PK message: who sent it, to whom, and what. The body is checked against
 * the fields its `type` needs; {@link parsePkMessage} also drops fields the
 * protocol does not know.
 */
export const pkMessageSchema = z.object({
  kind: exactly('liveroom.pk'),
  v: exactly(PK_PROTOCOL_VERSION),
  from: pkHostSchema,
  to: pkHostSchema,
  body: taggedSchema('type', pkBodySchemas),
}) as unknown as z.ZodMiniType<PkMessage>;

/** `data` as a current PK message, or `undefined` when it is not one. */
export function parsePkMessage(data: unknown): PkMessage | undefined {
  const message = pkMessageSchema.safeParse(data).data;
  return message && { ...message, body: parseTagged('type', pkBodySchemas, message.body) as PkMessageBody };
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

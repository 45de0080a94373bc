/**
 * The local provider's signalling protocol: every message between a browser
 * client and `@liveroom/signalling`, as zod/mini schemas (DESIGN.md decision 2).
 * The server imports these same schemas, so both ends validate every message
 * against one definition. Messages are JSON objects with a `type`.
 *
 * Requests that can fail carry an optional `rid` (request id); the server
 * answers them with `ack` (or `joined` for `join`) or an `error` with the same
 * `rid`. Announcements and relays without `rid` get an `error` only when they
 * are refused.
 */
import * as z from 'zod/mini';

/** Most publishers (hosts + cohosts) one room accepts: the mesh's limit (DESIGN.md decision 22). */
export const MAX_PUBLISHERS = 9;
/** Most audience members one room accepts. */
export const MAX_VIEWERS = 50;
/** Largest data message payload, in characters. */
export const MAX_DATA_PAYLOAD = 64 * 1024;

const id = z.string().check(z.minLength(1), z.maxLength(64));
const rid = z.optional(z.number().check(z.int(), z.gte(0)));
const role = z.enum(['host', 'cohost', 'audience']);
const kind = z.enum(['video', 'audio']);
const kinds = z.array(kind).check(z.maxLength(2));

/**
 * What a viewer asks a publisher to do to the stream it sends to that viewer
 * only (DESIGN.md decision 20). Absent fields leave that setting unchanged;
 * `maxBitrateKbps: 0` and `scaleResolutionDownBy: 1` lift a cap.
 */
export const impairmentSchema = z.object({
  /** Stop sending frames for this long, then resume (`replaceTrack(null)`): a real freeze on the viewer. */
  stallMs: z.optional(z.number().check(z.int(), z.gte(1), z.lte(60_000))),
  /** Cap the encoder's bitrate (`RTCRtpEncodingParameters.maxBitrate`); 0 removes the cap. */
  maxBitrateKbps: z.optional(z.number().check(z.gte(0), z.lte(100_000))),
  /** Send a smaller picture (`scaleResolutionDownBy`); 1 is full size. */
  scaleResolutionDownBy: z.optional(z.number().check(z.gte(1), z.lte(16))),
});

/** A participant as the server describes it. */
export const participantInfoSchema = z.object({
  id,
  role,
  /** Kinds currently published. */
  published: kinds,
  /** Published kinds currently muted. */
  muted: kinds,
});

const description = z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().check(z.maxLength(200_000)) });
const candidate = z.nullable(
  z.object({
    candidate: z.string().check(z.maxLength(2048)),
    sdpMid: z.optional(z.nullable(z.string())),
    sdpMLineIndex: z.optional(z.nullable(z.number())),
    usernameFragment: z.optional(z.nullable(z.string())),
  }),
);
/** Identifies one peer connection, so late ICE for a replaced connection is ignored. */
const pcId = z.string().check(z.minLength(1), z.maxLength(64));

/** A client's announcement about one of its tracks. */
export type TrackAnnouncement = 'publish' | 'unpublish' | 'mute' | 'unmute';
const trackAnnouncements: readonly TrackAnnouncement[] = ['publish', 'unpublish', 'mute', 'unmute'];

/** Every message a client sends. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('join'),
    rid,
    roomId: id,
    userId: id,
    role,
    /** Random per provider instance: a join with the same user and session replaces a stale socket (reconnect). */
    sessionId: id,
  }),
  z.object({ type: z.literal('leave') }),
  z.object({ type: z.literal('set-role'), rid, role }),
  ...trackAnnouncements.map((type) => z.object({ type: z.literal(type), rid, kind })),
  z.object({ type: z.literal('sdp'), to: id, pcId, description }),
  z.object({ type: z.literal('ice'), to: id, pcId, candidate }),
  z.object({
    type: z.literal('data'),
    rid,
    /** Recipients; everyone else in the room when absent. */
    to: z.optional(z.array(id).check(z.maxLength(MAX_PUBLISHERS + MAX_VIEWERS))),
    payload: z.string().check(z.maxLength(MAX_DATA_PAYLOAD)),
  }),
  z.object({ type: z.literal('impair'), rid, to: id, impairment: impairmentSchema }),
  /** A message to one participant of another room (or this one), e.g. PK signalling. Publishers only. */
  z.object({
    type: z.literal('room-message'),
    rid,
    roomId: id,
    to: id,
    payload: z.string().check(z.maxLength(MAX_DATA_PAYLOAD)),
  }),
  z.object({ type: z.literal('ping'), t: z.number() }),
  z.object({ type: z.literal('kick'), rid, userId: id }),
  z.object({ type: z.literal('close-room'), rid }),
]);

/** Why the server refused a message. */
export const signallingErrorCodeSchema = z.enum([
  'invalid-message',
  'not-joined',
  'already-joined',
  'uid-conflict',
  'publishers-full',
  'viewers-full',
  'unknown-peer',
  'unknown-room',
  'forbidden',
]);

/** Every message the server sends. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('joined'),
    rid,
    userId: id,
    /** Everyone else in the room. */
    participants: z.array(participantInfoSchema),
    /** The server's clock (epoch ms) when it answered, for the clock offset. */
    serverTime: z.number(),
  }),
  z.object({ type: z.literal('participant-joined'), participant: participantInfoSchema }),
  z.object({ type: z.literal('participant-left'), userId: id, reason: z.enum(['left', 'timeout', 'kicked']) }),
  z.object({ type: z.literal('role-changed'), userId: id, role }),
  ...trackAnnouncements.map((type) => z.object({ type: z.literal(type), userId: id, kind })),
  z.object({ type: z.literal('sdp'), from: id, pcId, description }),
  z.object({ type: z.literal('ice'), from: id, pcId, candidate }),
  z.object({ type: z.literal('data'), from: id, payload: z.string() }),
  z.object({ type: z.literal('impair'), from: id, impairment: impairmentSchema }),
  /** A `room-message` delivered: the server stamps the sender's room and id, so they cannot be forged. */
  z.object({ type: z.literal('room-message'), fromRoomId: id, from: id, payload: z.string() }),
  /**
   * A participant of another room with whom this client exchanged a
   * `room-message` left (or timed out). Only such contacts are told: nobody
   * learns about other rooms' members otherwise.
   */
  z.object({ type: z.literal('room-peer-left'), roomId: id, userId: id }),
  z.object({ type: z.literal('pong'), t: z.number(), serverTime: z.number() }),
  z.object({ type: z.literal('ack'), rid: z.number() }),
  z.object({ type: z.literal('removed'), reason: z.enum(['kicked', 'room-closed']) }),
  z.object({ type: z.literal('error'), rid, code: signallingErrorCodeSchema, message: z.string() }),
]);

/** A message from a client. */
export type ClientMessage = z.infer<typeof clientMessageSchema>;
/** A message from the server. */
export type ServerMessage = z.infer<typeof serverMessageSchema>;
/** A participant as the server describes it. */
export type ParticipantInfo = z.infer<typeof participantInfoSchema>;
/** An impairment request (see {@link impairmentSchema}). */
export type Impairment = z.infer<typeof impairmentSchema>;
/** Why the server refused a message. */
export type SignallingErrorCode = z.infer<typeof signallingErrorCodeSchema>;
/** A server message of one type. */
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/**
 * Parses one raw WebSocket frame with `schema`. Returns the message, or a
 * readable reason when the frame is not JSON or does not match.
 */
export function decodeMessage<S extends z.ZodMiniType>(
  schema: S,
  raw: string,
): { ok: true; message: z.output<S> } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, message: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || '(message)'}: ${issue?.message ?? 'invalid'}` };
}

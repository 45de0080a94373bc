/**
 * Schemas of the room's public inputs. Room and user ids follow Agora's
 * channel-name rules (1–64 characters from a fixed ASCII set), so a room id
 * that works on the local provider also works in production.
 */
import * as z from 'zod/mini';
import type { RtcProvider } from './provider.js';
import { ROOM_STATE_NAMES } from './room-state.js';
import { ROLES, type Role } from './types.js';
import { isFunction, valueWhere, wholeNumber } from './validation.js';

const ID_PATTERN = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~]+$/;

const id = (what: string) =>
  z
    .string()
    .check(
      z.minLength(1, `${what} must not be empty`),
      z.maxLength(64, `${what} must be at most 64 characters long`),
      z.regex(ID_PATTERN, `${what} may only contain letters, digits, spaces and !#$%&()+-:;<=.>?@[]^_{}|~`),
    );

/** A role: `host`, `cohost` or `audience`. */
export const roleSchema = z.enum(ROLES as ['host', 'cohost', 'audience']);

// Checked with z.unknown and a refine, not z.custom, which would add its own
// code to the browser bundle (architecture decision 48); the cast below states
// the type this guard checks.
const isProvider = (value: unknown): value is RtcProvider =>
  typeof value === 'object' && value !== null && typeof (value as RtcProvider).join === 'function';

/** `joinTimeoutMs` when `createRoom()` is given none. */
export const DEFAULT_JOIN_TIMEOUT_MS = 15_000;

/**
 * Options of `createRoom()`. Defaults are applied by the room (`autoSubscribe`
 * true, {@link DEFAULT_JOIN_TIMEOUT_MS}), which keeps `z._default` out of the bundle.
 */
export const roomOptionsSchema = z.object({
  provider: valueWhere<RtcProvider>(
    isProvider,
    'provider must be an RtcProvider, e.g. createLocalProvider({ signallingUrl }) or createAgoraProvider({ appId })',
  ),
  autoSubscribe: z.optional(z.boolean()),
  joinTimeoutMs: z.optional(wholeNumber(1000, 120_000, 'joinTimeoutMs')),
});

/** Options of `room.join()`. */
export const joinOptionsSchema = z.object({
  roomId: id('roomId'),
  userId: z.optional(id('userId')),
  role: roleSchema,
  token: z.optional(z.string().check(z.minLength(1, 'token must not be empty'), z.maxLength(2048))),
});

/** Options of `room.publishCamera()`. */
export const cameraOptionsSchema = z.optional(
  z.object({
    deviceId: z.optional(z.string()),
    width: z.optional(wholeNumber(16, 3840, 'width')),
    height: z.optional(wholeNumber(16, 2160, 'height')),
    frameRate: z.optional(z.number().check(z.gte(1), z.lte(60))),
    facingMode: z.optional(z.enum(['user', 'environment'])),
  }),
);

/** Options of `room.publishMicrophone()`. */
export const microphoneOptionsSchema = z.optional(
  z.object({
    deviceId: z.optional(z.string()),
    echoCancellation: z.optional(z.boolean()),
    noiseSuppression: z.optional(z.boolean()),
    autoGainControl: z.optional(z.boolean()),
  }),
);

/** A remote participant id argument. */
export const participantIdSchema = id('participantId');

/** A track kind argument. */
export const trackKindSchema = z.enum(['video', 'audio']);

/** A local track source argument. */
export const trackSourceSchema = z.enum(['camera', 'microphone']);

/** A token argument. */
export const tokenSchema = z.string().check(z.minLength(1, 'token must not be empty'), z.maxLength(2048));

/** `setRemoteVideoQuality()`'s stream: the publisher's high or low (dual) stream. */
export const videoStreamQualitySchema = z.enum(['high', 'low']);

/** `watch()`'s arguments: a state name and the listener to call. */
export const watchSchema = z.object({
  state: z.enum(ROOM_STATE_NAMES),
  listener: valueWhere<(value: never) => void>(isFunction, 'must be a function'),
});

/** `sendData()`'s payload (each provider adds its own size limit) and options. */
export const sendDataSchema = z.object({
  payload: z.string(),
  options: z.object({
    /** Recipients; an empty list sends to no one (an app's filter may leave none), leaving it out to everyone. */
    to: z.optional(z.array(participantIdSchema)),
  }),
});

/** The rooms a media relay goes into (`startMediaRelay()` / `updateMediaRelay()`), as every provider takes them. */
export const relayDestinationsSchema = z
  .array(
    z.object({
      roomId: id('roomId'),
      userId: id('userId'),
      token: z.optional(tokenSchema),
    }),
  )
  .check(z.minLength(1, 'pass at least one destination; call stopMediaRelay() to stop relaying'));

/**
 * Options of `createRoom()`. `config.test-d.ts` keeps this interface equal to
 * what `roomOptionsSchema` accepts, so docs and validation never drift.
 */
export interface RoomOptions {
  /** The provider the room runs on, e.g. `createLocalProvider({ signallingUrl })` or `createAgoraProvider({ appId })`. */
  provider: RtcProvider;
  /**
   * Subscribe to every remote track as soon as it is published (default
   * `true`). Turn it off to choose with `room.subscribe()`, e.g. to receive only the speakers shown.
   */
  autoSubscribe?: boolean | undefined;
  /**
   * How long `join()` may take before it rejects with `JOIN_TIMEOUT`, in ms
   * (integer, 1000–120000, default 15000).
   */
  joinTimeoutMs?: number | undefined;
}

/**
 * Options of `room.join()`. `config.test-d.ts` keeps this interface equal to
 * what `joinOptionsSchema` accepts.
 */
export interface JoinOptions {
  /**
   * The room to join: 1–64 characters of letters, digits, spaces and
   * `!#$%&()+-:;<=.>?@[]^_{}|~` (Agora's channel-name rules, so the id works on every provider).
   */
  roomId: string;
  /** Who the local user is, with the same rules as `roomId`; a random id is generated when absent. */
  userId?: string | undefined;
  /** `host` or `cohost` to publish, `audience` to watch only. */
  role: Role;
  /** The provider's access token for this room and user (Agora), 1–2048 characters; the local provider needs none. */
  token?: string | undefined;
}

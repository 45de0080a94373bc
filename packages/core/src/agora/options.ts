/**
 * Options of {@link createAgoraProvider}, validated with zod/mini through
 * `parseInput` so a wrong App ID or timeout fails at construction with a
 * readable `INVALID_CONFIG`, not at the first join.
 */
import * as z from 'zod/mini';
import type { Role } from '../types.js';
import { isFunction } from '../validation.js';
import type { AgoraSdkSource } from './sdk.js';

/** What a token server is asked for. `userId` is `'0'` for the source side of a media relay (Agora's rule). */
export interface AgoraTokenRequest {
  /** The channel the token is for. */
  roomId: string;
  /** The user the token is for: digits join as Agora's integer uid, anything else as a string account. */
  userId: string;
  /** The role to grant: `host` and `cohost` need a publisher token, `audience` a subscriber one. */
  role: Role;
}

/** Fetches an RTC token from the app's token server. */
export type AgoraTokenProvider = (request: AgoraTokenRequest) => Promise<string>;

const isSdk = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'createClient' in value && typeof value.createClient === 'function';

/** Schema of {@link AgoraProviderOptions}. */
export const agoraProviderOptionsSchema = z.object({
  /** The project's App ID from Agora Console (32 hexadecimal characters). */
  appId: z
    .string()
    .check(z.regex(/^[0-9a-fA-F]{32}$/, 'appId must be the 32-character hexadecimal App ID from Agora Console')),
  /** Video codec of the client (`createClient({ codec })`). VP8 is Agora's recommendation for the web. */
  codec: z._default(z.enum(['vp8', 'vp9', 'h264', 'av1']), 'vp8'),
  /**
   * Latency level of audience members (`setClientRole('audience', { level })`):
   * 1 low latency, 2 ultra-low latency (Agora's default). Agora bills the levels differently.
   */
  audienceLatencyLevel: z._default(z.union([z.literal(1), z.literal(2)]), 2),
  /** Publish a low-quality second stream beside the camera (`enableDualStream()`), so viewers can pick it. */
  dualStream: z._default(z.boolean(), false),
  /** Report audio levels every 2 s (`enableAudioVolumeIndicator()`), for the speaker layout. */
  audioLevels: z._default(z.boolean(), true),
  /**
   * The provider's own join timeout. Agora's `join()` never rejects while the
   * network is unreachable; when this fires the provider leaves and rejects
   * with `CONNECTION_FAILED`.
   */
  joinTimeoutMs: z._default(
    z
      .number()
      .check(
        z.int(),
        z.gte(500, 'joinTimeoutMs must be at least 500'),
        z.lte(120_000, 'joinTimeoutMs must be at most 120000'),
      ),
    10_000,
  ),
  /** Camera encoder preset (`createCameraVideoTrack({ encoderConfig })`), used when no size is requested. */
  videoEncoderPreset: z._default(z.string().check(z.minLength(1)), '720p_2'),
  /** Microphone encoder preset (`createMicrophoneAudioTrack({ encoderConfig })`). */
  audioEncoderPreset: z._default(
    z.enum([
      'speech_low_quality',
      'speech_standard',
      'music_standard',
      'standard_stereo',
      'high_quality',
      'high_quality_stereo',
    ]),
    'music_standard',
  ),
  /** Fetches tokens for join, renewal and relay; without it, the app passes tokens itself. */
  tokenProvider: z.optional(z.custom<AgoraTokenProvider>(isFunction, 'tokenProvider must be a function')),
  /** The SDK itself or a loader; defaults to a dynamic `import('agora-rtc-sdk-ng')`. Tests pass a fake. */
  sdk: z.optional(
    z.custom<AgoraSdkSource>(
      (value) => isFunction(value) || isSdk(value),
      'sdk must be the AgoraRTC object or a function that loads it',
    ),
  ),
});

/** Options of {@link createAgoraProvider}. */
export type AgoraProviderOptions = z.input<typeof agoraProviderOptionsSchema>;

/** The options once validated, with defaults filled in (what the provider's constructor takes). */
export type ResolvedAgoraProviderOptions = z.output<typeof agoraProviderOptionsSchema>;

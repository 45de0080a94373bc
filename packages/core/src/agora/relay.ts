/**
 * Cross-room co-host PK over Agora's channel media relay: the local host's
 * stream is relayed into the other hosts' channels. The relay carries media
 * only; PK signalling goes through the app's `PkTransport` (DESIGN.md decision 6).
 *
 * Source: `IChannelMediaRelayConfiguration`, `ChannelMediaRelayState` and
 * `ChannelMediaRelayError` in agora-rtc-sdk-ng 4.24.8 `rtc-sdk_en.d.ts`.
 */
import type { ChannelMediaRelayError, ChannelMediaRelayState, IChannelMediaRelayConfiguration } from 'agora-rtc-sdk-ng';
import { LiveroomError, type LiveroomErrorCode } from '../errors.js';
import type { RelayDestination, RelayState } from '../provider.js';
import { numericUid } from './uid.js';

const RELAY_STATES: Record<ChannelMediaRelayState, RelayState> = {
  RELAY_STATE_IDLE: 'idle',
  RELAY_STATE_CONNECTING: 'connecting',
  RELAY_STATE_RUNNING: 'running',
  RELAY_STATE_FAILURE: 'failed',
};

const RELAY_ERRORS: Record<ChannelMediaRelayError, LiveroomErrorCode> = {
  RELAY_OK: 'PROVIDER_ERROR',
  SERVER_CONNECTION_LOST: 'CONNECTION_FAILED',
  SRC_TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  DEST_TOKEN_EXPIRED: 'TOKEN_EXPIRED',
};

/** One `channel-media-relay-state` event as a neutral state, with an error when it failed. */
export function mapRelayState(
  state: ChannelMediaRelayState,
  code: ChannelMediaRelayError,
): [state: RelayState, error?: LiveroomError] {
  const neutral = RELAY_STATES[state];
  if (neutral !== 'failed') return [neutral];
  const error = new LiveroomError(RELAY_ERRORS[code], `The cross-room media relay failed (${code}).`, {
    provider: 'agora',
  });
  return [neutral, error];
}

/** Where the relayed stream comes from: the local host in the current channel. */
export interface RelaySource {
  roomId: string;
  userId: string;
  /** Agora's source token is generated for uid 0 and the source channel. */
  token?: string | undefined;
}

/**
 * Fills an Agora relay configuration. Agora identifies relayed streams by
 * 32-bit integer uids, so the user ids involved must be numeric.
 */
export function fillRelayConfiguration(
  configuration: IChannelMediaRelayConfiguration,
  source: RelaySource,
  destinations: readonly RelayDestination[],
): IChannelMediaRelayConfiguration {
  if (destinations.length < 1 || destinations.length > 4) {
    throw new LiveroomError('INVALID_CONFIG', 'A media relay needs 1 to 4 destination rooms (Agora’s limit).', {
      provider: 'agora',
    });
  }
  configuration.setSrcChannelInfo({
    channelName: source.roomId,
    uid: numericUid(source.userId, 'the relaying host'),
    ...(source.token ? { token: source.token } : {}),
  });
  for (const destination of destinations) {
    configuration.addDestChannelInfo({
      channelName: destination.roomId,
      uid: numericUid(destination.userId, `relay destination "${destination.roomId}"`),
      ...(destination.token ? { token: destination.token } : {}),
    });
  }
  return configuration;
}

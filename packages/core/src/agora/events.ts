/**
 * Converts Agora's overloaded `client.on()` events into the neutral
 * {@link ProviderEventMap}, once, in the order Agora emits them. Every
 * listener is typed by Agora's own overloads (no hand-copied signatures).
 *
 * Source: the `event_*` declarations of `IAgoraRTCClient` in
 * agora-rtc-sdk-ng 4.24.8 `rtc-sdk_en.d.ts`.
 */
import { LiveroomError } from '../errors.js';
import type { ProviderEvents } from '../provider.js';
import type { TrackKind } from '../types.js';
import { mapConnectionChange } from './connection.js';
import { networkQualityOf, RemoteNetworkQuality } from './network-quality.js';
import { mapRelayState } from './relay.js';
import type { AgoraClient } from './sdk.js';
import { fromAgoraUid } from './uid.js';

/** What the bridge needs from the provider besides the emitter. */
export interface ClientBridgeContext {
  /** The local user's id once joined (Agora's volume indicator reports the local user too). */
  localUserId(): string | undefined;
  /** Called on `token-privilege-will-expire`, after the neutral event (automatic renewal). */
  tokenWillExpire(): void;
}

/**
 * `user-info-updated` messages as mute events. `enable-local-video` and
 * `disable-local-video` only sync state with native clients, so they map to nothing.
 */
function muteEventOf(message: string): ['track-muted' | 'track-unmuted', TrackKind] | undefined {
  switch (message) {
    case 'mute-video':
      return ['track-muted', 'video'];
    case 'unmute-video':
      return ['track-unmuted', 'video'];
    case 'mute-audio':
      return ['track-muted', 'audio'];
    case 'unmute-audio':
      return ['track-unmuted', 'audio'];
    default:
      return undefined;
  }
}

/** Agora's `user-left` reasons (`"Quit"`, `"ServerTimeOut"`, `"BecomeAudience"`) in neutral terms. */
function leftReasonOf(reason: string): 'left' | 'timeout' | 'role-changed' {
  if (reason === 'ServerTimeOut') return 'timeout';
  if (reason === 'BecomeAudience') return 'role-changed';
  return 'left';
}

/**
 * Agora `exception` codes below 3000 report a problem (1001
 * FRAMERATE_INPUT_TOO_LOW … 2005 RECV_AUDIO_DECODE_FAILED); 3xxx and 4xxx
 * report the matching recovery, which is not a warning.
 */
const FIRST_RECOVERY_CODE = 3000;

type Listener = (...args: never[]) => void;

/** Forwards the client's events to `events`. Returns a function that removes exactly the listeners it added. */
export function bridgeClientEvents(
  client: AgoraClient,
  events: ProviderEvents,
  context: ClientBridgeContext,
): () => void {
  const added: [event: string, listener: Listener][] = [];
  // Keeps Agora's typed overloads for every listener below, and remembers each one for removal.
  const recorder = {
    on(event: string, listener: Listener): void {
      added.push([event, listener]);
      client.on(event, listener);
    },
  };
  const on: AgoraClient['on'] = recorder.on;
  const remoteQuality = new RemoteNetworkQuality(client);
  let stopped = false;
  on('connection-state-change', (current, previous, reason) => {
    const change = mapConnectionChange(current, previous, reason);
    if (change.kind === 'state') events.emit('connection-state-changed', change.state, change.reason);
    else if (change.kind === 'removed') events.emit('removed', change.reason);
  });
  on('user-joined', (user) => {
    // In live mode Agora announces hosts only; a co-host is a host in Agora's terms.
    events.emit('participant-joined', { id: fromAgoraUid(user.uid), role: 'host' });
  });
  on('user-left', (user, reason) => {
    remoteQuality.forget(fromAgoraUid(user.uid));
    events.emit('participant-left', fromAgoraUid(user.uid), leftReasonOf(reason));
  });
  on('user-published', (user, mediaType) => {
    if (mediaType !== 'datachannel') events.emit('track-published', fromAgoraUid(user.uid), mediaType);
  });
  on('user-unpublished', (user, mediaType) => {
    if (mediaType !== 'datachannel') events.emit('track-unpublished', fromAgoraUid(user.uid), mediaType);
  });
  on('user-info-updated', (uid, message) => {
    const mute = muteEventOf(message);
    if (mute) events.emit(mute[0], fromAgoraUid(uid), mute[1]);
  });
  on('network-quality', (stats) => {
    events.emit('network-quality', networkQualityOf(stats));
    // Agora has no event for remote users' quality: read it on this event's 2 s cadence, and
    // stop at once if a listener of the local quality released the session.
    for (const quality of remoteQuality.changes()) {
      if (stopped) return;
      events.emit('network-quality', quality);
    }
  });
  on('exception', ({ code, msg, uid }) => {
    if (code >= FIRST_RECOVERY_CODE) return;
    events.emit(
      'warning',
      new LiveroomError('PROVIDER_ERROR', `Agora reported ${msg} (${code}) for user ${fromAgoraUid(uid)}.`, {
        provider: 'agora',
      }),
    );
  });
  on('token-privilege-will-expire', () => {
    events.emit('token-will-expire');
    context.tokenWillExpire();
  });
  on('token-privilege-did-expire', () => events.emit('token-expired'));
  on('volume-indicator', (result) => {
    const local = context.localUserId();
    events.emit(
      'audio-levels',
      result.map(({ uid, level }) => {
        const id = fromAgoraUid(uid);
        // Agora's volume is 0–100; the neutral level is 0–1.
        return id === local ? { level: level / 100 } : { participantId: id, level: level / 100 };
      }),
    );
  });
  on('channel-media-relay-state', (state, code) => {
    events.emit('relay-state-changed', ...mapRelayState(state, code));
  });
  return () => {
    stopped = true;
    for (const [event, listener] of added) client.off(event, listener);
  };
}

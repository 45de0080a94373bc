/**
 * Media for cross-room battles. Inside one room both hosts already see each
 * other. Across rooms, each host relays its media into the opponent's room
 * with `room.startMediaRelay` when the provider can (capability
 * `mediaRelay`, e.g. Agora's channel media relay). Otherwise the relay is
 * `unsupported`, and the app shows the opponent by joining the opponent's room
 * with a second `Room` as audience (see docs/hooks/pk.md).
 */
import { asLiveroomError, type LiveroomError, type Room } from '@liveroom/core';
import type { PkHost } from './battle-types.js';

/** Where the cross-room media relay stands. */
export type BattleRelayState =
  /** No relay: no battle under way, or both hosts in one room (they already see each other). */
  | 'none'
  /** A cross-room battle reached its countdown and `room.startMediaRelay` is under way. */
  | 'starting'
  /** The local host's media reaches the opponent's room; stopped when the battle returns to idle. */
  | 'running'
  /** The provider cannot relay (capability `mediaRelay`): show the opponent through a second `Room` joined as audience. */
  | 'unsupported'
  /** The relay could not start; the cause is the snapshot's `lastError`. */
  | 'failed';

/**
 * The store's `relay` field, which the relay functions read and set (with
 * the failure when it failed), so the relay's state lives in one place: the
 * snapshot.
 */
export type RelayField = [get: () => BattleRelayState, set: (state: BattleRelayState, error?: LiveroomError) => void];

/** Relays the local host into the opponent's room when they are in another room. */
export async function startRelay(room: Room, self: PkHost, opponent: PkHost, [get, set]: RelayField): Promise<void> {
  if (opponent.roomId === self.roomId || get() !== 'none') return;
  if (!room.provider.capabilities.mediaRelay) return set('unsupported');
  set('starting');
  try {
    await room.startMediaRelay([{ roomId: opponent.roomId, userId: self.userId }]);
    // The battle ended while the relay was starting: stop it, as stopRelay() would have.
    if (get() !== 'starting') return room.stopMediaRelay().catch(() => undefined);
    set('running');
  } catch (error) {
    set('failed', asLiveroomError(error, 'PROVIDER_ERROR', 'Could not start the PK media relay'));
  }
}

/** Stops a running relay and returns to `none`. */
export async function stopRelay(room: Room, [get, set]: RelayField): Promise<void> {
  const state = get();
  if (state === 'none') return;
  set('none');
  // The relay is being dropped either way; a failure to stop it changes nothing for the battle.
  if (state === 'running') await room.stopMediaRelay().catch(() => undefined);
}

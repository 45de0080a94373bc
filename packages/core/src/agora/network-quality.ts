/**
 * Agora's last-mile network quality in neutral terms, for the local user
 * (the client's `network-quality` event) and for each remote user
 * (`client.getRemoteNetworkQuality()`, which has no event of its own).
 *
 * Agora's `NetworkQuality` rates the last mile, "the connection between
 * the local device and Agora edge server" (agora-rtc-sdk-ng 4.24.8
 * `rtc-sdk_en.d.ts`), on the same 0–6 scale as the neutral
 * `NetworkQualityLevel`, so levels pass through unchanged. For a
 * remote user Agora reports that user's own last mile, as its server sees
 * it: `uplinkNetworkQuality` is the user sending into Agora, the first leg
 * of its media to you, so it is the neutral `uplink` ("its sending to you",
 * architecture decision 62); `downlinkNetworkQuality` is the user receiving
 * from Agora, the last leg of your media to it, so it is the neutral
 * `downlink`. The middle legs run inside Agora's network and are not rated.
 */
import type { NetworkQuality as AgoraNetworkQuality } from 'agora-rtc-sdk-ng';
import type { NetworkQuality } from '../types.js';
import type { AgoraClient } from './sdk.js';
import { fromAgoraUid } from './uid.js';

/** One Agora reading as the neutral quality (the local user's when `participantId` is absent). */
export function networkQualityOf(stats: AgoraNetworkQuality, participantId?: string): NetworkQuality {
  const quality: NetworkQuality = { uplink: stats.uplinkNetworkQuality, downlink: stats.downlinkNetworkQuality };
  if (participantId !== undefined) quality.participantId = participantId;
  return quality;
}

/**
 * The remote users' qualities of one session, read on demand and reported
 * only when a user's levels change, like the local provider's (decision 61).
 * Only users still in `client.remoteUsers` are reported: Agora keeps a user
 * who left in `getRemoteNetworkQuality()` when its `DELETE_NEQ_AFTER_USER_LEAVE`
 * parameter is off, and the room has already announced the departure.
 */
export class RemoteNetworkQuality {
  readonly #client: AgoraClient;
  /** The levels last reported, by participant id. */
  readonly #last = new Map<string, NetworkQuality>();

  /** Reads `client`, the session's Agora client. */
  constructor(client: AgoraClient) {
    this.#client = client;
  }

  /** Reads `getRemoteNetworkQuality()` and returns the qualities that changed since the last report. */
  changes(): NetworkQuality[] {
    const present = new Set(this.#client.remoteUsers.map((user) => fromAgoraUid(user.uid)));
    const changed: NetworkQuality[] = [];
    // The keys are Agora's uids as strings.
    for (const [uid, stats] of Object.entries(this.#client.getRemoteNetworkQuality())) {
      const id = fromAgoraUid(uid);
      if (!present.has(id)) continue;
      const quality = networkQualityOf(stats, id);
      const last = this.#last.get(id);
      if (last?.uplink === quality.uplink && last.downlink === quality.downlink) continue;
      this.#last.set(id, quality);
      changed.push(quality);
    }
    return changed;
  }

  /** Forgets a user who left, so a later return is reported afresh. */
  forget(participantId: string): void {
    this.#last.delete(participantId);
  }
}

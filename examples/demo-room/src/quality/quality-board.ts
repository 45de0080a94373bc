/**
 * The overlay's data for every remote video in the room: polls the room's
 * stats once a second, listens to network quality, and folds in the quality
 * collector's events (first frame, stall start and end) when there are any.
 */
import type { NetworkQuality, Room } from '@liveroom/core';
import { SnapshotStore } from '../room/session-store.js';
import type { DemoTelemetryEvent } from '../telemetry/telemetry-log.js';
import { EMPTY_TILE_QUALITY, type TileQuality, withStats, withWatchTime } from './tile-quality.js';

/** Per participant: what their tile's overlay shows. */
export type QualityByParticipant = ReadonlyMap<string, TileQuality>;

interface Timing {
  /** The last byte counter seen, for a bitrate when the provider's own is missing. */
  bytes: { value: number; at: number } | undefined;
  firstFrameAt: number | undefined;
  stallStartedAt: number | undefined;
  fromEvents: boolean;
}

/**
 * kbit/s from the byte counter since the last tick. Providers that compute
 * their own bitrate from deltas can miss it when two pollers (the quality
 * collector and this board) sample in the same instant.
 */
function bitrateFrom(timing: Timing, bytes: number | undefined, now: number): number | undefined {
  const before = timing.bytes;
  if (bytes === undefined) return undefined;
  timing.bytes = { value: bytes, at: now };
  if (!before || now <= before.at || bytes < before.value) return undefined;
  return ((bytes - before.value) * 8) / (now - before.at);
}

/** The board; call {@link QualityBoard.stop} when leaving. */
export class QualityBoard extends SnapshotStore<{ tiles: QualityByParticipant }> {
  readonly #room: Room;
  readonly #timing = new Map<string, Timing>();
  readonly #joinedAt: number;
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #onQuality = (quality: NetworkQuality) => {
    if (quality.participantId) this.#patch(quality.participantId, { uplink: quality.uplink });
  };

  constructor(room: Room, joinedAt: number, tickMs = 1000) {
    super({ tiles: new Map() });
    this.#room = room;
    this.#joinedAt = joinedAt;
    room.on('network-quality', this.#onQuality);
    this.#timer = setInterval(() => void this.#poll(), tickMs);
  }

  /** Folds in one telemetry event from the quality collector. */
  readonly record = (event: DemoTelemetryEvent): void => {
    const body = event.body as { participantId?: string; source?: TileQuality['source'] };
    const id = body.participantId;
    if (!id) return;
    const timing = this.#timingOf(id);
    const tile = this.#tile(id);
    if (event.type === 'first_frame') {
      const { startupMs } = event.body as { startupMs: number };
      timing.firstFrameAt = event.ts;
      this.#patch(id, { startupMs, source: body.source ?? tile.source });
    } else if (event.type === 'stall_start' || event.type === 'stall_end') {
      // From the first stall event on, the collector's count replaces the freeze counters: never the sum of both.
      const counted = timing.fromEvents ? tile : { ...tile, stallCount: 0, stalledMs: 0 };
      timing.fromEvents = true;
      const source = body.source ?? tile.source;
      if (event.type === 'stall_start') {
        timing.stallStartedAt = event.ts;
        this.#patch(id, { stallCount: counted.stallCount, stalledMs: counted.stalledMs, stalled: true, source });
        return;
      }
      // A withdrawn stall (the late frame showed the gap fell short of the freeze rule) ends the
      // stalled state but counts nothing, as in the collector's own totals.
      const { durationMs, withdrawn } = event.body as { durationMs: number; withdrawn?: true };
      timing.stallStartedAt = undefined;
      this.#patch(id, {
        stalled: false,
        ongoingStallMs: 0,
        stallCount: counted.stallCount + (withdrawn ? 0 : 1),
        stalledMs: counted.stalledMs + (withdrawn ? 0 : durationMs),
        source,
      });
    }
  };

  /** Stops polling and listening. */
  stop(): void {
    clearInterval(this.#timer);
    this.#room.off('network-quality', this.#onQuality);
  }

  async #poll(): Promise<void> {
    if (this.#room.connectionState !== 'connected') return;
    const stats = await this.#room.getStats().catch(() => undefined);
    if (!stats) return;
    const tiles = new Map(this.getSnapshot().tiles);
    const now = Date.now();
    for (const video of stats.remoteVideo) {
      const timing = this.#timingOf(video.participantId);
      const bitrateKbps = bitrateFrom(timing, video.bytesReceived, now);
      const measured = video.bitrateKbps === undefined && bitrateKbps !== undefined ? { ...video, bitrateKbps } : video;
      let tile = withStats(tiles.get(video.participantId) ?? EMPTY_TILE_QUALITY, measured, timing.fromEvents);
      if (timing.firstFrameAt === undefined && (video.framesDecoded ?? 0) > 0) {
        // No collector event yet: the first stats tick with decoded frames bounds the startup from above.
        timing.firstFrameAt = now;
        tile = { ...tile, startupMs: tile.startupMs ?? now - this.#joinedAt, source: tile.source ?? 'frame-counters' };
      }
      const ongoing = timing.stallStartedAt === undefined ? 0 : now - timing.stallStartedAt;
      tiles.set(video.participantId, withWatchTime(tile, now - (timing.firstFrameAt ?? now), ongoing));
    }
    this.update({ tiles });
  }

  #timingOf(id: string): Timing {
    let timing = this.#timing.get(id);
    if (!timing) {
      timing = { bytes: undefined, firstFrameAt: undefined, stallStartedAt: undefined, fromEvents: false };
      this.#timing.set(id, timing);
    }
    return timing;
  }

  #tile(id: string): TileQuality {
    return this.getSnapshot().tiles.get(id) ?? EMPTY_TILE_QUALITY;
  }

  #patch(id: string, patch: Partial<TileQuality>): void {
    const tiles = new Map(this.getSnapshot().tiles);
    tiles.set(id, { ...this.#tile(id), ...patch });
    this.update({ tiles });
  }
}

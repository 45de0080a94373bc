/**
 * The local side of a room: the camera and microphone this user publishes.
 */
import { asLiveroomError, LiveroomError } from './errors.js';
import type { ProviderLocalTrack, RtcProvider } from './provider.js';
import type { EmitRoomEvent } from './room-emit.js';
import { LocalTrack, type TrackAttachmentObserver } from './tracks.js';
import { canPublish, type Role, type TrackSource } from './types.js';

/** The local user's published tracks. */
export class LocalPublications {
  #tracks: readonly LocalTrack[] = [];
  readonly #provider: RtcProvider;
  readonly #emit: EmitRoomEvent;
  readonly #attachments: TrackAttachmentObserver;

  constructor(provider: RtcProvider, emit: EmitRoomEvent, attachments: TrackAttachmentObserver) {
    this.#provider = provider;
    this.#emit = emit;
    this.#attachments = attachments;
  }

  /** The published tracks, replaced (never mutated) on every change. */
  get tracks(): readonly LocalTrack[] {
    return this.#tracks;
  }

  /** The published track of `source`, if any. */
  find(source: TrackSource): LocalTrack | undefined {
    return this.tracks.find((t) => t.source === source);
  }

  /**
   * Publishes a track from `create` unless `source` is already published (then
   * returns that one). Only hosts and cohosts may publish.
   */
  async publish(source: TrackSource, role: Role, create: () => Promise<ProviderLocalTrack>): Promise<LocalTrack> {
    if (!canPublish(role)) {
      const hint = "Call setRole('cohost') (or join as host) first.";
      throw new LiveroomError('INVALID_STATE', `The audience cannot publish a ${source}. ${hint}`);
    }
    const existing = this.find(source);
    if (existing) return existing;
    const providerTrack = await create();
    try {
      await this.#provider.publish(providerTrack);
    } catch (error) {
      providerTrack.close();
      throw asLiveroomError(error, 'PROVIDER_ERROR', `Could not publish the ${source}`);
    }
    const track = new LocalTrack(providerTrack, this.#attachments);
    this.#tracks = [...this.#tracks, track];
    this.#emit('local-track-published', track);
    return track;
  }

  /** Stops publishing `source` and releases its device; `connected` says whether to tell the provider. */
  async unpublish(source: TrackSource, connected: boolean): Promise<void> {
    const track = this.find(source);
    if (!track) return;
    this.#tracks = this.#tracks.filter((t) => t !== track);
    try {
      if (connected) await this.#provider.unpublish(track.providerTrack);
    } finally {
      release(track);
      this.#emit('local-track-unpublished', track);
    }
  }

  /** Mutes or unmutes a published track. */
  async setMuted(source: TrackSource, muted: boolean): Promise<void> {
    const track = this.#require(source, 'setMuted');
    await this.#provider.setMuted(track.providerTrack, muted);
    track.setMuted(muted);
    this.#emit('local-track-muted-changed', track, muted);
  }

  /** Moves a published track to another capture device. */
  async switchDevice(source: TrackSource, deviceId: string): Promise<void> {
    const track = this.#require(source, 'switchDevice');
    await track.providerTrack.switchDevice(deviceId);
    track.refreshElements();
  }

  /** Publishes every track again (after a reconnect that lost them); failures become warnings. */
  async restore(): Promise<void> {
    for (const track of this.tracks) {
      try {
        await this.#provider.publish(track.providerTrack);
      } catch (error) {
        this.#emit('warning', asLiveroomError(error, 'PROVIDER_ERROR', `Could not republish the ${track.source}`));
      }
    }
  }

  /** Stops every track without telling the provider (the session is ending). */
  releaseAll(): void {
    if (this.#tracks.length === 0) return;
    for (const track of this.#tracks) release(track);
    this.#tracks = [];
  }

  #require(source: TrackSource, what: string): LocalTrack {
    const track = this.find(source);
    if (!track) throw new LiveroomError('INVALID_STATE', `${what}("${source}") called with no ${source} published.`);
    return track;
  }
}

function release(track: LocalTrack): void {
  track.detach();
  track.providerTrack.close();
}

/**
 * What this client sends over the mesh: the published track of each kind and
 * which tracks are muted. A muted track sends no frames (`replaceTrack(null)`),
 * so viewers see a W3C pause, not black frames; a device switch swaps the
 * sent track in every uplink without renegotiating.
 */
import type { ProviderLocalTrack } from '../provider.js';
import type { TrackKind } from '../types.js';
import type { CaptureTrack } from './capture.js';
import type { Mesh } from './mesh.js';
import type { TrackAnnouncement } from './protocol.js';

/** What publishing uses of the provider's session. */
export interface PublicationLinks {
  /** The session's mesh (none between sessions). */
  mesh(): Mesh | undefined;
  /** Announces a publication change to the server and waits for its answer. */
  announce(message: { type: TrackAnnouncement; kind: TrackKind }): Promise<void>;
  /** True while the server can be told (the socket is open). */
  connected(): boolean;
}

/** The local provider's publications. */
export class MeshPublications {
  readonly #published = new Map<TrackKind, ProviderLocalTrack>();
  readonly #muted = new WeakSet<ProviderLocalTrack>();
  readonly #links: PublicationLinks;

  constructor(links: PublicationLinks) {
    this.#links = links;
  }

  /** True while something is published, so a viewer who arrives gets an uplink. */
  get active(): boolean {
    return this.#published.size > 0;
  }

  /**
   * Announces the track and sends it over the mesh (a muted track sends
   * nothing) to each of `viewers()`, read once the server has answered: the
   * room may have changed meanwhile (a republish right after a rejoin starts
   * before the rejoined room is known). An uplink to someone not in the room
   * would be refused by the server and would stop that viewer, arriving
   * later, from getting one. A publication overtaken meanwhile (unpublished,
   * replaced, or the session ended) sends nothing.
   */
  async publish(mesh: Mesh, track: ProviderLocalTrack, viewers: () => Iterable<string>): Promise<void> {
    this.#published.set(track.kind, track);
    // An unpublish, another track of this kind or the session's end may overtake each answer.
    const current = () => this.#published.get(track.kind) === track;
    await this.#links.announce({ type: 'publish', kind: track.kind });
    const muted = this.#muted.has(track);
    if (muted && current()) await this.#links.announce({ type: 'mute', kind: track.kind });
    if (!current()) return;
    mesh.send(track.kind, muted ? null : track.mediaStreamTrack);
    for (const id of viewers()) mesh.connectViewer(id);
  }

  /** Stops sending the track to everyone; a track not published resolves at once. */
  async unpublish(track: ProviderLocalTrack): Promise<void> {
    if (this.#published.get(track.kind) !== track) return;
    this.#published.delete(track.kind);
    this.#links.mesh()?.send(track.kind, null);
    if (this.#links.connected()) await this.#links.announce({ type: 'unpublish', kind: track.kind });
  }

  /** Remembers the mute (it applies when the track is published later) and stops or resumes its frames. */
  async setMuted(track: ProviderLocalTrack, muted: boolean): Promise<void> {
    if (muted) this.#muted.add(track);
    else this.#muted.delete(track);
    if (this.#published.get(track.kind) !== track) return;
    this.#links.mesh()?.send(track.kind, muted ? null : track.mediaStreamTrack);
    await this.#links.announce({ type: muted ? 'mute' : 'unmute', kind: track.kind });
  }

  /** A capture track moved to another device: send the new track when this one is being sent. */
  swap(track: CaptureTrack, next: MediaStreamTrack): void {
    if (this.#published.get(track.kind) === track && !this.#muted.has(track))
      this.#links.mesh()?.send(track.kind, next);
  }

  /** Forgets every publication (the session ended, dropped, or stepped down to audience). */
  clear(): void {
    this.#published.clear();
  }
}

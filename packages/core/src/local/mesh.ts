/**
 * This browser's part of the mesh: one {@link Uplink} per viewer while it
 * publishes, one {@link Downlink} per publisher it receives, and the
 * subscriptions waiting for a publisher's track to arrive. Every peer
 * connection the local provider creates lives here, so `closeAll()` really
 * releases everything.
 */
import { LiveroomError } from '../errors.js';
import type { TrackKind } from '../types.js';
import { Downlink } from './downlink.js';
import type { LinkContext } from './peer-link.js';
import type { Impairment, ServerMessage } from './protocol.js';
import { Uplink } from './uplink.js';

interface Waiter {
  publisherId: string;
  kind: TrackKind;
  resolve: (track: MediaStreamTrack) => void;
  reject: (error: unknown) => void;
}

/** Server messages meant for the peer connections. */
export type MeshMessage = Extract<ServerMessage, { type: 'sdp' | 'ice' | 'impair' }>;

/** The peer connections of one joined session. */
export class Mesh {
  readonly uplinks = new Map<string, Uplink>();
  readonly downlinks = new Map<string, Downlink>();
  readonly #context: LinkContext;
  readonly #waiters = new Set<Waiter>();
  /** What every uplink sends (null: nothing for that kind). */
  readonly #sending: Record<TrackKind, MediaStreamTrack | null> = { video: null, audio: null };

  readonly #onRestart: (publisherId: string) => void;

  /** `onRestart` runs when a publisher replaced its connection to us, so the room subscribes again. */
  constructor(context: LinkContext, onRestart: (publisherId: string) => void) {
    this.#context = context;
    this.#onRestart = onRestart;
  }

  /** Open peer connections (for tests and debugging). */
  get size(): number {
    return this.uplinks.size + this.downlinks.size;
  }

  /** Sets what every uplink sends for `kind`, now and for viewers who connect later. */
  send(kind: TrackKind, track: MediaStreamTrack | null): void {
    this.#sending[kind] = track;
    for (const link of this.uplinks.values()) link.setTrack(kind, track);
  }

  /** Opens an uplink toward `viewerId` unless one exists. */
  connectViewer(viewerId: string): void {
    if (this.uplinks.has(viewerId)) return;
    const link = new Uplink(viewerId, this.#context);
    link.setTrack('video', this.#sending.video);
    link.setTrack('audio', this.#sending.audio);
    this.uplinks.set(viewerId, link);
    link.start().catch(() => this.#drop(this.uplinks, viewerId, link));
    // A connection that failed (ICE or DTLS) is replaced by a fresh offer; the viewer re-subscribes.
    link.pc.addEventListener('connectionstatechange', () => {
      if (link.pc.connectionState !== 'failed' || this.uplinks.get(viewerId) !== link) return;
      this.#drop(this.uplinks, viewerId, link);
      this.connectViewer(viewerId);
    });
  }

  /** Closes every uplink (stepping down to audience). */
  closeUplinks(): void {
    for (const link of this.uplinks.values()) link.close();
    this.uplinks.clear();
    this.#sending.video = this.#sending.audio = null;
  }

  /**
   * Applies a peer's SDP or ICE relayed by the server, or a viewer's
   * impairment request. Rejects when the impairment fails, or when the peer
   * connection for an offer cannot be made; a failed negotiation drops its link instead.
   */
  async receive(message: MeshMessage): Promise<void> {
    switch (message.type) {
      case 'sdp':
        if (message.description.type === 'offer') this.acceptOffer(message.from, message.pcId, message.description);
        else this.acceptAnswer(message.from, message.pcId, message.description);
        return;
      case 'ice':
        this.addCandidate(message.from, message.pcId, message.candidate as RTCIceCandidateInit | null);
        return;
      case 'impair':
        await this.impair(message.from, message.impairment);
        return;
    }
  }

  /** A publisher's offer: replaces any earlier downlink from it. */
  acceptOffer(publisherId: string, pcId: string, offer: RTCSessionDescriptionInit): void {
    const previous = this.downlinks.get(publisherId);
    previous?.close();
    const link = new Downlink(publisherId, pcId, this.#context, (l, kind) => this.#arrived(l, kind));
    this.downlinks.set(publisherId, link);
    link.accept(offer).catch(() => this.#drop(this.downlinks, publisherId, link));
    if (previous) this.#onRestart(publisherId);
  }

  /** A viewer's answer to one of our offers (ignored when that uplink was replaced). */
  acceptAnswer(viewerId: string, pcId: string, answer: RTCSessionDescriptionInit): void {
    const link = this.uplinks.get(viewerId);
    if (link?.pcId === pcId) link.acceptAnswer(answer).catch(() => this.#drop(this.uplinks, viewerId, link));
  }

  /** A remote ICE candidate for whichever link has `pcId`. */
  addCandidate(peerId: string, pcId: string, candidate: RTCIceCandidateInit | null): void {
    for (const link of [this.uplinks.get(peerId), this.downlinks.get(peerId)]) {
      if (link?.pcId === pcId) link.addCandidate(candidate);
    }
  }

  /** Applies a viewer's impairment request to the uplink toward that viewer only. */
  async impair(viewerId: string, impairment: Impairment): Promise<void> {
    await this.uplinks.get(viewerId)?.impair(impairment);
  }

  /** The received track, if it arrived. */
  track(publisherId: string, kind: TrackKind): MediaStreamTrack | undefined {
    return this.downlinks.get(publisherId)?.track(kind);
  }

  /**
   * Resolves with `publisherId`'s `kind` track once its downlink delivers it;
   * rejects after `timeoutMs`, or when the mesh closes.
   */
  waitForTrack(publisherId: string, kind: TrackKind, timeoutMs: number): Promise<MediaStreamTrack> {
    const ready = this.track(publisherId, kind);
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new LiveroomError('PROVIDER_ERROR', `No ${kind} from ${publisherId} within ${timeoutMs} ms.`, {
            provider: 'local',
          }),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        publisherId,
        kind,
        resolve: (track) => {
          clearTimeout(timer);
          resolve(track);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  /** Closes both links with a peer (it left, or stopped publishing). */
  dropPeer(peerId: string): void {
    this.#drop(this.uplinks, peerId, this.uplinks.get(peerId));
    this.dropDownlink(peerId);
  }

  /** Closes the downlink from a publisher. */
  dropDownlink(publisherId: string): void {
    this.#drop(this.downlinks, publisherId, this.downlinks.get(publisherId));
  }

  /** Closes every connection; pending subscriptions reject with `reason`. */
  closeAll(reason: LiveroomError): void {
    this.closeUplinks();
    for (const link of this.downlinks.values()) link.close();
    this.downlinks.clear();
    for (const waiter of this.#waiters) waiter.reject(reason);
    this.#waiters.clear();
  }

  #arrived(link: Downlink, kind: TrackKind): void {
    if (this.downlinks.get(link.peerId) !== link) return;
    const track = link.track(kind);
    if (!track) return;
    for (const waiter of this.#waiters) {
      if (waiter.publisherId === link.peerId && waiter.kind === kind) {
        this.#waiters.delete(waiter);
        waiter.resolve(track);
      }
    }
  }

  #drop<L extends Uplink | Downlink>(links: Map<string, L>, peerId: string, link: L | undefined): void {
    if (!link) return;
    link.close();
    if (links.get(peerId) === link) links.delete(peerId);
  }
}

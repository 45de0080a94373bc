/**
 * One publisher's connection to this viewer: created from the publisher's
 * offer, answered here, and holding the received video and audio tracks.
 */
import type { TrackKind } from '../types.js';
import { type LinkContext, PeerLink } from './peer-link.js';

/** The receive-only connection from one publisher. */
export class Downlink extends PeerLink {
  readonly #tracks = new Map<TrackKind, MediaStreamTrack>();

  /** `onTrack` runs for every track that arrives, so pending subscriptions can complete. */
  constructor(
    publisherId: string,
    pcId: string,
    context: LinkContext,
    onTrack: (link: Downlink, kind: TrackKind) => void,
  ) {
    super(publisherId, pcId, context);
    this.pc.ontrack = ({ track }) => {
      const kind = track.kind as TrackKind;
      this.#tracks.set(kind, track);
      onTrack(this, kind);
    };
  }

  /** Applies the publisher's offer and sends the answer back. */
  accept(offer: RTCSessionDescriptionInit): Promise<unknown> {
    return this.step(async () => {
      await this.pc.setRemoteDescription(offer);
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      const { type, sdp } = this.pc.localDescription as RTCSessionDescription;
      this.relay({ type: 'sdp', to: this.peerId, pcId: this.pcId, description: { type: type as 'answer', sdp } });
    });
  }

  /** The received track of `kind`, once it arrived. */
  track(kind: TrackKind): MediaStreamTrack | undefined {
    return this.#tracks.get(kind);
  }

  /** The receiver of `kind` (for audio levels). */
  receiver(kind: TrackKind): RTCRtpReceiver | undefined {
    return this.pc.getReceivers().find((r) => r.track.kind === kind);
  }

  override close(): void {
    this.pc.ontrack = null;
    super.close();
  }
}

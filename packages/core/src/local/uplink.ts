/**
 * This publisher's connection to one viewer. It always carries one video and
 * one audio transceiver (send-only), and publishing, muting and stalls swap
 * the sender's track with `replaceTrack`, so none of them renegotiates.
 * Impairments (DESIGN.md decision 20) act on this viewer's senders only.
 */
import type { TrackKind } from '../types.js';
import { type LinkContext, newPcId, PeerLink } from './peer-link.js';
import type { Impairment } from './protocol.js';

/**
 * Chromium's `RTCRtpSendParameters` carries `degradationPreference`
 * (webrtc-pc "RTCDegradationPreference"); the DOM typings dropped it.
 */
type SendParameters = RTCRtpSendParameters & {
  degradationPreference?: 'maintain-framerate' | 'maintain-resolution' | 'balanced';
};

/** The send-only connection toward one viewer. */
export class Uplink extends PeerLink {
  readonly #senders: Record<TrackKind, RTCRtpSender>;
  /** What each sender should carry when not stalled (null: unpublished or muted). */
  readonly #wanted: Record<TrackKind, MediaStreamTrack | null> = { video: null, audio: null };
  #stall: ReturnType<typeof setTimeout> | undefined;

  constructor(viewerId: string, context: LinkContext) {
    super(viewerId, newPcId(), context);
    this.#senders = {
      video: this.pc.addTransceiver('video', { direction: 'sendonly' }).sender,
      audio: this.pc.addTransceiver('audio', { direction: 'sendonly' }).sender,
    };
  }

  /** Makes the offer and sends it to the viewer. */
  start(): Promise<unknown> {
    return this.step(async () => {
      await this.pc.setLocalDescription(await this.pc.createOffer());
      const { type, sdp } = this.pc.localDescription as RTCSessionDescription;
      this.relay({ type: 'sdp', to: this.peerId, pcId: this.pcId, description: { type: type as 'offer', sdp } });
    });
  }

  /** Applies the viewer's answer, then keeps the resolution when the CPU is short (decision 19). */
  acceptAnswer(answer: RTCSessionDescriptionInit): Promise<unknown> {
    return this.step(async () => {
      await this.pc.setRemoteDescription(answer);
      // A browser without degradationPreference still sends; only CPU adaptation differs.
      await this.#updateVideoParameters((p) => {
        p.degradationPreference = 'maintain-resolution';
      }).catch(() => undefined);
    });
  }

  /** The sender of `kind` (the microphone's audio level is read from its stats). */
  sender(kind: TrackKind): RTCRtpSender {
    return this.#senders[kind];
  }

  /** Sets what `kind` carries (null while unpublished or muted: no frames, a W3C pause). */
  setTrack(kind: TrackKind, track: MediaStreamTrack | null): void {
    this.#wanted[kind] = track;
    if (kind === 'video' && this.#stall) return;
    this.#senders[kind].replaceTrack(track).catch(() => undefined);
  }

  /**
   * Applies an impairment to this viewer's stream only. A stall sends no
   * frames for `stallMs` (`replaceTrack(null)`, then the track back), which
   * Chromium counts as exactly one freeze when under 5 s (TOOLCHAIN.md).
   */
  async impair(impairment: Impairment): Promise<void> {
    const { stallMs, maxBitrateKbps, scaleResolutionDownBy } = impairment;
    if (maxBitrateKbps !== undefined || scaleResolutionDownBy !== undefined) {
      await this.step(() =>
        this.#updateVideoParameters((p) => {
          for (const encoding of p.encodings) {
            if (maxBitrateKbps === 0) delete encoding.maxBitrate;
            else if (maxBitrateKbps !== undefined) encoding.maxBitrate = maxBitrateKbps * 1000;
            if (scaleResolutionDownBy !== undefined) encoding.scaleResolutionDownBy = scaleResolutionDownBy;
          }
        }),
      );
    }
    if (stallMs !== undefined) this.#stallFor(stallMs);
  }

  override close(): void {
    clearTimeout(this.#stall);
    this.#stall = undefined;
    super.close();
  }

  #stallFor(ms: number): void {
    clearTimeout(this.#stall);
    this.#senders.video.replaceTrack(null).catch(() => undefined);
    this.#stall = setTimeout(() => {
      this.#stall = undefined;
      if (!this.closed) this.setTrack('video', this.#wanted.video);
    }, ms);
  }

  async #updateVideoParameters(change: (p: SendParameters) => void): Promise<void> {
    if (this.closed) return;
    const sender = this.#senders.video;
    const parameters = sender.getParameters() as SendParameters;
    if (parameters.encodings.length === 0) parameters.encodings = [{}];
    change(parameters);
    await sender.setParameters(parameters);
  }
}

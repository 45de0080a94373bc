/**
 * One `RTCPeerConnection` of the mesh, seen from this browser: an
 * {@link Uplink} (this publisher → one viewer) or a {@link Downlink} (one
 * publisher → this viewer). Each has its own `pcId`, so ICE for a replaced
 * connection is ignored. Signalling steps run one at a time, so candidates
 * that arrive before the remote description wait for it.
 */
import type { ClientMessage } from './protocol.js';

/** Sends an SDP or ICE message through signalling. */
export type Relay = (message: Extract<ClientMessage, { type: 'sdp' | 'ice' }>) => void;

/** What every link of one session shares. */
export interface LinkContext {
  relay: Relay;
  /**
   * One DTLS certificate for every connection, made once per session: a new
   * `RTCPeerConnection` otherwise generates its own before its first offer or
   * answer, which delays every join.
   */
  certificates: RTCCertificate[];
}

/** Makes the shared certificate (ECDSA P-256, Chromium's default kind). */
export function generateCertificate(): Promise<RTCCertificate> {
  return RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as EcKeyGenParams);
}

/** The parts both link directions share. */
export abstract class PeerLink {
  readonly pc: RTCPeerConnection;
  /** The other end's user id. */
  readonly peerId: string;
  readonly pcId: string;
  protected readonly relay: Relay;
  #steps: Promise<unknown> = Promise.resolve();

  protected constructor(peerId: string, pcId: string, context: LinkContext) {
    // No ICE servers: the mesh runs on loopback, where host candidates connect directly.
    this.pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', certificates: context.certificates });
    this.peerId = peerId;
    this.pcId = pcId;
    this.relay = context.relay;
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.relay({ type: 'ice', to: peerId, pcId, candidate: candidate.toJSON() as ICE });
    };
  }

  /** Adds a remote ICE candidate once the remote description is in place. */
  addCandidate(candidate: RTCIceCandidateInit | null): void {
    if (!candidate) return;
    this.step(() => this.pc.addIceCandidate(candidate)).catch(() => undefined);
  }

  /** True once the connection was closed. */
  get closed(): boolean {
    return this.pc.signalingState === 'closed';
  }

  close(): void {
    this.pc.onicecandidate = null;
    this.pc.close();
  }

  /** Runs `work` after every earlier signalling step; a closed link skips it. */
  protected step<T>(work: () => Promise<T>): Promise<T | undefined> {
    const next = this.#steps.then(() => (this.closed ? undefined : work()));
    this.#steps = next.catch(() => undefined);
    return next;
  }
}

type ICE = Extract<ClientMessage, { type: 'ice' }>['candidate'];

/** A fresh id for a peer connection. */
export function newPcId(): string {
  return crypto.randomUUID();
}

/**
 * A UDP relay on loopback that drops a share of what one side sends: real
 * packet loss for a WebRTC path in the e2e tests, which Chromium gives no way
 * to inject on loopback (its DevTools `packetLoss` emulation left loopback
 * paths untouched in our runs). {@link routeThroughRelays} makes a page reach
 * the remote candidates it is given through relays, so that page's downlink
 * runs through them; the publisher must then learn the page's address from
 * the relayed checks alone (peer-reflexive), so it drops the candidates it is sent.
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import type { Page } from 'playwright-core';

/** One relay: the page sends to `port`, the relay forwards to the candidate it stands for. */
export interface LossyRelay {
  port: number;
  /** Share (0–1) of the candidate's packets toward the page that are dropped. */
  lossRatio: number;
  close(): void;
}

async function startRelay(address: string, port: number): Promise<LossyRelay> {
  const socket = createSocket('udp4');
  let page: RemoteInfo | undefined;
  const relay: LossyRelay = { port: 0, lossRatio: 0, close: () => socket.close() };
  socket.on('message', (message, from) => {
    if (from.address === address && from.port === port) {
      if (page && Math.random() >= relay.lossRatio) socket.send(message, page.port, page.address);
    } else {
      page = from;
      socket.send(message, port, address);
    }
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  relay.port = socket.address().port;
  return relay;
}

/**
 * From now on, `viewer` reaches every UDP candidate it is given through a
 * relay of its own (TCP candidates are dropped, since they would bypass it),
 * and `publisher` ignores remote candidates. Returns the relays made so far (it grows).
 */
export async function routeThroughRelays(viewer: Page, publisher: Page): Promise<LossyRelay[]> {
  const relays: LossyRelay[] = [];
  await viewer.exposeFunction('lrRelay', async (address: string, port: number) => {
    const relay = await startRelay(address, port);
    relays.push(relay);
    return relay.port;
  });
  await viewer.evaluate(() => {
    const add = RTCPeerConnection.prototype.addIceCandidate as (
      this: RTCPeerConnection,
      candidate?: RTCIceCandidateInit,
    ) => Promise<void>;
    RTCPeerConnection.prototype.addIceCandidate = async function (candidate?: RTCIceCandidateInit | null) {
      const parts = candidate?.candidate?.split(' ') ?? [];
      if (!candidate || parts.length < 6) return add.call(this, candidate ?? undefined);
      if (parts[2]?.toLowerCase() !== 'udp') return;
      const relay = (window as unknown as { lrRelay(a: string, p: number): Promise<number> }).lrRelay;
      const port = await relay(parts[4] as string, Number(parts[5]));
      parts[4] = '127.0.0.1';
      parts[5] = String(port);
      return add.call(this, { ...candidate, candidate: parts.join(' ') });
    };
  });
  await publisher.evaluate(() => {
    RTCPeerConnection.prototype.addIceCandidate = async () => {};
  });
  return relays;
}

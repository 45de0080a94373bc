/** Builds an Agora provider over the fake SDK, and records neutral events in order. */
import { type AgoraProvider, createAgoraProvider } from '../../src/agora/index.js';
import type { AgoraProviderOptions } from '../../src/agora/options.js';
import type { ProviderEventMap, ProviderJoinParams } from '../../src/provider.js';
import { FakeAgoraSdk } from './fake-agora-sdk.js';

/** A syntactically valid App ID (32 hex characters). */
export const APP_ID = '0123456789abcdef0123456789abcdef';

/** A provider on a fresh fake SDK. */
export function agoraOnFake(options: Partial<AgoraProviderOptions> = {}): {
  sdk: FakeAgoraSdk;
  provider: AgoraProvider;
} {
  const sdk = new FakeAgoraSdk();
  const provider = createAgoraProvider({ appId: APP_ID, sdk, ...options });
  return { sdk, provider };
}

/** Join parameters with a signal nobody aborts. */
export function joinParams(overrides: Partial<ProviderJoinParams> = {}): ProviderJoinParams {
  return {
    roomId: 'shop-42',
    userId: 'viewer-1',
    role: 'audience',
    signal: new AbortController().signal,
    ...overrides,
  };
}

const PROVIDER_EVENTS: (keyof ProviderEventMap)[] = [
  'connection-state-changed',
  'participant-joined',
  'participant-left',
  'participant-role-changed',
  'track-published',
  'track-unpublished',
  'track-muted',
  'track-unmuted',
  'network-quality',
  'audio-levels',
  'token-will-expire',
  'token-expired',
  'data-message',
  'relay-state-changed',
  'removed',
  'warning',
];

/** Every neutral event the provider emits, as `[name, ...args]`, in order. */
export function recordProviderEvents(provider: AgoraProvider): unknown[][] {
  const log: unknown[][] = [];
  for (const name of PROVIDER_EVENTS) {
    provider.events.on(name, (...args: unknown[]) => log.push([name, ...args]));
  }
  return log;
}

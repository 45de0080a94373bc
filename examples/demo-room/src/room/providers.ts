/**
 * Builds the provider the lobby chose: the local WebRTC provider by default,
 * Agora when an App ID is given. The Agora entry is imported only when
 * chosen, so the default page never loads it.
 */
import type { RtcProvider } from '@liveroom/core';
import { createLocalProvider } from '@liveroom/core/local';
import type { ProviderChoice } from '../app/url-params.js';

/** Creates the chosen provider; a bad App ID or URL rejects with `INVALID_CONFIG` naming the field. */
export async function createProvider(choice: {
  provider: ProviderChoice;
  signallingUrl: string;
  appId: string;
}): Promise<RtcProvider> {
  if (choice.provider === 'agora') {
    const { createAgoraProvider } = await import('@liveroom/core/agora');
    return createAgoraProvider({ appId: choice.appId });
  }
  return createLocalProvider({ signallingUrl: choice.signallingUrl });
}

/**
 * Builds the provider the lobby chose. The local provider is the default;
 * Agora needs an App ID. Each factory is looked up at run time, so the page
 * keeps working (with a clear message) while a provider is still being built.
 */
import { LiveroomError, type RtcProvider } from '@liveroom/core';
import * as local from '@liveroom/core/local';
import type { ProviderChoice } from '../app/url-params.js';

type Factory<O> = (options: O) => RtcProvider;

function factoryOf<O>(module: object, name: string, what: string): Factory<O> {
  const factory = (module as Record<string, unknown>)[name];
  if (typeof factory !== 'function') {
    throw new LiveroomError('NOT_SUPPORTED', `${what} is not available in this build yet (${name} is missing).`);
  }
  return factory as Factory<O>;
}

/** Creates the chosen provider; rejects with `NOT_SUPPORTED` when it is not built yet. */
export async function createProvider(choice: {
  provider: ProviderChoice;
  signallingUrl: string;
  appId: string;
}): Promise<RtcProvider> {
  if (choice.provider === 'agora') {
    const agora: object = await import('@liveroom/core/agora');
    return factoryOf<{ appId: string }>(agora, 'createAgoraProvider', 'The Agora provider')({ appId: choice.appId });
  }
  return factoryOf<{ signallingUrl: string }>(
    local,
    'createLocalProvider',
    'The local provider',
  )({ signallingUrl: choice.signallingUrl });
}

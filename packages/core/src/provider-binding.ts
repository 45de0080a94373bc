/**
 * How the room talks to its provider beyond the required methods: the
 * listeners it binds for one session, and reaching optional methods only when
 * the provider says it has them.
 */
import { LiveroomError } from './errors.js';
import type { EventListeners } from './listeners.js';
import type { ProviderCapabilities, ProviderEventMap, RtcProvider } from './provider.js';

/** One listener per provider event. */
export type ProviderListeners = Required<EventListeners<ProviderEventMap>>;

/** The provider methods a provider may leave out (each behind a capability). */
export type OptionalMethod = 'setRemoteVideoQuality' | 'sendData' | 'startRelay' | 'updateRelay' | 'stopRelay';

/**
 * The provider's optional `method`, bound to it, or `NOT_SUPPORTED` when the
 * provider lacks `capability` or the method.
 */
export function requireCapability<M extends OptionalMethod>(
  provider: RtcProvider,
  method: M,
  capability: keyof ProviderCapabilities,
): NonNullable<RtcProvider[M]> {
  const fn = provider[method];
  if (!provider.capabilities[capability] || typeof fn !== 'function') {
    throw new LiveroomError('NOT_SUPPORTED', `The ${provider.name} provider does not support ${capability}.`, {
      provider: provider.name,
    });
  }
  return fn.bind(provider) as NonNullable<RtcProvider[M]>;
}

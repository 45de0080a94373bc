/**
 * `@liveroom/hooks/react`: thin React hooks over the framework-agnostic
 * stores of `@liveroom/hooks`, each a `useSyncExternalStore` with selector
 * support. React is an optional peer dependency: only this entry imports it.
 *
 * @packageDocumentation
 */

export type { BattleClockSource } from '../pk/spectator.js';
export { useBattle, useBattleClock, usePk } from './battle-hooks.js';
export type { BattleView } from './battle-view.js';
export { useLayout, useStageContainer } from './layout-hooks.js';
export { useActiveSpeaker, useConnectionQuality, useLocalTracks, useParticipants, useRoom } from './room-hooks.js';
export { type Equality, type Selector, useStore } from './use-store.js';

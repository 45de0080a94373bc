/**
 * `@liveroom/hooks`: co-host PK battles and multi-guest layouts as
 * framework-agnostic stores (`subscribe` / `getSnapshot`). React bindings
 * live in `@liveroom/hooks/react`.
 *
 * @packageDocumentation
 */

export { MAX_GRID_TILES, MAX_SPEAKER_STRIP } from './layout/arrangements.js';
export { computeLayout } from './layout/compute-layout.js';
export { createLayoutStore, LayoutStore, type LayoutStoreOptions } from './layout/layout-store.js';
export type {
  Layout,
  LayoutInput,
  LayoutMode,
  LayoutParticipant,
  Rect,
  Size,
  Tile,
  TileArea,
  VacantSeat,
} from './layout/layout-types.js';
export { LAYOUT_MODES } from './layout/layout-types.js';
export {
  type BattleBroadcast,
  type BattleStateRequest,
  type BroadcastBattle,
  battleBroadcastSchema,
  battleStateRequestSchema,
} from './pk/battle-broadcast-messages.js';
export { type BattleClock, systemClock, type TimerHandle } from './pk/battle-clock.js';
export { decideOutcome, nextDeadline, remainingMs, scoreOf, serverNow } from './pk/battle-outcome.js';
export { battleReducer, battleTransition, IDLE_BATTLE } from './pk/battle-reducer.js';
export type { BattleRelayState } from './pk/battle-relay.js';
export { type BattleSnapshot, BattleStore, type BattleStoreOptions, createBattleStore } from './pk/battle-store.js';
export { type BattleTelemetry, battleTelemetry } from './pk/battle-telemetry.js';
export type {
  AcceptedBattle,
  ActiveBattle,
  BattleEndReason,
  BattleEvent,
  BattleInvite,
  BattleMemory,
  BattleOutcome,
  BattlePhase,
  BattleRejection,
  BattleScores,
  BattleState,
  BattleTimings,
  BattleTransition,
  CountdownBattle,
  EngagedBattleFields,
  IdleBattle,
  InvitedBattle,
  InvitingBattle,
  PkHost,
  ResultBattle,
  RunningBattle,
  RunningBattleFields,
  SettlingBattle,
} from './pk/battle-types.js';
export { DEFAULT_BATTLE_TIMINGS } from './pk/battle-types.js';
export {
  type CrossRoomMessenger,
  type CrossRoomMessengerEvent,
  createLocalPkTransport,
} from './pk/local-transport.js';
export {
  decodePkMessage,
  PK_PROTOCOL_VERSION,
  type PkMessage,
  type PkMessageBody,
  parsePkMessage,
  pkMessageSchema,
} from './pk/pk-messages.js';
export type { PkTransport, PkTransportEvent } from './pk/pk-transport.js';
export { createRoomDataPkTransport } from './pk/room-data-transport.js';
export {
  type BattleClockSource,
  broadcastBattle,
  createSpectatorStore,
  type SpectatorSnapshot,
  SpectatorStore,
  type SpectatorStoreOptions,
} from './pk/spectator.js';
export { shallowEqual } from './store/shallow-equal.js';
export { type ReadableStore, type StoreListener, Subscribable, ValueStore } from './store/subscribable.js';
export { type QualityByParticipant, type RoomSnapshot, type RoomStores, roomStores } from './stores/room-stores.js';
export type { LayoutChangeBody, PkEndBody, PkStartBody, TelemetryEmitter } from './telemetry.js';

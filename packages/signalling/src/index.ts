/**
 * `@liveroom/signalling`: the WebSocket signalling server of the embedded
 * local provider (`@liveroom/core/local`). It speaks the protocol whose zod
 * schemas live in `@liveroom/core/local`, keeps rooms in memory and relays
 * SDP, ICE, data and impairment requests between peers. Media never passes
 * through it: the browsers form a WebRTC mesh on loopback.
 *
 * @packageDocumentation
 */

export type { SignallingServer, SignallingServerOptions } from './server.js';
export { signallingServerOptionsSchema, startSignallingServer } from './server.js';
export type { RoomSnapshot } from './switchboard.js';

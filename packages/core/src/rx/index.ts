/**
 * `@liveroom/core/rx`: the room's events and state as rxjs observables.
 *
 * An opt-in entry, so apps that never use rxjs (most React and Vue apps read
 * the room through events or `@liveroom/hooks` stores) do not ship it. Needs
 * `rxjs` 7 installed beside `@liveroom/core` (an optional peer dependency).
 *
 * @packageDocumentation
 */
export { roomEvent$, roomState$ } from './observables.js';

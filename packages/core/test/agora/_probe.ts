import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';

type Pairs<T> = T extends {
  (event: infer E0, listener: infer L0): void;
  (event: infer E1, listener: infer L1): void;
  (event: infer E2, listener: infer L2): void;
  (event: infer E3, listener: infer L3): void;
  (event: infer E4, listener: infer L4): void;
  (event: infer E5, listener: infer L5): void;
  (event: infer E6, listener: infer L6): void;
  (event: infer E7, listener: infer L7): void;
  (event: infer E8, listener: infer L8): void;
  (event: infer E9, listener: infer L9): void;
  (event: infer E10, listener: infer L10): void;
  (event: infer E11, listener: infer L11): void;
  (event: infer E12, listener: infer L12): void;
  (event: infer E13, listener: infer L13): void;
  (event: infer E14, listener: infer L14): void;
  (event: infer E15, listener: infer L15): void;
  (event: infer E16, listener: infer L16): void;
  (event: infer E17, listener: infer L17): void;
  (event: infer E18, listener: infer L18): void;
  (event: infer E19, listener: infer L19): void;
  (event: infer E20, listener: infer L20): void;
  (event: infer E21, listener: infer L21): void;
  (event: infer E22, listener: infer L22): void;
  (event: infer E23, listener: infer L23): void;
  (event: infer E24, listener: infer L24): void;
  (event: infer E25, listener: infer L25): void;
  (event: infer E26, listener: infer L26): void;
  (event: infer E27, listener: infer L27): void;
  (event: infer E28, listener: infer L28): void;
}
  ?
      | [E0, L0]
      | [E1, L1]
      | [E2, L2]
      | [E3, L3]
      | [E4, L4]
      | [E5, L5]
      | [E6, L6]
      | [E7, L7]
      | [E8, L8]
      | [E9, L9]
      | [E10, L10]
      | [E11, L11]
      | [E12, L12]
      | [E13, L13]
      | [E14, L14]
      | [E15, L15]
      | [E16, L16]
      | [E17, L17]
      | [E18, L18]
      | [E19, L19]
      | [E20, L20]
      | [E21, L21]
      | [E22, L22]
      | [E23, L23]
      | [E24, L24]
      | [E25, L25]
      | [E26, L26]
      | [E27, L27]
      | [E28, L28]
  : never;
type AllPairs = Pairs<IAgoraRTCClient['on']>;
type Named = AllPairs extends infer P
  ? P extends [infer E, infer L]
    ? string extends E
      ? never
      : [E, L]
    : never
  : never;
export type AgoraClientListeners = { [P in Named as P[0] & string]: P[1] };
export type Args<E extends keyof AgoraClientListeners> = AgoraClientListeners[E] extends (...args: infer A) => unknown
  ? A
  : never;
const a: Args<'user-info-updated'> = [1, 'mute-video'];
const b: Args<'connection-state-change'> = ['CONNECTED', 'CONNECTING'];
// @ts-expect-error wrong
const c: Args<'user-info-updated'> = [1, 'nope'];
// @ts-expect-error unknown event
type D = Args<'nope'>;

export { a, b, c };

export type K = keyof AgoraClientListeners;
const k: K[] = ['peerconnection-state-change','stream-message'];
export {k};

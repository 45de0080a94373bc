/**
 * The event map of Agora's client, derived from the overloads of
 * `IAgoraRTCClient['on']` in the real declarations, so the fake client emits
 * exactly the arguments Agora declares for each event and the compiler
 * catches any drift.
 *
 * How: inferring from an overloaded function against a pattern of N call
 * signatures pairs the last N overloads with the pattern (TypeScript's
 * `inferFromSignatures`). Unused slots infer `unknown`, and Agora's
 * catch-all `on(event: string, listener: Function)` has `string` as its
 * event; both are dropped. The pattern has room for 40 overloads; Agora
 * 4.24.8 declares 29. Past 40 the earliest overloads would drop out, and
 * the fake's emits of them would stop compiling, so that too is caught.
 */
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';

type OverloadPairs<T> = T extends {
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
  (event: infer E29, listener: infer L29): void;
  (event: infer E30, listener: infer L30): void;
  (event: infer E31, listener: infer L31): void;
  (event: infer E32, listener: infer L32): void;
  (event: infer E33, listener: infer L33): void;
  (event: infer E34, listener: infer L34): void;
  (event: infer E35, listener: infer L35): void;
  (event: infer E36, listener: infer L36): void;
  (event: infer E37, listener: infer L37): void;
  (event: infer E38, listener: infer L38): void;
  (event: infer E39, listener: infer L39): void;
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
      | [E29, L29]
      | [E30, L30]
      | [E31, L31]
      | [E32, L32]
      | [E33, L33]
      | [E34, L34]
      | [E35, L35]
      | [E36, L36]
      | [E37, L37]
      | [E38, L38]
      | [E39, L39]
  : never;

type NamedPairs<P> = P extends [infer E, infer L]
  ? unknown extends E
    ? never
    : string extends E
      ? never
      : [E, L]
  : never;

type Pairs = NamedPairs<OverloadPairs<IAgoraRTCClient['on']>>;

/** Every event `IAgoraRTCClient.on()` declares, with its listener type. */
export type AgoraClientListeners = { [P in Pairs as P[0] & string]: P[1] };

/** The name of an Agora client event. */
export type AgoraClientEventName = keyof AgoraClientListeners;

/** The arguments Agora passes to listeners of `event`. */
export type AgoraClientEventArgs<E extends AgoraClientEventName> = AgoraClientListeners[E] extends (
  ...args: infer A
) => unknown
  ? A
  : never;

/**
 * ULID-style event ids (26 Crockford base-32 characters: 10 of epoch ms,
 * 16 of randomness), the shape `@liveroom/metrics/schema` requires. The
 * randomness comes from the caller, so a seeded run yields the same ids.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Encodes `ms` and 16 characters drawn from `random` (a function returning [0, 1)). */
export function ulid(ms: number, random: () => number = Math.random): string {
  let time = '';
  let rest = Math.floor(ms);
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[rest % 32]! + time;
    rest = Math.floor(rest / 32);
  }
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[Math.floor(random() * 32)]!;
  return time + tail;
}

/**
 * ULID-style event ids (https://github.com/ulid/spec): 10 Crockford base-32
 * characters of epoch ms, then 16 of randomness. Ids from one factory are
 * strictly increasing, even within one millisecond or when the clock steps
 * back, so they sort in emission order within a session.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The 80 random bits are two halves of 40 bits (8 characters each), exact in a double. */
const HALF = 2 ** 40;

/** `value` as `chars` base-32 digits, most significant first. */
function encode(value: number, chars: number): string {
  let rest = value;
  let out = '';
  for (let i = 0; i < chars; i += 1) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** Returns a function that makes monotonic ULIDs from `now()` (epoch ms) and `random()` ([0, 1)). */
export function createEventIdFactory(now: () => number, random: () => number): () => string {
  let lastMs = -1;
  let high = 0;
  let low = 0;
  return () => {
    const ms = Math.floor(now());
    if (ms > lastMs) {
      lastMs = ms;
      high = Math.floor(random() * HALF);
      low = Math.floor(random() * HALF);
    } else {
      // The next id in this ms: the randomness plus one; past its last value, on to the next ms (ULID spec).
      low = (low + 1) % HALF;
      if (low === 0) high = (high + 1) % HALF;
      if (low === 0 && high === 0) lastMs += 1;
    }
    return encode(lastMs, 10) + encode(high, 8) + encode(low, 8);
  };
}

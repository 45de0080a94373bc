/**
 * ULID-style event ids (https://github.com/ulid/spec): 10 Crockford base-32
 * characters of epoch ms, then 16 of randomness. Ids from one factory are
 * strictly increasing, even within one millisecond or when the clock steps
 * back, so they sort in emission order within a session.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

function encodeTime(ms: number): string {
  let rest = Math.floor(ms);
  let out = '';
  for (let i = 0; i < TIME_CHARS; i += 1) {
    out = ALPHABET[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/** Adds one to a base-32 digit array (big-endian); returns false when it overflowed. */
function increment(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    if ((digits[i] ?? 0) < 31) {
      digits[i] = (digits[i] ?? 0) + 1;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

/** Returns a function that makes monotonic ULIDs from `now()` (epoch ms) and `random()` ([0, 1)). */
export function createEventIdFactory(now: () => number, random: () => number): () => string {
  let lastMs = -1;
  const digits: number[] = [];
  return () => {
    const ms = Math.floor(now());
    if (ms > lastMs) {
      lastMs = ms;
      for (let i = 0; i < RANDOM_CHARS; i += 1) digits[i] = Math.floor(random() * 32) % 32;
    } else if (!increment(digits)) {
      lastMs += 1;
    }
    let id = encodeTime(lastMs);
    for (const digit of digits) id += ALPHABET[digit];
    return id;
  };
}

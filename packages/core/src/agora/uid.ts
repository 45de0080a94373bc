/**
 * User ids between liveroom (strings) and Agora (`UID = number | string`).
 * Agora treats integer uids and string "user accounts" as different users and
 * its media relay accepts integers only, so a liveroom id made of digits in
 * the 32-bit range joins as an integer and everything else as a string.
 */
import type { UID } from 'agora-rtc-sdk-ng';
import { LiveroomError } from '../errors.js';

const MAX_UID = 2 ** 32 - 1;

function asInteger(userId: string): number | undefined {
  if (!/^\d{1,10}$/.test(userId)) return undefined;
  const value = Number(userId);
  return value <= MAX_UID ? value : undefined;
}

/** The Agora uid a liveroom user id joins with. */
export function toAgoraUid(userId: string): UID {
  return asInteger(userId) ?? userId;
}

/** The liveroom id of an Agora uid. */
export function fromAgoraUid(uid: UID): string {
  return String(uid);
}

/** The integer uid Agora needs where strings are not accepted (media relay). */
export function numericUid(userId: string, what: string): number {
  const value = asInteger(userId);
  if (value === undefined) {
    throw new LiveroomError(
      'INVALID_CONFIG',
      `Agora's media relay needs integer user ids (0 to ${MAX_UID}); ${what} has "${userId}". Join with a numeric userId.`,
      { provider: 'agora' },
    );
  }
  return value;
}

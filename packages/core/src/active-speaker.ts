/**
 * Picks the active speaker from audio levels, for the speaker layout.
 * A speaker keeps the floor until someone is clearly louder, so the big
 * tile does not flicker between two people talking over each other.
 */
import type { AudioLevel } from './provider.js';

/** Levels below this (0–1) count as silence. */
export const SPEAKING_THRESHOLD = 0.05;
/** A challenger must be this much louder than the current speaker to take over. */
const TAKEOVER_MARGIN = 1.5;

/**
 * The id of the loudest participant (`''` for the local user), `undefined`
 * when nobody speaks.
 */
export function pickActiveSpeaker(levels: readonly AudioLevel[], current: string | undefined): string | undefined {
  const speaking = levels.filter((l) => l.level >= SPEAKING_THRESHOLD);
  if (speaking.length === 0) return undefined;
  const loudest = speaking.reduce((a, b) => (b.level > a.level ? b : a));
  const currentLevel = speaking.find((l) => (l.participantId ?? '') === current)?.level;
  if (currentLevel !== undefined && loudest.level < currentLevel * TAKEOVER_MARGIN) return current;
  return loudest.participantId ?? '';
}

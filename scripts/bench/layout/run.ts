/**
 * Layout and PK microbenchmarks. Prints µs per `computeLayout` call with 16
 * participants and per PK score update, each beside a trivial baseline
 * measured in the same run (an equal-split layout, a plain object spread),
 * with the ratio. No assertions: read the ratios, not the absolute times.
 *
 * Run: `pnpm exec tsx scripts/bench/layout/run.ts`
 */
import type { BattleEvent, BattleState, Layout, LayoutMode, LayoutParticipant, Rect } from '@liveroom/hooks';
import { battleReducer, computeLayout, IDLE_BATTLE } from '@liveroom/hooks';
import { microsPerCall, report } from './measure.ts';

const container = { width: 1920, height: 1080 };
const sixteen: LayoutParticipant[] = Array.from({ length: 16 }, (_, i) => ({
  id: `guest-${i}`,
  role: i === 0 ? 'host' : 'cohost',
}));

/** Baseline: 16 equal vertical strips, no validation, no seats, no aspect fitting. */
function equalSplit(participants: readonly LayoutParticipant[]): Rect[] {
  const width = container.width / participants.length;
  return participants.map((_, i) => ({ x: i * width, y: 0, width, height: container.height }));
}

const baselineLayout = microsPerCall(() => equalSplit(sixteen));
for (const mode of ['grid', 'speaker', 'nine-seat', 'host-plus-guests'] as LayoutMode[]) {
  let previous: Layout | undefined;
  // Alternate who is present, so seat bookkeeping runs as it does when guests come and go.
  const micros = microsPerCall((i) => {
    const participants = i % 2 === 0 ? sixteen : sixteen.slice(1);
    previous = computeLayout({ participants, container, mode, previous, activeSpeaker: sixteen[i % 16]!.id });
    return previous;
  });
  report(`computeLayout ${mode}, 16 participants`, micros, 'equal split of 16', baselineLayout);
}

const start: BattleEvent[] = [
  {
    type: 'invite_sent',
    battleId: 'pk-bench',
    inviter: { userId: 'alice', roomId: 'a' },
    invitee: { userId: 'bob', roomId: 'b' },
    sentAt: 0,
    timings: { inviteTimeoutMs: 1, countdownMs: 1, durationMs: 1e12, settleMs: 1, resultMs: 1 },
  },
  { type: 'accept', battleId: 'pk-bench' },
  { type: 'start', battleId: 'pk-bench', countdownAt: 0, activeAt: 0, endsAt: 1e12 },
  { type: 'tick', now: 0 },
];
const active = start.reduce(battleReducer, IDLE_BATTLE);
let seq = 0;
let state: BattleState = active;
const scoreMicros = microsPerCall((i) => {
  seq += 1;
  state = battleReducer(state, { type: 'score', battleId: 'pk-bench', seq, scores: { alice: i, bob: i * 2 } });
  return state;
}, 100_000);
let plain: Record<string, unknown> = { ...active };
const spreadMicros = microsPerCall((i) => {
  plain = { ...plain, scores: { alice: i, bob: i * 2 }, scoreSeq: i };
  return plain;
}, 100_000);
report('PK score update (battleReducer)', scoreMicros, 'plain object spread', spreadMicros);
if (state.phase !== 'active') throw new Error(`the benchmark left the active phase: ${state.phase}`);

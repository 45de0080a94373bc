/**
 * The PK score bar under the two halves of the stage: both scores as a
 * split bar, the countdown or time left, and the result. It reads a host's
 * own battle store or a viewer's spectator store the same way, through
 * `useBattle` from `@liveroom/hooks/react` (the battle and its time left);
 * the time comes from the inviter's timestamps and this room's clock
 * offset, so every page shows the same clock.
 */
import type { BattleState } from '@liveroom/hooks';
import { type BattleClockSource, useBattle } from '@liveroom/hooks/react';
import { createElement as h, type ReactNode } from 'react';

interface PkBarProps {
  /** The host's battle store, or the viewer's spectator store. */
  pk: BattleClockSource;
  /** Who is on the left and right halves of the stage. */
  left: string | undefined;
  right: string | undefined;
}

/** Phases in which the stage shows the battle. */
export function battleOnStage(battle: BattleState): boolean {
  return (
    battle.phase === 'countdown' ||
    battle.phase === 'active' ||
    battle.phase === 'settling' ||
    battle.phase === 'result'
  );
}

const clock = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function headline(battle: BattleState, leftMs: number, left: string, right: string): string {
  switch (battle.phase) {
    case 'countdown':
      return `PK starts in ${Math.ceil(leftMs / 1000)}…`;
    case 'active':
      return `${clock(leftMs)} left`;
    case 'settling':
      return 'Counting the last gifts…';
    case 'result': {
      if (battle.reason === 'opponent_left') return 'PK over: a host left';
      const a = battle.scores[left] ?? 0;
      const b = battle.scores[right] ?? 0;
      return a === b ? 'Draw!' : `${a > b ? left : right} wins!`;
    }
    default:
      return '';
  }
}

/** Reads the battle out of either store's snapshot. */
export const selectBattle = (snapshot: { battle: BattleState }): BattleState => snapshot.battle;

/** The bar, or nothing when no battle is on stage. */
export function PkBar({ pk, left, right }: PkBarProps): ReactNode {
  const { battle, remainingMs: leftMs } = useBattle(pk);
  if (!battleOnStage(battle) || !('scores' in battle) || !left || !right) return null;
  const a = battle.scores[left] ?? 0;
  const b = battle.scores[right] ?? 0;
  const share = a + b === 0 ? 50 : (a / (a + b)) * 100;
  const text = headline(battle, leftMs, left, right);
  return h(
    'div',
    { className: 'pk-bar', 'data-phase': battle.phase, role: 'status', 'aria-live': 'polite' },
    h(
      'div',
      { className: 'pk-scores', 'aria-label': `${left} ${a} points, ${right} ${b} points` },
      h('span', { className: 'pk-left', style: { width: `${share}%` } }, `${left} ${a}`),
      h('span', { className: 'pk-right', style: { width: `${100 - share}%` } }, `${b} ${right}`),
    ),
    h('p', { className: 'pk-headline', 'data-testid': 'pk-headline' }, text),
  );
}

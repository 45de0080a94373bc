import { safeParseTelemetryEvent } from '@liveroom/metrics/schema';
import { describe, expect, it } from 'vitest';
import { simulateAudience } from './audience.ts';

const now = 1_800_000_000_000;

describe('simulateAudience', () => {
  const audience = simulateAudience({ sessions: 60, seed: 42, now, model: { missingEndShare: 0.3 } });

  it('is reproducible from its seed', () => {
    expect(simulateAudience({ sessions: 60, seed: 42, now, model: { missingEndShare: 0.3 } }).events).toEqual(
      audience.events,
    );
    expect(simulateAudience({ sessions: 60, seed: 43, now }).events).not.toEqual(audience.events);
  });

  it('emits only events the metrics schemas accept, none in the future', () => {
    for (const event of audience.events) {
      const parsed = safeParseTelemetryEvent(event);
      expect(parsed.success ? [] : parsed.issues).toEqual([]);
      expect(event.ts).toBeLessThan(now);
    }
  });

  it('keeps seq gap-free per session and drops session_end exactly where the plan says', () => {
    const bySession = groupBy(audience.events);
    expect(bySession.size).toBe(60);
    const ended = [...bySession.values()].filter((events) => events.some((e) => e.type === 'session_end')).length;
    expect(ended).toBe(audience.plans.filter((plan) => plan.sendsEnd).length);
    for (const events of bySession.values()) {
      expect(events.map((e) => e.seq).sort((a, b) => a - b)).toEqual(events.map((_, i) => i));
    }
  });

  it('makes the reported totals match the plan', () => {
    const plans = new Map(audience.plans.map((plan) => [plan.sessionId, plan]));
    const ends = audience.events.filter((e) => e.type === 'session_end');
    expect(ends.length).toBeGreaterThan(30);
    for (const end of ends) {
      if (end.type !== 'session_end') continue;
      const plan = plans.get(end.sessionId)!;
      expect(end.body.dwellMs).toBe(plan.dwellMs);
      expect(end.body.total.stalledMs / end.body.total.watchMs).toBeCloseTo(plan.stallRatio, 9);
      expect(end.body.total.hdShare).toBeCloseTo(plan.hdShare, 3);
    }
  });
});

function groupBy<T extends { sessionId: string }>(events: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const event of events) map.set(event.sessionId, [...(map.get(event.sessionId) ?? []), event]);
  return map;
}

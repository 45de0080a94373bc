/**
 * The scenario runner on a fake clock: each step at its time, repeating
 * steps on their period, every run logged with its outcome, and nothing
 * after stop().
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario, type ScenarioStep } from '../src/impairment/scenario.js';
import { type Impair, ScenarioRunner } from '../src/impairment/scenario-runner.js';

const T0 = 1_800_000_000_000;

function scenario(text: string): ScenarioStep[] {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.steps;
}

let calls: { at: number; publisher: string; impairment: unknown }[];
let impair: Impair;
beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  calls = [];
  impair = async (publisher, impairment) => {
    calls.push({ at: Date.now() - T0, publisher, impairment });
  };
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ScenarioRunner', () => {
  it('waits for start(), then runs each step at its time against the target', async () => {
    const runner = new ScenarioRunner(scenario('res-360p@3s+cap-300kbps@1s'), impair);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toEqual([]);
    runner.start('host-a');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual([
      { at: 11_000, publisher: 'host-a', impairment: { maxBitrateKbps: 300 } },
      { at: 13_000, publisher: 'host-a', impairment: { scaleResolutionDownBy: 2 } },
    ]);
    expect(runner.getSnapshot().log).toEqual([
      { atS: 1, label: 'cap-300kbps@1s → host-a', ok: true },
      { atS: 3, label: 'res-360p@3s → host-a', ok: true },
    ]);
    runner.stop();
  });

  it('repeats a repeating step on its period', async () => {
    const runner = new ScenarioRunner(scenario('stall-every-5s-1500ms'), impair);
    runner.start('host-a');
    await vi.advanceTimersByTimeAsync(21_000);
    expect(calls.map((call) => call.at)).toEqual([5_000, 10_000, 15_000, 20_000]);
    expect(runner.getSnapshot().log.map((entry) => entry.atS)).toEqual([5, 10, 15, 20]);
    runner.stop();
  });

  it('logs a refused injection with the reason, and keeps the schedule going', async () => {
    let refuse = true;
    const runner = new ScenarioRunner(scenario('stall-every-2s-500ms'), async (publisher, impairment) => {
      if (refuse) {
        refuse = false;
        throw new Error('impairment needs the local provider');
      }
      await impair(publisher, impairment);
    });
    runner.start('host-a');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(runner.getSnapshot().log).toEqual([
      { atS: 2, label: 'stall-every-2s-500ms → host-a', ok: false, error: 'impairment needs the local provider' },
      { atS: 4, label: 'stall-every-2s-500ms → host-a', ok: true },
    ]);
    runner.stop();
  });

  it('keeps its first target and start time when started again', async () => {
    const runner = new ScenarioRunner(scenario('res-360p@2s'), impair);
    runner.start('host-a');
    await vi.advanceTimersByTimeAsync(1_000);
    runner.start('host-b');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runner.getSnapshot()).toMatchObject({ target: 'host-a', startedAt: T0 });
    expect(calls.map((call) => call.publisher)).toEqual(['host-a']);
    runner.stop();
  });

  it('runs nothing more after stop(), repeating steps included', async () => {
    const runner = new ScenarioRunner(scenario('stall-every-5s+res-360p@12s'), impair);
    runner.start('host-a');
    await vi.advanceTimersByTimeAsync(6_000);
    runner.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });

  it("logs the panel's own injections, at 0 s before a scenario starts", async () => {
    const runner = new ScenarioRunner([], impair);
    await runner.inject('host-a', 'stall 800 ms', { stallMs: 800 });
    expect(runner.getSnapshot().log).toEqual([{ atS: 0, label: 'stall 800 ms → host-a', ok: true }]);
    expect(calls).toEqual([{ at: 0, publisher: 'host-a', impairment: { stallMs: 800 } }]);
  });
});

/**
 * PK battles and the nine-seat stage on the local provider, in headless
 * Chromium (scripts/testing/fixtures/pk.html): four pages reused across the
 * scenarios. Host A and viewer V are in room `r1`; cohost B joins `r1`;
 * guest C first visits `r1`'s stage, then hosts room `r2` for a cross-room
 * battle, which ends once more when C leaves. No media: the stage layout and
 * the battle are under test.
 * Every wait polls for a state; nothing asserts on timing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../scripts/testing/harness.ts';
import type { BattleTimings } from '../src/index.js';

const POLL = { timeout: 30_000, interval: 100 };
/**
 * Short rounds; the result stays until dismissed, so polling cannot miss it.
 * The countdown is long enough for the viewer to read it on a loaded machine:
 * it reads the remaining time when the countdown broadcast arrives (at 1.5 s,
 * 2 of 7 runs on a shared 2-core machine saw it arrive after the countdown).
 */
const TIMINGS: BattleTimings = {
  inviteTimeoutMs: 30_000,
  countdownMs: 5_000,
  durationMs: 4_000,
  settleMs: 300,
  resultMs: 120_000,
};

let h: Harness;
let a: Page;
let b: Page;
let c: Page;
let v: Page;

function join(page: Page, roomId: string, userId: string, role: 'host' | 'cohost' | 'audience') {
  return page.evaluate((o) => window.pk.join(o), { signallingUrl: h.signallingUrl, roomId, userId, role });
}
const phaseOf = (page: Page) => page.evaluate(() => window.pk.battle().phase);
const stageOf = (page: Page) => page.evaluate(() => window.pk.stage());

beforeAll(async () => {
  h = await startHarness();
  const open = () => h.newPage('pk.html');
  [a, b, c, v] = await Promise.all([open(), open(), open(), open()]);
  await join(a, 'r1', 'host-a', 'host');
  await join(v, 'r1', 'viewer', 'audience');
  await v.evaluate(() => window.pk.watch('nine-seat'));
});

afterAll(async () => {
  await h?.close();
});

describe('nine-seat stage', () => {
  it('seats a guest who joins, and keeps everyone else in their seat when it leaves', async () => {
    await join(c, 'r1', 'guest-c', 'cohost');
    await expect.poll(async () => (await stageOf(v))?.seats['guest-c']?.seat, POLL).toBe(1);
    await join(b, 'r1', 'cohost-b', 'cohost');
    await expect
      .poll(async () => (await stageOf(v))?.seats, POLL)
      .toEqual({
        'host-a': { seat: 0, area: 'cell' },
        'guest-c': { seat: 1, area: 'cell' },
        'cohost-b': { seat: 2, area: 'cell' },
      });

    await c.evaluate(() => window.pk.leave());
    await expect
      .poll(async () => Object.keys((await stageOf(v))?.seats ?? {}).sort(), POLL)
      .toEqual(['cohost-b', 'host-a']);
    const after = await stageOf(v);
    // Without `previous`, cohost-b would slide into seat 1.
    expect(after?.seats).toEqual({ 'host-a': { seat: 0, area: 'cell' }, 'cohost-b': { seat: 2, area: 'cell' } });
    expect(after?.vacant).toContain(1);
  });
});

describe('PK in one room', () => {
  it('runs invite → accept → countdown → active → scores → result, and the viewer sees all of it on a split stage', async () => {
    await v.evaluate(() => window.pk.setMode('pk'));
    expect(await stageOf(v)).toMatchObject({
      mode: 'pk',
      seats: { 'host-a': { area: 'left' }, 'cohost-b': { area: 'right' } },
      scoreBar: true,
    });
    for (const page of [a, b]) await page.evaluate((t) => window.pk.startBattles(t), TIMINGS);

    await a.evaluate(() => window.pk.invite('cohost-b'));
    await expect.poll(() => phaseOf(b), POLL).toBe('invited');
    await b.evaluate(() => window.pk.accept());
    await expect.poll(() => phaseOf(a), POLL).toBe('active');
    await a.evaluate(() => window.pk.publishScore({ 'host-a': 3, 'cohost-b': 8 }));

    await expect.poll(() => v.evaluate(() => window.pk.spectator().phase), POLL).toBe('result');
    expect(await v.evaluate(() => window.pk.spectator())).toMatchObject({
      opponent: { userId: 'cohost-b', roomId: 'r1' },
      scores: { 'host-a': 3, 'cohost-b': 8 },
      outcome: 'loss',
      reason: 'time_up',
    });
    const seen = await v.evaluate(() => window.pk.seen());
    const order = ['countdown', 'active', 'result'].map((phase) => seen.phases.indexOf(phase));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] as number)))).toBe(true);
    expect(seen.countdownRemainingMs.some((ms) => ms > 0 && ms <= TIMINGS.countdownMs)).toBe(true);

    await expect
      .poll(() => b.evaluate(() => window.pk.battle()), POLL)
      .toMatchObject({
        phase: 'result',
        outcome: 'win',
        scores: { 'host-a': 3, 'cohost-b': 8 },
      });
    expect(await v.evaluate(() => window.pk.stage()?.mode)).toBe('pk');
    for (const page of [a, b]) await page.evaluate(() => window.pk.dismiss());
  });
});

describe('PK across rooms', () => {
  it('refuses a room that does not exist with a clear error', async () => {
    const refusal = await a.evaluate(() =>
      window.pk.invite('nobody', 'r9').then(
        () => 'sent',
        (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
      ),
    );
    expect(refusal).toMatch(/^INVALID_STATE: .*unknown-room.*No room "r9"/);
    expect(await phaseOf(a)).toBe('idle');
  });

  it('completes a battle between hosts of two rooms over the signalling server, without media relay', async () => {
    await join(c, 'r2', 'host-c', 'host');
    await c.evaluate((t) => window.pk.startBattles(t), TIMINGS);
    await a.evaluate(() => window.pk.invite('host-c', 'r2'));
    await expect
      .poll(() => c.evaluate(() => window.pk.battle()), POLL)
      .toMatchObject({
        phase: 'invited',
        opponent: { userId: 'host-a', roomId: 'r1' },
      });
    await c.evaluate(() => window.pk.accept());
    await expect.poll(() => phaseOf(a), POLL).toBe('active');
    await a.evaluate(() => window.pk.publishScore({ 'host-a': 5, 'host-c': 2 }));
    await expect.poll(() => c.evaluate(() => window.pk.battle().scores), POLL).toEqual({ 'host-a': 5, 'host-c': 2 });
    await c.evaluate(() => window.pk.end());

    const result = { phase: 'result', reason: 'ended_early', scores: { 'host-a': 5, 'host-c': 2 } };
    await expect.poll(() => a.evaluate(() => window.pk.battle()), POLL).toMatchObject({ ...result, outcome: 'win' });
    await expect.poll(() => c.evaluate(() => window.pk.battle()), POLL).toMatchObject({ ...result, outcome: 'loss' });
    // The local provider has no media relay; the battle went on without it.
    expect(await a.evaluate(() => window.pk.battle().relay)).toBe('unsupported');
    // r1's viewer follows its host into the cross-room battle.
    await expect
      .poll(() => v.evaluate(() => window.pk.spectator()), POLL)
      .toMatchObject({
        ...result,
        opponent: { userId: 'host-c', roomId: 'r2' },
      });
  });

  it('ends the battle as opponent_left when the host in the other room leaves', async () => {
    for (const page of [a, c]) await page.evaluate(() => window.pk.dismiss());
    await a.evaluate(() => window.pk.invite('host-c', 'r2'));
    await expect.poll(() => phaseOf(c), POLL).toBe('invited');
    await c.evaluate(() => window.pk.accept());
    await expect.poll(() => phaseOf(a), POLL).toMatch(/^(countdown|active)$/);
    await c.evaluate(() => window.pk.leave());
    await expect
      .poll(() => a.evaluate(() => window.pk.battle()), POLL)
      .toMatchObject({
        phase: 'result',
        outcome: 'opponent_left',
        reason: 'opponent_left',
      });
  });
});

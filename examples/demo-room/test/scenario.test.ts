/**
 * The `?scenario=` parser: what each step asks the publisher for, when, and
 * the reason a bad link is refused before a run starts.
 */
import { describe, expect, it } from 'vitest';
import { CAPTURE_HEIGHT, type ParsedScenario, parseScenario } from '../src/impairment/scenario.js';

/** The steps of a scenario that must parse. */
function steps(text: string) {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error(`expected "${text}" to parse, got: ${parsed.reason}`);
  return parsed.steps;
}

/** The reason a scenario that must not parse gives. */
function reason(text: string): string {
  const parsed: ParsedScenario = parseScenario(text);
  if (parsed.ok) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(parsed.steps)}`);
  return parsed.reason;
}

describe('parseScenario: valid steps', () => {
  it.each([
    ['stall-every-20s', { impairment: { stallMs: 2000 }, atS: 20, everyS: 20 }],
    ['stall-every-5s-1500ms', { impairment: { stallMs: 1500 }, atS: 5, everyS: 5 }],
    ['stall-once-1500ms', { impairment: { stallMs: 1500 }, atS: 5 }],
    ['res-360p', { impairment: { scaleResolutionDownBy: 2 }, atS: 5 }],
    ['res-180p', { impairment: { scaleResolutionDownBy: 4 }, atS: 5 }],
    ['res-720p', { impairment: { scaleResolutionDownBy: 1 }, atS: 5 }],
    ['cap-300kbps', { impairment: { maxBitrateKbps: 300 }, atS: 5 }],
    ['cap-0kbps', { impairment: { maxBitrateKbps: 0 }, atS: 5 }],
    ['res-360p@12s', { impairment: { scaleResolutionDownBy: 2 }, atS: 12 }],
    ['res-360p@0s', { impairment: { scaleResolutionDownBy: 2 }, atS: 0 }],
    ['cap-300kbps@2.5s', { impairment: { maxBitrateKbps: 300 }, atS: 2.5 }],
    ['stall-once-800ms@7', { impairment: { stallMs: 800 }, atS: 7 }],
    ['stall-every-10s@3s', { impairment: { stallMs: 2000 }, atS: 3, everyS: 10 }],
  ])('%s', (text, expected) => {
    expect(steps(text)).toEqual([{ label: text, ...expected }]);
  });

  it('keeps a one-off step a one-off: no period', () => {
    expect(steps('stall-once-1500ms')[0]).not.toHaveProperty('everyS');
  });

  it('scales from the 720p capture, down to the smallest size the provider sends', () => {
    expect(CAPTURE_HEIGHT).toBe(720);
    expect(steps(`res-${CAPTURE_HEIGHT / 16}p`)[0]?.impairment.scaleResolutionDownBy).toBe(16);
  });

  it('reads steps in order, joined by +', () => {
    const parsed = steps('stall-every-5s-1500ms+res-360p@3s+cap-300kbps');
    expect(parsed.map((step) => step.label)).toEqual(['stall-every-5s-1500ms', 'res-360p@3s', 'cap-300kbps']);
    expect(parsed.map((step) => step.atS)).toEqual([5, 3, 5]);
  });

  it('also splits on spaces: URLSearchParams turns a + typed in the address bar into one', () => {
    const typed = new URLSearchParams('?scenario=stall-every-5s-1500ms+res-360p@3s').get('scenario') ?? '';
    expect(typed).toBe('stall-every-5s-1500ms res-360p@3s');
    expect(steps(typed)).toEqual(steps('stall-every-5s-1500ms+res-360p@3s'));
  });

  it('ignores empty steps and surrounding blanks', () => {
    expect(steps('')).toEqual([]);
    expect(steps('   ')).toEqual([]);
    expect(steps('++res-360p++ ')).toEqual(steps('res-360p'));
  });

  it('accepts upper case, as people type it', () => {
    expect(steps('RES-360P@3S')[0]).toMatchObject({ impairment: { scaleResolutionDownBy: 2 }, atS: 3 });
  });

  it('keeps repeated steps: each one runs', () => {
    expect(steps('stall-once-500ms@2s+stall-once-500ms@4s').map((step) => step.atS)).toEqual([2, 4]);
  });
});

describe('parseScenario: refused with a reason that names the step', () => {
  it.each([
    ['stall-every-20', /"stall-every-20" is not a step \(try stall-every-20s/],
    ['stall', /"stall" is not a step/],
    ['res-hd', /"res-hd" is not a step/],
    ['res--360p', /is not a step/],
    ['cap-300', /"cap-300" is not a step/],
    ['stall-once-1.5s', /is not a step/],
    ['res-360p;cap-300kbps', /is not a step/],
  ])('%s', (text, message) => {
    expect(reason(text)).toMatch(message);
  });

  it('stops at the first bad step, naming it', () => {
    expect(reason('res-360p+oops+cap-300kbps')).toMatch(/^"oops" is not a step/);
  });

  it.each(['res-360p@', 'res-360p@soon', 'res-360p@-3s', 'res-360p@0x10s', 'res-360p@1e3s', 'res-360p@3s@5s'])(
    'a time after @ that is not plain seconds: %s',
    (text) => {
      expect(reason(text)).toBe(`"${text}": the time after @ must be seconds, e.g. @10s.`);
    },
  );

  it.each(['res-0p', 'res-1080p', 'res-44p'])('a height the 720p capture cannot give: %s', (text) => {
    expect(reason(text)).toBe(`"${text}": pick a height from 45p to 720p.`);
  });

  it.each(['stall-once-0ms', 'stall-once-60001ms', 'stall-every-120s-0ms'])(
    'a stall length outside 1–60000 ms: %s',
    (text) => {
      expect(reason(text)).toBe(`"${text}": a stall lasts 1 to 60000 ms.`);
    },
  );

  it('a bitrate cap the local provider refuses', () => {
    expect(reason('cap-100001kbps')).toMatch(/100000 kbps or less/);
    expect(steps('cap-100000kbps')).toHaveLength(1);
  });

  it('a period shorter than a second', () => {
    expect(reason('stall-every-0s')).toBe('"stall-every-0s": repeat every 1 to 86400 s.');
  });

  it('a stall as long as its period, which would never let the picture resume', () => {
    expect(reason('stall-every-2s')).toMatch(/each stall must end before the next one starts/);
    expect(reason('stall-every-5s-5000ms')).toMatch(/each stall must end/);
    expect(steps('stall-every-5s-4999ms')).toHaveLength(1);
  });

  it('times a browser timer cannot hold (it would fire at once, again and again)', () => {
    expect(reason('stall-every-99999999999s')).toMatch(/repeat every 1 to 86400 s/);
    expect(reason('res-360p@86401s')).toMatch(/start within 86400 s/);
    expect(steps('res-360p@86400s')[0]?.atS).toBe(86_400);
  });
});

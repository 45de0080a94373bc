/**
 * Scripted impairment scenarios from the `?scenario=` URL parameter, so a QA
 * run is one reproducible link. A scenario is steps joined by `+`:
 *
 * - `stall-every-20s` — a 2 s stall every 20 s (`stall-every-20s-1500ms` sets the length);
 * - `stall-once-1500ms` — one stall, 5 s in;
 * - `res-360p` — the publisher sends 360p (from its 720p capture), 5 s in;
 * - `cap-300kbps` — caps the publisher's bitrate, 5 s in;
 * - `@<N>s` after any one-off step moves it: `res-360p@12s`.
 *
 * Times count from the moment the target's video first plays.
 */

/** What one step asks the publisher for (the local provider's impairment shape). */
export interface ImpairmentRequest {
  stallMs?: number;
  maxBitrateKbps?: number;
  scaleResolutionDownBy?: number;
}

/** One step of a scenario: what to do, when first, and how often after that. */
export interface ScenarioStep {
  /** The text it was parsed from, for the panel's log. */
  label: string;
  impairment: ImpairmentRequest;
  /** Seconds from the start to the first run. */
  atS: number;
  /** Seconds between runs; absent for a one-off. */
  everyS?: number;
}

/** A parsed scenario, or the reason it could not be parsed. */
export type ParsedScenario = { ok: true; steps: ScenarioStep[] } | { ok: false; reason: string };

/** The height the publisher captures at (`room-session.ts` asks for 1280×720). */
export const CAPTURE_HEIGHT = 720;
const DEFAULT_AT_S = 5;
const DEFAULT_STALL_MS = 2000;

const PATTERNS: [RegExp, (m: RegExpMatchArray) => Omit<ScenarioStep, 'label' | 'atS'> & { atS?: number }][] = [
  [
    /^stall-every-(\d+)s(?:-(\d+)ms)?$/,
    (m) => ({ impairment: { stallMs: Number(m[2] ?? DEFAULT_STALL_MS) }, atS: Number(m[1]), everyS: Number(m[1]) }),
  ],
  [/^stall-once-(\d+)ms$/, (m) => ({ impairment: { stallMs: Number(m[1]) } })],
  [/^res-(\d+)p$/, (m) => ({ impairment: { scaleResolutionDownBy: CAPTURE_HEIGHT / Number(m[1]) } })],
  [/^cap-(\d+)kbps$/, (m) => ({ impairment: { maxBitrateKbps: Number(m[1]) } })],
];

/** Parses `?scenario=` text; an empty text is an empty scenario. */
export function parseScenario(text: string): ParsedScenario {
  const steps: ScenarioStep[] = [];
  for (const label of text.split('+').filter((part) => part.trim() !== '')) {
    const [body = '', at] = label.trim().split('@');
    const match = PATTERNS.map(([pattern, build]) => [body.match(pattern), build] as const).find(([m]) => m);
    if (!match?.[0]) {
      return {
        ok: false,
        reason: `"${label}" is not a step (try stall-every-20s, stall-once-1500ms, res-360p, cap-300kbps).`,
      };
    }
    const step = match[1](match[0]);
    const atS = at === undefined ? (step.atS ?? DEFAULT_AT_S) : Number(at.replace(/s$/, ''));
    const { scaleResolutionDownBy: scale, stallMs } = step.impairment;
    if (!Number.isFinite(atS) || atS < 0)
      return { ok: false, reason: `"${label}": the time after @ must be seconds, e.g. @10s.` };
    if (scale !== undefined && (scale < 1 || scale > 16)) {
      return { ok: false, reason: `"${label}": pick a height from ${CAPTURE_HEIGHT / 16}p to ${CAPTURE_HEIGHT}p.` };
    }
    if (stallMs !== undefined && (stallMs < 1 || stallMs > 60_000)) {
      return { ok: false, reason: `"${label}": a stall lasts 1 to 60000 ms.` };
    }
    if (step.everyS !== undefined && step.everyS < 1)
      return { ok: false, reason: `"${label}": repeat at most every 1 s.` };
    steps.push({
      label: label.trim(),
      impairment: step.impairment,
      atS,
      ...(step.everyS ? { everyS: step.everyS } : {}),
    });
  }
  return { ok: true, steps };
}

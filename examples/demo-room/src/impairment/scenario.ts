/**
 * Scripted impairment scenarios from the `?scenario=` URL parameter, so a QA
 * run is one reproducible link. A scenario is steps joined by `+` (or by
 * spaces: a `+` typed into the address bar reaches the page as a space):
 *
 * - `stall-every-20s` — a 2 s stall every 20 s (`stall-every-20s-1500ms` sets the length);
 * - `stall-once-1500ms` — one stall, 5 s in;
 * - `res-360p` — the publisher sends 360p (from its 720p capture), 5 s in;
 * - `cap-300kbps` — caps the publisher's bitrate, 5 s in;
 * - `@<N>s` after a step moves it (a repeating step, its first run): `res-360p@12s`.
 *
 * Times count from the moment the target's video first plays. Every figure
 * is checked against what the local provider's `impair()` accepts, so a bad
 * link fails when it is read, not halfway through a run.
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
/** Longest delay or period, a day: a timer past 2³¹ ms (24.8 days) fires at once, turning a step into a storm. */
const MAX_TIME_S = 86_400;
const AT_PATTERN = /^(\d+(?:\.\d+)?)s?$/i;

type StepShape = Omit<ScenarioStep, 'label' | 'atS'> & { atS?: number };

const PATTERNS: [RegExp, (m: RegExpMatchArray) => StepShape][] = [
  [
    /^stall-every-(\d+)s(?:-(\d+)ms)?$/i,
    (m) => ({ impairment: { stallMs: Number(m[2] ?? DEFAULT_STALL_MS) }, atS: Number(m[1]), everyS: Number(m[1]) }),
  ],
  [/^stall-once-(\d+)ms$/i, (m) => ({ impairment: { stallMs: Number(m[1]) } })],
  [/^res-(\d+)p$/i, (m) => ({ impairment: { scaleResolutionDownBy: CAPTURE_HEIGHT / Number(m[1]) } })],
  [/^cap-(\d+)kbps$/i, (m) => ({ impairment: { maxBitrateKbps: Number(m[1]) } })],
];

/** Why `step` cannot run (the local provider's limits), or `undefined` when it can. */
function refusal({ impairment, atS, everyS }: Omit<ScenarioStep, 'label'>): string | undefined {
  const { scaleResolutionDownBy: scale, stallMs, maxBitrateKbps: kbps } = impairment;
  if (everyS !== undefined && !(everyS >= 1 && everyS <= MAX_TIME_S)) return `repeat every 1 to ${MAX_TIME_S} s.`;
  if (atS > MAX_TIME_S) return `start within ${MAX_TIME_S} s.`;
  if (scale !== undefined && !(scale >= 1 && scale <= 16)) {
    return `pick a height from ${CAPTURE_HEIGHT / 16}p to ${CAPTURE_HEIGHT}p.`;
  }
  if (stallMs !== undefined && !(stallMs >= 1 && stallMs <= 60_000)) return 'a stall lasts 1 to 60000 ms.';
  if (kbps !== undefined && !(kbps <= 100_000)) return 'cap the bitrate at 100000 kbps or less (0 lifts the cap).';
  if (everyS !== undefined && stallMs !== undefined && stallMs >= everyS * 1000) {
    return 'each stall must end before the next one starts.';
  }
  return undefined;
}

/** Parses one step, or says why it is not one. */
function parseStep(label: string): ScenarioStep | { reason: string } {
  const [body = '', ...at] = label.split('@');
  const match = PATTERNS.map(([pattern, build]) => [body.match(pattern), build] as const).find(([m]) => m);
  if (!match?.[0]) {
    return { reason: `"${label}" is not a step (try stall-every-20s, stall-once-1500ms, res-360p, cap-300kbps).` };
  }
  const step = match[1](match[0]);
  const atText = at.length === 1 ? AT_PATTERN.exec(at[0] ?? '')?.[1] : undefined;
  if (at.length > 0 && atText === undefined)
    return { reason: `"${label}": the time after @ must be seconds, e.g. @10s.` };
  const parsed: ScenarioStep = {
    label,
    impairment: step.impairment,
    atS: atText === undefined ? (step.atS ?? DEFAULT_AT_S) : Number(atText),
    ...(step.everyS === undefined ? {} : { everyS: step.everyS }),
  };
  const reason = refusal(parsed);
  return reason === undefined ? parsed : { reason: `"${label}": ${reason}` };
}

/** Parses `?scenario=` text; an empty text is an empty scenario. */
export function parseScenario(text: string): ParsedScenario {
  const steps: ScenarioStep[] = [];
  for (const label of text.split(/[+\s]+/).filter((part) => part !== '')) {
    const step = parseStep(label);
    if ('reason' in step) return { ok: false, reason: step.reason };
    steps.push(step);
  }
  return { ok: true, steps };
}

/**
 * The QA impairment panel (local provider only): stall the publisher's
 * sender toward this viewer for N ms, cap its bitrate, force a smaller
 * resolution, and run the `?scenario=` script. Impairment acts only on the
 * stream to this viewer (DESIGN.md decision 20).
 */
import type { RemoteParticipant, Room } from '@liveroom/core';
import { createElement as h, type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { CAPTURE_HEIGHT, type ImpairmentRequest, parseScenario } from './scenario.js';
import { type Impair, ScenarioRunner } from './scenario-runner.js';

interface ImpairmentPanelProps {
  room: Room;
  /** Remote publishers, host first. */
  publishers: readonly RemoteParticipant[];
  scenario: string;
}

/** The local provider's `impair()`, when the room runs on it. */
export function impairOf(room: Room): Impair | undefined {
  const provider = room.provider as { impair?: Impair };
  return typeof provider.impair === 'function' ? provider.impair.bind(provider) : undefined;
}

const HEIGHTS = [720, 480, 360, 180] as const;

/** The panel. */
export function ImpairmentPanel({ room, publishers, scenario }: ImpairmentPanelProps): ReactNode {
  const impair = useMemo(() => impairOf(room), [room]);
  const parsed = useMemo(() => parseScenario(scenario), [scenario]);
  const runner = useMemo(
    () => new ScenarioRunner(parsed.ok ? parsed.steps : [], impair ?? (async () => undefined)),
    [parsed, impair],
  );
  const run = useSyncExternalStore(runner.subscribe, runner.getSnapshot);
  const [target, setTarget] = useState('');
  const [stallMs, setStallMs] = useState(1500);
  const [kbps, setKbps] = useState(300);
  const [height, setHeight] = useState<number>(360);
  const chosen = publishers.find((p) => p.id === target) ?? publishers[0];
  const scenarioTarget = publishers.find((p) => p.videoTrack);

  useEffect(() => () => runner.stop(), [runner]);
  useEffect(() => {
    if (impair && scenarioTarget && parsed.ok && parsed.steps.length > 0) runner.start(scenarioTarget.id);
  }, [impair, scenarioTarget, parsed, runner]);

  if (!impair) {
    return h(
      'section',
      { className: 'panel', 'aria-labelledby': 'impair-title' },
      h('h2', { id: 'impair-title' }, 'Impairment'),
      h('p', { className: 'hint' }, 'Impairment needs the local provider.'),
    );
  }
  const send = (label: string, impairment: ImpairmentRequest) => {
    if (chosen) void runner.inject(chosen.id, label, impairment);
  };
  const disabled = !chosen;
  return h(
    'section',
    { className: 'panel impairment', 'aria-labelledby': 'impair-title' },
    h('h2', { id: 'impair-title' }, 'Impairment (QA)'),
    h(
      'div',
      { className: 'row' },
      h(
        'label',
        null,
        'Publisher ',
        h(
          'select',
          { value: chosen?.id ?? '', onChange: (e: { target: { value: string } }) => setTarget(e.target.value) },
          publishers.length === 0 && h('option', { value: '' }, 'nobody on stage'),
          publishers.map((p) => h('option', { key: p.id, value: p.id }, p.id)),
        ),
      ),
    ),
    h(
      'div',
      { className: 'row' },
      h('label', null, 'Stall ', numberInput(stallMs, setStallMs, 'stall-ms', 1, 60_000), ' ms'),
      h(
        'button',
        { type: 'button', disabled, onClick: () => send(`stall ${stallMs} ms`, { stallMs }) },
        'Inject stall',
      ),
    ),
    h(
      'div',
      { className: 'row' },
      h('label', null, 'Bitrate cap ', numberInput(kbps, setKbps, 'kbps', 0, 100_000), ' kbps'),
      h(
        'button',
        { type: 'button', disabled, onClick: () => send(`cap ${kbps} kbps`, { maxBitrateKbps: kbps }) },
        kbps === 0 ? 'Lift cap' : 'Cap bitrate',
      ),
    ),
    h(
      'div',
      { className: 'row' },
      h(
        'label',
        null,
        'Resolution ',
        h(
          'select',
          { value: height, onChange: (e: { target: { value: string } }) => setHeight(Number(e.target.value)) },
          HEIGHTS.map((v) => h('option', { key: v, value: v }, `${v}p`)),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          disabled,
          onClick: () => send(`res ${height}p`, { scaleResolutionDownBy: CAPTURE_HEIGHT / height }),
        },
        'Force resolution',
      ),
    ),
    h(
      'p',
      { className: parsed.ok ? 'hint' : 'field-error', role: parsed.ok ? undefined : 'alert' },
      parsed.ok
        ? scenario
          ? `Scenario "${scenario}": ${run.startedAt === undefined ? 'waits for video' : 'running'}.`
          : 'No scenario: add ?scenario=stall-every-20s to the URL.'
        : parsed.reason,
    ),
    run.log.length > 0 &&
      h(
        'ol',
        { className: 'injections', 'aria-label': 'Injected impairments' },
        run.log.map((r, i) =>
          h(
            'li',
            { key: i, 'data-ok': r.ok },
            `${r.atS.toFixed(1)} s · ${r.label}${r.ok ? '' : ` · failed: ${r.error}`}`,
          ),
        ),
      ),
  );
}

function numberInput(value: number, set: (v: number) => void, name: string, min: number, max: number): ReactNode {
  return h('input', {
    type: 'number',
    name,
    min,
    max,
    value,
    onChange: (e: { target: { value: string } }) => set(Math.min(max, Math.max(min, Number(e.target.value) || min))),
  });
}

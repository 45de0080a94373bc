/**
 * The telemetry panel: the events this page emitted, live, newest first,
 * and a link to the ingest's report of everything that arrived.
 */

import { demoConfig } from 'virtual:liveroom-demo';
import { createElement as h, type ReactNode, useSyncExternalStore } from 'react';
import type { TelemetryStatus } from './quality-telemetry.js';
import type { DemoTelemetryEvent, TelemetryLog } from './telemetry-log.js';

const SHOWN = 30;

/** A one-line summary of an event's body. */
function summary(event: DemoTelemetryEvent): string {
  const body = event.body as Record<string, unknown>;
  const keys = ['participantId', 'startupMs', 'durationMs', 'toHeight', 'reason', 'to', 'result', 'code'];
  return keys
    .filter((key) => body[key] !== undefined)
    .map((key) => `${key}=${String(body[key])}`)
    .join(' ');
}

/** The panel. */
export function TelemetryPanel({ log, status }: { log: TelemetryLog; status: TelemetryStatus | undefined }): ReactNode {
  const { events, total } = useSyncExternalStore(log.subscribe, log.getSnapshot);
  return h(
    'section',
    { className: 'panel telemetry', 'aria-labelledby': 'telemetry-title' },
    h('h2', { id: 'telemetry-title' }, 'Telemetry'),
    h(
      'p',
      { className: 'hint' },
      status?.state === 'recording'
        ? `${total} events sent to the collector. `
        : `Not recording: ${status?.reason ?? 'starting…'} `,
      h('a', { href: demoConfig.reportUrl, target: '_blank', rel: 'noreferrer' }, 'Open the report'),
    ),
    h(
      'ol',
      { className: 'events', 'aria-label': 'Emitted events', 'data-total': total },
      events
        .slice(0, SHOWN)
        .map((event) =>
          h(
            'li',
            { key: event.eventId, 'data-type': event.type },
            h('time', null, new Date(event.ts).toLocaleTimeString()),
            ' ',
            h('strong', null, event.type),
            ' ',
            h('span', { className: 'hint' }, summary(event)),
          ),
        ),
    ),
  );
}

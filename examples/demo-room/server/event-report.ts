/**
 * A one-page HTML summary of stored telemetry for the NDJSON store: sessions,
 * event counts by type and the latest events. The collector's own report
 * replaces it when `@liveroom/collector` is running.
 */
import type { TelemetryEvent } from '@liveroom/metrics/schema';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(head: string[], rows: string[][]): string {
  const cells = (tag: string, values: string[]) => values.map((v) => `<${tag}>${escapeHtml(v)}</${tag}>`).join('');
  return `<table><tr>${cells('th', head)}</tr>${rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</table>`;
}

/** Renders the report page for `events` (oldest first). */
export function renderEventReport(events: readonly TelemetryEvent[]): string {
  const byType = new Map<string, number>();
  const sessions = new Map<string, { roomId: string; role: string; count: number; last: number }>();
  for (const event of events) {
    byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
    const session = sessions.get(event.sessionId) ?? { roomId: event.roomId, role: event.role, count: 0, last: 0 };
    session.count += 1;
    session.last = Math.max(session.last, event.ts);
    sessions.set(event.sessionId, session);
  }
  const latest = events.slice(-50).reverse();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>liveroom telemetry</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:14px system-ui,sans-serif;margin:1.5rem;color:#111}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}th{background:#f3f3f3}</style></head><body>
<h1>Telemetry received</h1>
<p>${events.length} events from ${sessions.size} sessions, stored as NDJSON by the demo's stand-in ingest.</p>
<h2>Events by type</h2>
${table(
  ['type', 'count'],
  [...byType].sort().map(([type, n]) => [type, String(n)]),
)}
<h2>Sessions</h2>
${table(
  ['session', 'room', 'role', 'events', 'last event'],
  [...sessions].map(([id, s]) => [id, s.roomId, s.role, String(s.count), new Date(s.last).toISOString()]),
)}
<h2>Latest events</h2>
${table(
  ['time', 'type', 'room', 'role', 'seq'],
  latest.map((e) => [new Date(e.ts).toISOString(), e.type, e.roomId, e.role, String(e.seq)]),
)}
</body></html>`;
}

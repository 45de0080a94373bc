/**
 * The report as one self-contained HTML page: headline numbers, the effect
 * estimates, the charts (inline SVG) and every figure as a table, so the page
 * can be mailed or archived without its data file.
 */
import type { Chart } from './charts.js';
import type { RetentionReport } from './retention-report.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function format(value: unknown, key: string): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'number') return escapeHtml(String(value));
  if (/share|ratio/i.test(key) && Math.abs(value) <= 1) return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
}

function table(title: string, rows: readonly object[], hidden: readonly string[] = ['bucketOrder']): string {
  if (rows.length === 0) return `<h3>${escapeHtml(title)}</h3><p>No sessions yet.</p>`;
  const keys = Object.keys(rows[0]!).filter((key) => !hidden.includes(key));
  const head = keys.map((key) => `<th>${escapeHtml(key)}</th>`).join('');
  const body = rows
    .map((row) => {
      const record = row as Record<string, unknown>;
      return `<tr>${keys.map((key) => `<td>${format(record[key], key)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<h3>${escapeHtml(title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Renders the page. */
export function renderReportHtml(report: RetentionReport, charts: readonly Chart[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>liveroom: retention vs quality</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; max-width: 1200px; }
  table { border-collapse: collapse; margin-bottom: 1.5rem; }
  th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: right; }
  th { background: #f4f4f4; }
  td:first-child, th:first-child { text-align: left; }
  .charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
  figure { margin: 0; }
  .note { color: #666; }
</style>
</head>
<body>
<h1>Retention vs quality</h1>
<p class="note">Generated ${escapeHtml(report.generatedAt)}. Viewer sessions that are over; a session without
<code>session_end</code> is closed at its last heartbeat (decision 10). Durations use each session's own clock.
"Left early" means within ${report.earlyExitMs / 1000} s of joining.</p>
${table('Summary', report.summary)}
${table('Effect sizes (dwell s per stall-ratio point; HD − SD dwell s), with standard errors', report.effects)}
<div class="charts">
${charts.map((chart) => `<figure>${chart.svg}</figure>`).join('\n')}
</div>
${table('Dwell by stall ratio', report.dwellByStallRatio)}
${table('Dwell by HD share', report.dwellByHdShare)}
${table('Leaving within N s of a stall vs the baseline hazard', report.exitAfterStall)}
${table('Startup time vs early exit', report.startupVsEarlyExit)}
</body>
</html>
`;
}

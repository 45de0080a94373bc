/**
 * The report as the HTML page: figures, charts, page. One entry point shared
 * by the CLI and the service's admin route. Vega is loaded on first use, so
 * starting the ingest (and importing the package) does not pay for it.
 */
import { renderReportHtml } from './html-page.js';
import type { RetentionReport } from './retention-report.js';

/** Renders `report` as a self-contained HTML page with SVG charts. */
export async function renderReport(report: RetentionReport): Promise<string> {
  const { renderCharts } = await import('./charts.js');
  return renderReportHtml(report, await renderCharts(report));
}

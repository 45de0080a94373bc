/**
 * The report as the HTML page: figures, charts, page. One entry point shared
 * by the CLI and the service's admin route.
 */
import { renderCharts } from './charts.js';
import { renderReportHtml } from './html-page.js';
import type { RetentionReport } from './retention-report.js';

/** Renders `report` as a self-contained HTML page with SVG charts. */
export async function renderReport(report: RetentionReport): Promise<string> {
  return renderReportHtml(report, await renderCharts(report));
}

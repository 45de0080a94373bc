/**
 * The report's charts: Vega-Lite specs compiled to Vega and rendered to SVG
 * headless in Node (`View.toSVG()`), so the HTML page needs no script.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { RetentionReport } from './retention-report.js';

/** One rendered chart. */
export interface Chart {
  title: string;
  svg: string;
}

const WIDTH = 520;
const HEIGHT = 240;

function groupedBars(
  title: string,
  values: object[],
  x: { field: string; title: string; sort: string },
  y: { field: string; title: string; format?: string },
): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: {
        field: x.field,
        type: 'ordinal',
        title: x.title,
        sort: { field: x.sort },
        axis: { labelAngle: 0, labelLimit: 140 },
      },
      xOffset: { field: 'trafficSource', type: 'nominal' },
      y: { field: y.field, type: 'quantitative', title: y.title, ...(y.format ? { axis: { format: y.format } } : {}) },
      color: { field: 'trafficSource', type: 'nominal', title: 'Traffic source' },
    },
  };
}

/** The chart specs for a report (exported so tests and analysts can reuse them). */
export function chartSpecs(report: RetentionReport): TopLevelSpec[] {
  const bySource = <T extends { trafficSource: string }>(rows: T[]) => rows.filter((r) => r.trafficSource !== 'all');
  const exitRows = bySource(report.exitAfterStall).flatMap((row) => [
    { ...row, measure: `left ≤ ${row.windowS} s after a stall`, share: row.shareAfterStall ?? 0 },
    { ...row, measure: `baseline, any ${row.windowS} s`, share: row.baselineShare },
  ]);
  return [
    groupedBars(
      'Mean dwell time by stall ratio',
      bySource(report.dwellByStallRatio),
      { field: 'bucket', title: 'Stall ratio', sort: 'bucketOrder' },
      { field: 'meanDwellS', title: 'Mean dwell (s)' },
    ),
    groupedBars(
      'Mean dwell time by HD share',
      bySource(report.dwellByHdShare),
      { field: 'bucket', title: 'Share of watch time at ≥ 720p', sort: 'bucketOrder' },
      { field: 'meanDwellS', title: 'Mean dwell (s)' },
    ),
    groupedBars(
      'Leaving right after a stall vs the baseline hazard',
      exitRows,
      { field: 'measure', title: '', sort: 'windowS' },
      { field: 'share', title: 'Share', format: '.0%' },
    ),
    groupedBars(
      `Early exit (< ${report.earlyExitMs / 1000} s) by startup time`,
      bySource(report.startupVsEarlyExit),
      { field: 'bucket', title: 'Startup time', sort: 'bucketOrder' },
      { field: 'earlyExitShare', title: 'Share leaving early', format: '.0%' },
    ),
  ];
}

/** Renders every chart of the report to SVG. */
export async function renderCharts(report: RetentionReport): Promise<Chart[]> {
  return Promise.all(
    chartSpecs(report).map(async (spec) => {
      const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
      const svg = await view.toSVG();
      view.finalize();
      return { title: String(spec.title), svg };
    }),
  );
}

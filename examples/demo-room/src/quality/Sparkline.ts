/** A tiny SVG line chart: enough to see a stall (fps drops to 0) or a resolution step. */
import { createElement as h, type ReactNode } from 'react';
import { HISTORY_POINTS } from './tile-quality.js';

interface SparklineProps {
  values: readonly number[];
  /** Top of the scale; the line is clipped above it. */
  max: number;
  label: string;
  className?: string;
}

/** The chart, `HISTORY_POINTS` wide, newest point on the right. */
export function Sparkline({ values, max, label, className }: SparklineProps): ReactNode {
  const width = HISTORY_POINTS;
  const height = 20;
  const offset = width - values.length;
  const points = values
    .map((value, i) => `${offset + i},${(height - (Math.min(value, max) / max) * height).toFixed(1)}`)
    .join(' ');
  return h(
    'svg',
    { className: `sparkline ${className ?? ''}`, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
    h('polyline', {
      points,
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: 1.2,
      vectorEffect: 'non-scaling-stroke',
    }),
  );
}

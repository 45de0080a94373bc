/**
 * The per-tile quality overlay: resolution, frame rate, bitrate, stalls,
 * stall ratio, startup time, where the stall figures come from, the
 * connection quality, and a one-minute sparkline of the frame rate.
 */
import { createElement as h, type ReactNode, useState } from 'react';
import { Sparkline } from './Sparkline.js';
import type { TileQuality } from './tile-quality.js';

const NETWORK_WORDS = ['unknown', 'excellent', 'good', 'poor', 'bad', 'very bad', 'down'] as const;
const SOURCE_WORDS = {
  rvfc: 'rendered frames (rVFC)',
  'provider-stats': 'provider freeze counters',
  'frame-counters': 'frame counters',
} as const;

const fixed = (value: number | undefined, digits = 0, unit = '') =>
  value === undefined ? '–' : `${value.toFixed(digits)}${unit}`;

/** The overlay for one tile; collapsible so it never hides the picture for good. */
export function QualityOverlay({ quality }: { quality: TileQuality }): ReactNode {
  const [open, setOpen] = useState(true);
  const q = quality;
  const rows: [string, string, string][] = [
    ['resolution', 'Resolution', q.width && q.height ? `${q.width}×${q.height}` : '–'],
    ['fps', 'Frame rate', fixed(q.fps, 0, ' fps')],
    ['bitrate', 'Bitrate', fixed(q.bitrateKbps, 0, ' kbps')],
    ['stalls', 'Stalls', `${q.stallCount}${q.stalled ? ' (stalled now)' : ''}`],
    ['stall-ratio', 'Stall ratio', q.stallRatio === undefined ? '–' : `${(q.stallRatio * 100).toFixed(1)}%`],
    ['startup', 'Startup', fixed(q.startupMs, 0, ' ms')],
    ['source', 'Stall source', q.source ? SOURCE_WORDS[q.source] : '–'],
    ['network', 'Connection', q.uplink === undefined ? '–' : NETWORK_WORDS[q.uplink]],
  ];
  return h(
    'aside',
    { className: `quality${q.stalled ? ' quality-stalled' : ''}`, 'aria-label': 'Video quality' },
    h(
      'button',
      { type: 'button', className: 'quality-toggle', 'aria-expanded': open, onClick: () => setOpen(!open) },
      open ? 'Hide stats' : 'Stats',
    ),
    open &&
      h(
        'dl',
        null,
        rows.map(([key, label, value]) =>
          h('div', { key, 'data-metric': key }, h('dt', null, label), h('dd', null, value)),
        ),
      ),
    open && h(Sparkline, { values: q.fpsHistory, max: 30, label: 'Frame rate, last minute' }),
  );
}

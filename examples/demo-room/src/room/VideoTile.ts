/**
 * One video on the stage. Attaching goes through the SDK (`track.attach`),
 * which is how the quality collector finds the element (decision 5).
 */
import type { Track } from '@liveroom/core';
import { createElement as h, type ReactNode, useEffect, useRef } from 'react';

interface VideoTileProps {
  track: Track | undefined;
  label: string;
  /** Shown instead of the picture when there is no track. */
  placeholder: string;
  /** Drawn over the picture (the quality overlay). */
  overlay?: ReactNode;
  /** A data attribute for tests and styles: who this tile shows. */
  participant: string;
  /** Where the layout engine put the tile. */
  rect: { x: number; y: number; width: number; height: number };
  /** The tile's area in the layout (`main`, `strip`, `left`…), for styles. */
  area: string;
}

/** A tile with its video element, label and overlay. */
export function VideoTile({ track, label, placeholder, overlay, participant, rect, area }: VideoTileProps): ReactNode {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (!track || !element) return;
    track.attach(element);
    return () => {
      track.detach(element);
    };
  }, [track]);
  return h(
    'figure',
    {
      className: 'tile',
      'data-participant': participant,
      'data-area': area,
      style: { left: rect.x, top: rect.y, width: rect.width, height: rect.height },
    },
    track
      ? h('video', { ref: video, muted: true, playsInline: true })
      : h('div', { className: 'tile-empty' }, placeholder),
    h('figcaption', null, label),
    overlay,
  );
}

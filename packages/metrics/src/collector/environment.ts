/**
 * Everything the quality collector takes from the browser, behind one
 * interface, so unit tests drive time, visibility and frames by hand.
 */
import type { FrameSize } from '../accounting/resolution-account.js';

/**
 * A rendered frame: its time (epoch ms), size, and the element's
 * presented-frame counter when known. The browser environment reuses one
 * object per element, so a receiver copies what it keeps.
 *
 * @internal Exported only because {@link CollectorEnvironment} takes it.
 */
export interface RenderedFrame {
  /** When the frame was presented, epoch ms. */
  timeMs: number;
  /** Its size in px, when the browser reported one. */
  size: FrameSize | undefined;
  /** `VideoFrameCallbackMetadata.presentedFrames`: lets the collector see frames whose callbacks were skipped. */
  presentedFrames?: number;
}

/**
 * The collector's view of the browser.
 *
 * @internal Exported only because `QualityCollectorOptions.environment` (tests) takes it.
 */
export interface CollectorEnvironment {
  /** Epoch ms. */
  now(): number;
  /** A number in [0, 1), for session sampling and event ids. */
  random(): number;
  /** Starts a repeating timer; returns its handle. */
  setInterval(callback: () => void, ms: number): unknown;
  /** Stops a timer from {@link CollectorEnvironment.setInterval}. */
  clearInterval(handle: unknown): void;
  /** The page's visibility now (Page Visibility API). */
  visibility(): 'visible' | 'hidden';
  /** Subscribes to visibility changes; returns the unsubscribe function. */
  onVisibilityChange(listener: () => void): () => void;
  /** Subscribes to `pagehide`; returns the unsubscribe function. */
  onPageHide(listener: () => void): () => void;
  /**
   * Calls `onFrame` for every frame `element` renders, via
   * `requestVideoFrameCallback`; returns the stop function, or `undefined`
   * when the element or browser cannot report frames.
   */
  watchFrames(element: HTMLMediaElement, onFrame: (frame: RenderedFrame) => void): (() => void) | undefined;
  /** Where `debug` logs go. */
  log(message: string, data: unknown): void;
}

function watchVideoFrames(media: HTMLMediaElement, onFrame: (frame: RenderedFrame) => void) {
  // Only video elements have frame callbacks (and only in browsers that support them).
  const element = media as HTMLVideoElement;
  if (typeof element.requestVideoFrameCallback !== 'function') return undefined;
  const origin = performance.timeOrigin;
  let handle = 0;
  let stopped = false;
  // One frame object per element, refilled at every callback: ~20 callbacks a
  // second per video should allocate nothing (receivers copy what they keep).
  const size = { width: 0, height: 0 };
  const frame: Required<RenderedFrame> = { timeMs: 0, size, presentedFrames: 0 };
  const step = (now: DOMHighResTimeStamp, metadata: VideoFrameCallbackMetadata) => {
    if (stopped) return;
    frame.timeMs = origin + now;
    size.width = metadata.width;
    size.height = metadata.height;
    frame.presentedFrames = metadata.presentedFrames;
    onFrame(frame);
    handle = element.requestVideoFrameCallback(step);
  };
  handle = element.requestVideoFrameCallback(step);
  return () => {
    stopped = true;
    element.cancelVideoFrameCallback(handle);
  };
}

/** The real browser (or, without a `document`, a page that is always visible). */
export function browserEnvironment(): CollectorEnvironment {
  const doc = typeof document === 'undefined' ? undefined : document;
  const win = typeof window === 'undefined' ? undefined : window;
  return {
    now: () => Date.now(),
    random: () => Math.random(),
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    visibility: () => (doc?.visibilityState === 'hidden' ? 'hidden' : 'visible'),
    onVisibilityChange: (listener) => {
      doc?.addEventListener('visibilitychange', listener);
      return () => doc?.removeEventListener('visibilitychange', listener);
    },
    onPageHide: (listener) => {
      win?.addEventListener('pagehide', listener);
      return () => win?.removeEventListener('pagehide', listener);
    },
    watchFrames: watchVideoFrames,
    log: (message, data) => console.debug(message, data),
  };
}

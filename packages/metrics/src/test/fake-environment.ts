/**
 * A hand-driven {@link CollectorEnvironment} for unit tests: a manual clock
 * that runs interval callbacks as time advances, page visibility and
 * `pagehide` on demand, and frames pushed per element.
 */
import type { FrameSize } from '../accounting/resolution-account.js';
import type { CollectorEnvironment, RenderedFrame } from '../collector/environment.js';

interface Interval {
  callback: () => void;
  everyMs: number;
  nextMs: number;
}

/** The fake browser. */
export class FakeEnvironment implements CollectorEnvironment {
  time = 1_764_000_000_000;
  randomValue = 0.5;
  visibilityState: 'visible' | 'hidden' = 'visible';
  /** False makes `watchFrames` report that frame callbacks are not available. */
  frameCallbacks = true;
  readonly logged: unknown[] = [];
  readonly #intervals = new Map<number, Interval>();
  readonly #visibility = new Set<() => void>();
  readonly #pageHide = new Set<() => void>();
  readonly #frames = new Map<object, (frame: RenderedFrame) => void>();
  #nextHandle = 1;

  now = (): number => this.time;
  random = (): number => this.randomValue;

  setInterval(callback: () => void, ms: number): unknown {
    const handle = this.#nextHandle++;
    this.#intervals.set(handle, { callback, everyMs: ms, nextMs: this.time + ms });
    return handle;
  }

  clearInterval(handle: unknown): void {
    this.#intervals.delete(handle as number);
  }

  visibility(): 'visible' | 'hidden' {
    return this.visibilityState;
  }

  onVisibilityChange(listener: () => void): () => void {
    this.#visibility.add(listener);
    return () => this.#visibility.delete(listener);
  }

  onPageHide(listener: () => void): () => void {
    this.#pageHide.add(listener);
    return () => this.#pageHide.delete(listener);
  }

  watchFrames(element: HTMLMediaElement, onFrame: (frame: RenderedFrame) => void): (() => void) | undefined {
    if (!this.frameCallbacks) return undefined;
    this.#frames.set(element, onFrame);
    return () => this.#frames.delete(element);
  }

  log(_message: string, data: unknown): void {
    this.logged.push(data);
  }

  /** Moves the clock on, running interval callbacks when they fall due. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#intervals.values()].filter((i) => i.nextMs <= end).sort((a, b) => a.nextMs - b.nextMs)[0];
      if (!due) break;
      this.time = due.nextMs;
      due.nextMs += due.everyMs;
      due.callback();
    }
    this.time = end;
  }

  /** Renders frames in `element` at `fps` for `durationMs`. */
  play(element: object, durationMs: number, fps = 30, size: FrameSize = { width: 1280, height: 720 }): void {
    const start = this.time;
    const frames = Math.floor((durationMs * fps) / 1000 + 1e-9);
    for (let i = 1; i <= frames; i += 1) {
      this.advance(start + (i * 1000) / fps - this.time);
      this.#frames.get(element)?.({ timeMs: this.time, size });
    }
  }

  /** A frame on screen since `timeMs` whose callback runs only now (a busy main thread); the clock stays put. */
  lateFrame(element: object, timeMs: number, size: FrameSize = { width: 1280, height: 720 }): void {
    this.#frames.get(element)?.({ timeMs, size });
  }

  /** True while frames of `element` are being watched. */
  watching(element: object): boolean {
    return this.#frames.has(element);
  }

  hide(): void {
    this.visibilityState = 'hidden';
    for (const listener of this.#visibility) listener();
  }

  show(): void {
    this.visibilityState = 'visible';
    for (const listener of this.#visibility) listener();
  }

  pageHide(): void {
    for (const listener of this.#pageHide) listener();
  }
}

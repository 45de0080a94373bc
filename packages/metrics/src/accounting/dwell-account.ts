/**
 * Dwell accounting: how a viewer's stay splits into foreground and background
 * time (Page Visibility API) and into playing, stalled and paused time.
 *
 * Watch time = foreground playing + stalled (DESIGN.md decision 9). While the
 * page is hidden, playback states do not accrue: detection is suspended
 * there, because `requestVideoFrameCallback` stops and would report false
 * stalls. Paused time (the publisher muted or stopped sending, decision 8)
 * is kept out of watch time, as Mux keeps it out of rebuffer percentage.
 */

/** What the viewer's video is doing. `starting`: no frame rendered yet. */
export type PlaybackState = 'starting' | 'playing' | 'stalled' | 'paused';

/**
 * Additive dwell totals in ms. `dwellMs` = `foregroundMs` + `backgroundMs`;
 * the playback states split foreground time only (`starting` time, before the
 * first frame, is in `foregroundMs` but in none of them; nor is the time of
 * a stall seen live until its frame confirms or withdraws it).
 */
export interface DwellTotals {
  /** The whole stay so far: join call (or collector start) → now, in ms. */
  dwellMs: number;
  /** Time the page was visible (Page Visibility API), in ms. */
  foregroundMs: number;
  /** Time the page was hidden, in ms; no playback state accrues then (decision 9). */
  backgroundMs: number;
  /** Foreground time with frames rendering normally, in ms. */
  playingMs: number;
  /** Foreground time in a stall (freeze rule, decision 8), in ms: Mux's rebuffer duration. */
  stalledMs: number;
  /** Foreground time paused because the publisher muted or stopped sending (decision 8), in ms. */
  pausedMs: number;
  /** Foreground playing + stalled, in ms (decision 9): the denominator of stall ratio, as Mux's watch time is. */
  watchMs: number;
}

/** Tracks one viewer session. Times are any monotonic ms clock. */
export class DwellAccount {
  #sinceMs: number;
  #visible: boolean;
  #playback: PlaybackState = 'starting';
  #foregroundMs = 0;
  #backgroundMs = 0;
  #playingMs = 0;
  #stalledMs = 0;
  #pausedMs = 0;
  /** The stalled state is only a stall seen live, which its frame may still withdraw (decision 17). */
  #unconfirmed = false;
  /** Foreground time in such a stall, held out of every playback total until {@link DwellAccount.settleStall}. */
  #unconfirmedMs = 0;

  constructor(startMs: number, visible: boolean) {
    this.#sinceMs = startMs;
    this.#visible = visible;
  }

  /** True while the page is visible. */
  get visible(): boolean {
    return this.#visible;
  }

  /** The current playback state. */
  get playback(): PlaybackState {
    return this.#playback;
  }

  /** The page became visible or hidden at `atMs`. */
  setVisible(atMs: number, visible: boolean): void {
    this.#advance(atMs);
    this.#visible = visible;
  }

  /**
   * Playback changed at `atMs`. A time before the last change or sample is
   * clamped to it: time already reported is never moved between states.
   * `unconfirmed` marks a `stalled` state that is only a stall seen live,
   * which its frame may still withdraw: its time is held until the verdict,
   * so no total ever reports time that a withdrawal would take back.
   */
  setPlayback(atMs: number, state: PlaybackState, unconfirmed = false): void {
    this.#advance(atMs);
    this.#playback = state;
    this.#unconfirmed = unconfirmed;
  }

  /**
   * A stall seen live got its verdict at `atMs`: the time held since it
   * began is stalled time, or playing time when the stall was `withdrawn`
   * (as if it never happened). Returns the ms filed.
   */
  settleStall(atMs: number, withdrawn: boolean): number {
    this.#advance(atMs);
    const heldMs = this.#unconfirmedMs;
    this.#unconfirmedMs = 0;
    if (withdrawn) this.#playingMs += heldMs;
    else this.#stalledMs += heldMs;
    return heldMs;
  }

  /** Totals up to `nowMs`. */
  totals(nowMs: number): DwellTotals {
    this.#advance(nowMs);
    return {
      dwellMs: this.#foregroundMs + this.#backgroundMs,
      foregroundMs: this.#foregroundMs,
      backgroundMs: this.#backgroundMs,
      playingMs: this.#playingMs,
      stalledMs: this.#stalledMs,
      pausedMs: this.#pausedMs,
      watchMs: this.#playingMs + this.#stalledMs,
    };
  }

  #advance(atMs: number): void {
    const elapsed = atMs - this.#sinceMs;
    if (elapsed <= 0) return;
    this.#sinceMs = atMs;
    if (!this.#visible) {
      this.#backgroundMs += elapsed;
      return;
    }
    this.#foregroundMs += elapsed;
    if (this.#playback === 'playing') this.#playingMs += elapsed;
    else if (this.#playback === 'stalled') {
      if (this.#unconfirmed) this.#unconfirmedMs += elapsed;
      else this.#stalledMs += elapsed;
    } else if (this.#playback === 'paused') this.#pausedMs += elapsed;
  }
}

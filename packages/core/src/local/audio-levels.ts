/**
 * The local provider's `audio-levels` events: a timer that reads the levels
 * of the audio arriving over the mesh and reports them while there are any.
 */
import type { AudioLevel } from '../provider.js';
import type { Mesh } from './mesh.js';

/** Reports audio levels every interval while a session runs. */
export class AudioLevelReporter {
  readonly #mesh: () => Mesh | undefined;
  readonly #report: (levels: AudioLevel[]) => void;
  #timer: ReturnType<typeof setInterval> | undefined;

  /** `mesh` returns the session's mesh (none between sessions); `report` receives every non-empty reading. */
  constructor(mesh: () => Mesh | undefined, report: (levels: AudioLevel[]) => void) {
    this.#mesh = mesh;
    this.#report = report;
  }

  /** Starts reading the levels every `intervalMs`; 0 turns reporting off. */
  start(intervalMs: number): void {
    this.stop();
    if (intervalMs === 0) return;
    this.#timer = setInterval(() => {
      const levels = this.#mesh()?.audioLevels() ?? [];
      if (levels.length > 0) this.#report(levels);
    }, intervalMs);
  }

  /** Stops reporting (the session ended). */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

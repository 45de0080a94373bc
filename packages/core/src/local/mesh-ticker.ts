/**
 * A reading of the mesh's `getStats()` every interval while a session runs,
 * shared by the local provider's audio levels and network quality.
 */
import type { Mesh } from './mesh.js';

/** Reads the session's mesh every interval, one reading at a time, and hands each result on. */
export class MeshTicker<T> {
  readonly #mesh: () => Mesh | undefined;
  readonly #read: (mesh: Mesh) => Promise<T>;
  readonly #use: (value: T) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #reading = false;

  /**
   * `mesh` returns the session's mesh (none between sessions); `read` reads
   * it; `use` gets each result, unless the ticker stopped or restarted meanwhile.
   */
  constructor(mesh: () => Mesh | undefined, read: (mesh: Mesh) => Promise<T>, use: (value: T) => void) {
    this.#mesh = mesh;
    this.#read = read;
    this.#use = use;
  }

  /** Reads every `intervalMs` from now on; 0 reads never. */
  start(intervalMs: number): void {
    this.stop();
    if (intervalMs === 0) return;
    const timer = setInterval(() => void this.#tick(timer), intervalMs);
    this.#timer = timer;
  }

  /** Stops reading; a reading under way is dropped. Subclasses forget their state here too. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #tick(timer: ReturnType<typeof setInterval>): Promise<void> {
    const mesh = this.#mesh();
    // getStats() can outlast a short interval on a loaded machine: skip a tick rather than pile up.
    if (!mesh || this.#reading) return;
    this.#reading = true;
    try {
      const value = await this.#read(mesh);
      if (this.#timer === timer) this.#use(value);
    } catch {
      // A connection closed while being read; the next tick reads the mesh as it is then.
    } finally {
      this.#reading = false;
    }
  }
}

/**
 * A reading of the mesh's `getStats()` every interval while a session runs,
 * shared by the local provider's audio levels and network quality.
 *
 * Failures split in two. Expected ones say nothing: a link that closed while
 * it was read ({@link readOpenLink}: its peer left, a new offer replaced it,
 * or a reconnect or `leave()` closed the mesh), and any failure of a reading
 * that the session's end or a restart made moot. Those happen on every
 * leave and reconnect, and the next tick reads the mesh as it is then. Any
 * other failure is a bug that would repeat every tick, silently, for the rest
 * of the session: it becomes the provider's `warning`, once per distinct
 * failure (name and message) and session, and the ticker keeps reading, so a
 * transient bug costs one warning and a lasting one does not flood the app.
 */
import { LiveroomError } from '../errors.js';
import type { Mesh } from './mesh.js';
import type { PeerLink } from './peer-link.js';

/**
 * Distinct failures warned of per session, at most: a failure whose message
 * changes every tick (it names a counter, a time) still cannot flood the app.
 */
export const MAX_TICKER_WARNINGS = 5;

/** What a {@link MeshTicker} reads, and where its results and warnings go. */
export interface MeshReader<T> {
  /** What is read, for the warning's message (`'network quality'`). */
  what: string;
  /** The session's mesh (none between sessions). */
  mesh(): Mesh | undefined;
  /** Reads the mesh. */
  read(mesh: Mesh): Promise<T>;
  /** Gets each result, unless the ticker stopped or restarted meanwhile. */
  use(value: T): void;
  /** Receives a warning for each distinct unexpected failure (the provider's `warning` event). */
  warn(error: LiveroomError): void;
}

/**
 * Reads one link with `read`, or gives `undefined` when the link closed
 * while being read (`getStats()` of a closing connection may reject): an
 * expected failure. A failure of a link still open propagates.
 */
export async function readOpenLink<R>(link: PeerLink, read: () => Promise<R>): Promise<R | undefined> {
  try {
    return await read();
  } catch (error) {
    if (link.closed) return undefined;
    throw error;
  }
}

/** Reads the session's mesh every interval, one reading at a time, and hands each result on. */
export class MeshTicker<T> {
  readonly #reader: MeshReader<T>;
  #timer: ReturnType<typeof setInterval> | undefined;
  #reading = false;
  /** The failures warned of this session, by name and message. */
  #warned = new Set<string>();

  constructor(reader: MeshReader<T>) {
    this.#reader = reader;
  }

  /** Reads every `intervalMs` from now on; 0 reads never. */
  start(intervalMs: number): void {
    this.stop();
    if (intervalMs === 0) return;
    const timer = setInterval(() => void this.#tick(timer), intervalMs);
    this.#timer = timer;
  }

  /** True between `start()` with a non-zero interval and `stop()`: readings will follow. */
  protected get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Stops reading; a reading under way is dropped. Subclasses forget their state here too. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#warned = new Set();
  }

  async #tick(timer: ReturnType<typeof setInterval>): Promise<void> {
    const mesh = this.#reader.mesh();
    // getStats() can outlast a short interval on a loaded machine: skip a tick rather than pile up.
    if (!mesh || this.#reading) return;
    this.#reading = true;
    try {
      const value = await this.#reader.read(mesh);
      if (this.#timer === timer) this.#reader.use(value);
    } catch (error) {
      // A reading the session's end or a restart overtook is moot, whatever it threw.
      if (this.#timer === timer && this.#reader.mesh() === mesh) this.#warn(error);
    } finally {
      this.#reading = false;
    }
  }

  #warn(error: unknown): void {
    const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (this.#warned.has(failure) || this.#warned.size >= MAX_TICKER_WARNINGS) return;
    this.#warned.add(failure);
    const message = `Reading ${this.#reader.what} failed (${failure}); warned once, still reading every tick.`;
    this.#reader.warn(new LiveroomError('PROVIDER_ERROR', message, { provider: 'local', cause: error }));
  }
}

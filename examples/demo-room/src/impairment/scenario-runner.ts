/**
 * Plays a parsed scenario against one publisher: each step at its time,
 * repeating steps on their period, every run logged with its outcome, so
 * the panel (and a test) can tell what was injected when.
 */
import { SnapshotStore } from '../room/session-store.js';
import type { ImpairmentRequest, ScenarioStep } from './scenario.js';

/** One run of one step. */
export interface InjectionRecord {
  /** Seconds since the scenario started. */
  atS: number;
  label: string;
  ok: boolean;
  /** The provider's error message when the request failed. */
  error?: string;
}

/** Sends an impairment request to the publisher (the local provider's `impair()`). */
export type Impair = (publisherId: string, impairment: ImpairmentRequest) => Promise<void>;

/** The runner's state. */
export interface ScenarioRun {
  target: string | undefined;
  startedAt: number | undefined;
  log: readonly InjectionRecord[];
}

/** Runs steps against a target once {@link ScenarioRunner.start} is called. */
export class ScenarioRunner extends SnapshotStore<ScenarioRun> {
  readonly #steps: readonly ScenarioStep[];
  readonly #impair: Impair;
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(steps: readonly ScenarioStep[], impair: Impair) {
    super({ target: undefined, startedAt: undefined, log: [] });
    this.#steps = steps;
    this.#impair = impair;
  }

  /** Starts the clock against `target`; later calls are ignored. */
  start(target: string): void {
    if (this.getSnapshot().startedAt !== undefined) return;
    const startedAt = Date.now();
    this.update({ target, startedAt });
    for (const step of this.#steps) this.#schedule(step, step.atS * 1000);
  }

  /** Cancels every pending step. */
  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #schedule(step: ScenarioStep, delayMs: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void this.#run(step);
      if (step.everyS !== undefined) this.#schedule(step, step.everyS * 1000);
    }, delayMs);
    this.#timers.add(timer);
  }

  async #run(step: ScenarioStep): Promise<void> {
    const { target } = this.getSnapshot();
    if (target) await this.inject(target, step.label, step.impairment);
  }

  /** Sends one impairment now (the panel's buttons use it too) and logs the outcome. */
  async inject(target: string, label: string, impairment: ImpairmentRequest): Promise<void> {
    const { startedAt } = this.getSnapshot();
    const atS = startedAt === undefined ? 0 : Math.round((Date.now() - startedAt) / 100) / 10;
    let record: InjectionRecord;
    try {
      await this.#impair(target, impairment);
      record = { atS, label: `${label} → ${target}`, ok: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      record = { atS, label: `${label} → ${target}`, ok: false, error: message };
    }
    this.update({ log: [...this.getSnapshot().log, record] });
  }
}

/**
 * A tiny timer for microbenchmarks: runs a function in rounds after a
 * warm-up and reports the median microseconds per call, so one slow round
 * (the machine is shared) does not skew the figure.
 */

/** Median µs per call of `fn` over `rounds` rounds of `iterations` calls. */
export function microsPerCall(fn: (i: number) => unknown, iterations = 20_000, rounds = 7): number {
  let sink: unknown;
  for (let i = 0; i < iterations; i++) sink = fn(i);
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) sink = fn(i);
    perRound.push(((performance.now() - start) * 1000) / iterations);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return perRound.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

/** One line: the measured figure, its baseline from the same run, and their ratio. */
export function report(name: string, micros: number, baselineName: string, baselineMicros: number): void {
  const ratio = micros / baselineMicros;
  console.log(
    `${name.padEnd(42)} ${micros.toFixed(3).padStart(9)} µs   vs ${baselineName.padEnd(22)} ${baselineMicros
      .toFixed(3)
      .padStart(8)} µs   ratio ${ratio.toFixed(1)}×`,
  );
}

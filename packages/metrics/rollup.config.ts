import { libraryConfig } from '../../scripts/build/rollup.ts';

export default libraryConfig({
  dir: import.meta.dirname,
  entries: { index: 'src/index.ts', schema: 'src/schema/index.ts', otlp: 'src/otlp/index.ts', rx: 'src/rx/index.ts' },
  // Their declarations import main-entry types (`TelemetrySink`, `HttpBatchSinkOptions`, `TelemetryEvent`) from `@liveroom/metrics` itself.
  subpathFolders: ['otlp', 'rx'],
});

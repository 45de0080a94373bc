// The Node side as an npm user runs it: signalling and collector started by
// their published names, and a telemetry event validated with the DOM-free schema entry.
import { startCollector } from '@liveroom/collector';
import { safeParseTelemetryEvent } from '@liveroom/metrics/schema';
import { startSignallingServer } from '@liveroom/signalling';

const signalling = await startSignallingServer({ port: 0 });
const collector = await startCollector({ port: 0, host: '127.0.0.1', dbPath: ':memory:', writeKey: 'pack-check' });
const parsed = safeParseTelemetryEvent({ type: 'not-an-event' });
console.log(`signalling ${signalling.url}, collector ${collector.url}, bad event rejected: ${!parsed.success}`);
await Promise.all([signalling.close(), collector.close()]);

/**
 * A room on the core's fake provider, a collector on a {@link FakeEnvironment}
 * and every event it emits, for the collector's unit tests.
 */
import { createRoom, type ProviderStats, RemoteTrack, type Room } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import type { QualityCollectorOptions } from '../collector/options.js';
import { createQualityCollector, type QualityCollector } from '../collector/quality-collector.js';
import type { TelemetryEvent, TelemetryEventOf, TelemetryEventType } from '../schema/index.js';
import { createCallbackSink } from '../sinks/callback-sink.js';
import { FakeEnvironment } from './fake-environment.js';

const noObserver = { attached() {}, detached() {}, playbackBlocked() {} };

/** Everything a collector test drives. */
export interface CollectorFixture {
  env: FakeEnvironment;
  provider: FakeProvider;
  room: Room<FakeProvider>;
  collector: QualityCollector;
  events: TelemetryEvent[];
  /** Events of one type. */
  of<T extends TelemetryEventType>(type: T): TelemetryEventOf<T>[];
  /** Attaches a remote video of `participantId` to a new element and returns the element. */
  attachVideo(participantId: string): HTMLMediaElement;
  /** Makes `getStats()` answer with the next snapshot of `snapshots` at each call. */
  scriptStats(snapshots: Omit<ProviderStats, 'timestamp'>[]): void;
}

/** Builds a fixture; the collector is created before `join()`, as the docs ask. */
export function collectorFixture(options: QualityCollectorOptions = {}): CollectorFixture {
  const env = new FakeEnvironment();
  const provider = new FakeProvider();
  const room = createRoom({ provider, autoSubscribe: false });
  const events: TelemetryEvent[] = [];
  const collector = createQualityCollector(room, {
    ...options,
    sinks: [createCallbackSink((e) => events.push(e)), ...(options.sinks ?? [])],
    environment: env,
  });
  return {
    env,
    provider,
    room,
    collector,
    events,
    of: <T extends TelemetryEventType>(type: T) =>
      events.filter((e): e is TelemetryEventOf<T> & TelemetryEvent => e.type === type) as TelemetryEventOf<T>[],
    attachVideo(participantId) {
      const track = new RemoteTrack(participantId, 'video', { kind: 'video' } as MediaStreamTrack, noObserver);
      const element = { id: `${participantId}-video` } as unknown as HTMLMediaElement;
      room.emit('track-attached', track, element);
      return element;
    },
    scriptStats(snapshots) {
      let next = 0;
      provider.getStats = async () => ({
        timestamp: env.time,
        ...(snapshots[Math.min(next++, snapshots.length - 1)] ?? { remoteVideo: [], remoteAudio: [] }),
      });
    },
  };
}

// A viewer page as an npm user writes it: every browser entry point, imported
// by its published name. Type-checked under `bundler` and `node16`, then bundled.
import { createRoom, isLiveroomError, type LiveroomErrorCode } from '@liveroom/core';
import { createAgoraProvider } from '@liveroom/core/agora';
import { createLocalProvider } from '@liveroom/core/local';
import { roomState$ } from '@liveroom/core/rx';
import { FakeProvider } from '@liveroom/core/testing';
import { createLayoutStore } from '@liveroom/hooks';
import { useParticipants } from '@liveroom/hooks/react';
import { createCallbackSink, createQualityCollector, type TelemetryEvent } from '@liveroom/metrics';
import { createOtlpLogsSink } from '@liveroom/metrics/otlp';
import { createObservableSink } from '@liveroom/metrics/rx';
import { SCHEMA_VERSION } from '@liveroom/metrics/schema';

export const providers = { createAgoraProvider, FakeProvider };
export const integrations = { createOtlpLogsSink, createObservableSink, roomState$ };

const room = createRoom({ provider: createLocalProvider({ signallingUrl: 'ws://127.0.0.1:8787' }) });
const seen: TelemetryEvent[] = [];
export const collector = createQualityCollector(room, { sinks: [createCallbackSink((event) => seen.push(event))] });
export const layout = createLayoutStore({ room, mode: 'host-plus-guests', container: { width: 720, height: 1280 } });

/** A React component body: the hook must type-check against the published React peer. */
export function GuestCount(): number {
  return useParticipants(room, (people) => people.length);
}

export async function watch(roomId: string): Promise<LiveroomErrorCode | 'ok'> {
  try {
    await room.join({ roomId, role: 'audience' });
    return 'ok';
  } catch (error) {
    return isLiveroomError(error) ? error.code : 'PROVIDER_ERROR';
  }
}

console.log('telemetry schema version', SCHEMA_VERSION, seen.length);

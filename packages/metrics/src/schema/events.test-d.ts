import { describe, expectTypeOf, it } from 'vitest';
import type {
  MeasurementSource,
  QualitySampleBody,
  SessionEndBody,
  TelemetryBody,
  TelemetryEvent,
  TelemetryEventOf,
  TelemetryEventType,
} from './index.js';
import { parseTelemetryEvent } from './index.js';

describe('inferred telemetry types', () => {
  it('lists every event type', () => {
    expectTypeOf<TelemetryEventType>().toEqualTypeOf<
      | 'session_start'
      | 'first_frame'
      | 'quality_sample'
      | 'stall_start'
      | 'stall_end'
      | 'resolution_change'
      | 'role_change'
      | 'pk_start'
      | 'pk_end'
      | 'layout_change'
      | 'error'
      | 'session_end'
    >();
  });

  it('narrows the body by type', () => {
    const event = parseTelemetryEvent({});
    expectTypeOf(event).toEqualTypeOf<TelemetryEvent>();
    if (event.type === 'stall_end') expectTypeOf(event.body.durationMs).toEqualTypeOf<number>();
    if (event.type === 'session_end') expectTypeOf(event.body).toEqualTypeOf<SessionEndBody>();
  });

  it('types envelope fields', () => {
    expectTypeOf<TelemetryEvent['seq']>().toEqualTypeOf<number>();
    expectTypeOf<TelemetryEvent['role']>().toEqualTypeOf<'host' | 'cohost' | 'audience'>();
    expectTypeOf<TelemetryEvent['dropped']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<TelemetryEventOf<'pk_end'>['type']>().toEqualTypeOf<'pk_end'>();
  });

  it('types bodies', () => {
    expectTypeOf<QualitySampleBody['source']>().toEqualTypeOf<MeasurementSource>();
    expectTypeOf<MeasurementSource>().toEqualTypeOf<'rvfc' | 'provider-stats' | 'frame-counters'>();
    expectTypeOf<SessionEndBody['reason']>().toEqualTypeOf<'leave' | 'pagehide' | 'error' | 'kicked' | 'room_closed'>();
    expectTypeOf<TelemetryBody<'quality_sample'>['total']['hdShare']>().toEqualTypeOf<number | undefined>();
  });
});

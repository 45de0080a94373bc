import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type {
  ExitReason,
  exitReasonSchema,
  MeasurementSource,
  measurementSourceSchema,
  QualityCounters,
  QualityLimitationReason,
  qualityCountersSchema,
  qualityLimitationReasonSchema,
  TelemetryAttrs,
  TelemetryBodies,
  TelemetryContext,
  TelemetryEnvelope,
  TelemetryEventOf,
  TelemetryEventType,
  TierTimes,
  TrafficSource,
  telemetryAttrsSchema,
  telemetryBodySchemas,
  telemetryContextSchema,
  telemetryEnvelopeSchema,
  telemetryEventSchemas,
  tierTimesSchema,
  trafficSourceSchema,
} from './index.js';

// The event types are written out for their docs (and so the browser entry
// can export them without its schemas); these tests fail as soon as a schema
// parses something its type does not say, or the reverse.
describe('telemetry types equal what their schemas parse', () => {
  it('vocabulary', () => {
    expectTypeOf<MeasurementSource>().toEqualTypeOf<z.output<typeof measurementSourceSchema>>();
    expectTypeOf<TrafficSource>().toEqualTypeOf<z.output<typeof trafficSourceSchema>>();
    expectTypeOf<ExitReason>().toEqualTypeOf<z.output<typeof exitReasonSchema>>();
    expectTypeOf<QualityLimitationReason>().toEqualTypeOf<z.output<typeof qualityLimitationReasonSchema>>();
  });

  it('counters and context', () => {
    expectTypeOf<TierTimes>().toEqualTypeOf<z.output<typeof tierTimesSchema>>();
    expectTypeOf<QualityCounters>().toEqualTypeOf<z.output<typeof qualityCountersSchema>>();
    expectTypeOf<TelemetryAttrs>().toEqualTypeOf<z.output<typeof telemetryAttrsSchema>>();
    expectTypeOf<TelemetryContext>().toEqualTypeOf<z.output<typeof telemetryContextSchema>>();
  });

  it('envelope', () => {
    type WithType = TelemetryEnvelope & { type: string };
    expectTypeOf<{ [K in keyof WithType]: WithType[K] }>().toEqualTypeOf<z.output<typeof telemetryEnvelopeSchema>>();
  });

  it('every body and every event', () => {
    expectTypeOf<TelemetryBodies>().toEqualTypeOf<{
      [T in TelemetryEventType]: z.output<(typeof telemetryBodySchemas)[T]>;
    }>();
    expectTypeOf<{ [T in TelemetryEventType]: TelemetryEventOf<T> }>().toEqualTypeOf<{
      [T in TelemetryEventType]: z.output<(typeof telemetryEventSchemas)[T]>;
    }>();
  });
});

/**
 * Renders the event schemas as JSON Schema documents for data teams. Build
 * time only (decision 23): `z.toJSONSchema` is imported here and nowhere in
 * the browser entries, so it never ships in an app bundle.
 */
import * as z from 'zod/mini';
import { SCHEMA_NAME, SCHEMA_VERSION, telemetryEnvelopeSchema } from './envelope.js';
import { TELEMETRY_EVENT_TYPES, telemetryEventSchema, telemetryEventSchemas } from './events.js';

/** Where the committed JSON Schema files live, relative to the package root. */
export const JSON_SCHEMA_DIR = 'schema';

function render(schema: z.ZodMiniType, id: string, title: string): string {
  // `input` mode leaves objects open to extra keys, as the parser is (decision 13).
  const document = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' });
  const withId = {
    $schema: document.$schema,
    $id: `https://liveroom.dev/schema/${SCHEMA_NAME}/v${SCHEMA_VERSION}/${id}`,
    title,
    ...document,
  };
  return `${JSON.stringify(withId, null, 2)}\n`;
}

/** File name → JSON text: one file per event type, plus the envelope and the union. */
export function renderJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('envelope.schema.json', render(telemetryEnvelopeSchema, 'envelope.schema.json', 'Telemetry envelope'));
  files.set('event.schema.json', render(telemetryEventSchema, 'event.schema.json', 'Any telemetry event'));
  for (const type of TELEMETRY_EVENT_TYPES) {
    const name = `${type}.schema.json`;
    files.set(name, render(telemetryEventSchemas[type], name, `Telemetry event "${type}"`));
  }
  return files;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TELEMETRY_EVENT_TYPES } from './events.js';
import { JSON_SCHEMA_DIR, renderJsonSchemas } from './json-schema.js';

const dir = join(import.meta.dirname, '..', '..', JSON_SCHEMA_DIR);

describe('committed JSON Schema files', () => {
  const files = renderJsonSchemas();

  it('has one file per event type plus the envelope and the union', () => {
    expect([...files.keys()].sort()).toEqual(
      [...TELEMETRY_EVENT_TYPES.map((t) => `${t}.schema.json`), 'envelope.schema.json', 'event.schema.json'].sort(),
    );
  });

  it('match the zod schemas (run `pnpm --filter @liveroom/metrics schema:json` when this fails)', () => {
    expect(readdirSync(dir).sort()).toEqual([...files.keys()].sort());
    for (const [name, text] of files) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  });

  it('describe the body of each type', () => {
    const stallEnd = JSON.parse(files.get('stall_end.schema.json') ?? '{}');
    expect(stallEnd.properties.type.const).toBe('stall_end');
    expect(stallEnd.properties.body.required).toContain('durationMs');
  });
});

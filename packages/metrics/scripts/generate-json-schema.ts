/**
 * Writes one JSON Schema file per telemetry event type, plus the envelope and
 * the union, into `packages/metrics/schema/`. Run after changing a schema:
 * `pnpm --filter @liveroom/metrics schema:json`; a unit test fails while the
 * committed files are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_SCHEMA_DIR, renderJsonSchemas } from '../src/schema/json-schema.ts';

const dir = join(import.meta.dirname, '..', JSON_SCHEMA_DIR);
mkdirSync(dir, { recursive: true });
const files = renderJsonSchemas();
for (const name of readdirSync(dir)) if (!files.has(name)) rmSync(join(dir, name));
for (const [name, text] of files) writeFileSync(join(dir, name), text);
console.log(`wrote ${files.size} JSON Schema files to ${dir}`);

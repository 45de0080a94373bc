/**
 * The SQL views analysts query (documented in docs/collector.md).
 * Filled in once the event schemas land.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** Creates or replaces every view. */
export async function createViews(connection: DuckDBConnection): Promise<void> {
  void connection;
}

/**
 * Vitest 5 targets Node 22; on this machine's Node 20 its failure reporter
 * calls `Map.groupBy` (ES2024) and crashes, hiding why a test failed.
 * Imported first by `vitest.config.ts`, which runs in Vitest's main process.
 */
type GroupBy = <T, K>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

const maps = Map as unknown as { groupBy?: GroupBy };
if (typeof maps.groupBy !== 'function') {
  const groupBy: GroupBy = (items, key) => {
    const groups = new Map();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  };
  Object.defineProperty(Map, 'groupBy', { value: groupBy, configurable: true, writable: true });
}

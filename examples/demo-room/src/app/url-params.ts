/**
 * The demo's state in the URL, so a QA run is one link: room, role, name,
 * provider, scenario. Parsing never throws; the lobby and the room validate
 * through the SDK and show what is wrong.
 */
import type { Role } from '@liveroom/core';

/** Which provider the page uses. */
export type ProviderChoice = 'local' | 'agora';

/** Everything the URL can say. */
export interface DemoParams {
  roomId: string;
  role: Role;
  /** User id; the page makes one up when empty. */
  name: string;
  provider: ProviderChoice;
  /** Agora App ID (only with `provider=agora`). */
  appId: string;
  /** Scripted impairment scenario, e.g. `stall-every-20s` (see docs/demo-room.md). */
  scenario: string;
  /** Another signalling server than the demo's own. */
  signallingUrl: string;
  /** Length of the PK battles this host starts, in seconds (`?pkSeconds=`, default 60). */
  pkSeconds: number;
}

// A Map, not an object: `?role=constructor` must not find Object.prototype's members.
const ROLE_ALIASES: ReadonlyMap<string, Role> = new Map([
  ['host', 'host'],
  ['cohost', 'cohost'],
  ['guest', 'cohost'],
  ['viewer', 'audience'],
  ['audience', 'audience'],
]);

/** PK length: 10 s (quick QA runs) to 30 min. */
function clampSeconds(value: number): number {
  return Number.isFinite(value) ? Math.min(1800, Math.max(10, Math.round(value))) : 60;
}

/** Reads the params from a query string; unknown roles fall back to `audience`. */
export function readParams(search: string): DemoParams & { join: boolean } {
  const query = new URLSearchParams(search);
  const get = (key: string) => query.get(key)?.trim() ?? '';
  return {
    roomId: get('room'),
    role: ROLE_ALIASES.get(get('role').toLowerCase()) ?? 'audience',
    name: get('name'),
    provider: get('provider') === 'agora' ? 'agora' : 'local',
    appId: get('appId'),
    scenario: get('scenario'),
    signallingUrl: get('signalling'),
    pkSeconds: clampSeconds(Number(get('pkSeconds') || 60)),
    // A shared link with a room joins straight away; the lobby form sets it too.
    join: query.has('room'),
  };
}

/** The query string for `params` (empty fields left out). */
export function writeParams(params: DemoParams): string {
  const query = new URLSearchParams();
  const roleWord = params.role === 'audience' ? 'viewer' : params.role;
  const pairs: [string, string][] = [
    ['room', params.roomId],
    ['role', roleWord],
    ['name', params.name],
    ['provider', params.provider === 'local' ? '' : params.provider],
    ['appId', params.appId],
    ['scenario', params.scenario],
    ['signalling', params.signallingUrl],
    ['pkSeconds', params.pkSeconds === 60 ? '' : String(params.pkSeconds)],
  ];
  for (const [key, value] of pairs) if (value !== '') query.set(key, value);
  return `?${query.toString()}`;
}

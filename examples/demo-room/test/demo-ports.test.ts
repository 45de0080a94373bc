/**
 * The start-up command's ports and failures: read from the environment,
 * refused with a sentence that names the variable, and a taken port
 * explained with the way to move it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORTS, PORT_ENV, portsFromEnv } from '../server/demo-ports.js';
import { DemoStartError, explainListenError } from '../server/listen-errors.js';

describe('portsFromEnv', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(portsFromEnv({})).toEqual({ app: 5173, signalling: 8787, ingest: 8788 });
    expect(portsFromEnv({})).toEqual(DEFAULT_PORTS);
  });

  it('reads each port from its variable, blanks meaning the default', () => {
    expect(
      portsFromEnv({ LIVEROOM_DEMO_PORT: '5199', LIVEROOM_SIGNALLING_PORT: ' ', LIVEROOM_COLLECTOR_PORT: '8798' }),
    ).toEqual({ app: 5199, signalling: 8787, ingest: 8798 });
  });

  it('lets several services ask for a free port (0)', () => {
    const env = { LIVEROOM_DEMO_PORT: '0', LIVEROOM_SIGNALLING_PORT: '0', LIVEROOM_COLLECTOR_PORT: '0' };
    expect(portsFromEnv(env)).toEqual({ app: 0, signalling: 0, ingest: 0 });
  });

  it.each(['abc', '80.5', '-1', '65536', '1e9'])('refuses %s, naming the variable', (raw) => {
    const read = () => portsFromEnv({ LIVEROOM_SIGNALLING_PORT: raw });
    expect(read).toThrow(DemoStartError);
    expect(read).toThrow(`LIVEROOM_SIGNALLING_PORT="${raw}" is not a port. Use a whole number from 0 to 65535.`);
  });

  it('refuses two services on one port, including a default', () => {
    expect(() => portsFromEnv({ LIVEROOM_DEMO_PORT: '8787' })).toThrow(/Two services would share one port/);
  });

  it('names one variable per service', () => {
    expect(Object.values(PORT_ENV)).toEqual([
      'LIVEROOM_DEMO_PORT',
      'LIVEROOM_SIGNALLING_PORT',
      'LIVEROOM_COLLECTOR_PORT',
    ]);
  });
});

describe('explainListenError', () => {
  const owner = { service: 'telemetry ingest', port: 8788, envVar: 'LIVEROOM_COLLECTOR_PORT' };
  const errno = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

  it('says which port is taken and how to move it', () => {
    const error = errno('EADDRINUSE');
    const explained = explainListenError(error, owner);
    expect(explained).toBeInstanceOf(DemoStartError);
    expect(explained.message).toBe(
      'The port 8788 (telemetry ingest) is already taken. Stop whatever uses it, or pick another port: LIVEROOM_COLLECTOR_PORT=<port> bash scripts/demo.sh',
    );
    expect(explained.cause).toBe(error);
  });

  it('explains a port the user may not open', () => {
    expect(explainListenError(errno('EACCES'), { ...owner, port: 80 }).message).toBe(
      'Not allowed to listen on port 80 (telemetry ingest). Use a port above 1024 with LIVEROOM_COLLECTOR_PORT=<port>.',
    );
  });

  it('passes any other failure on with its own words', () => {
    const explained = explainListenError(new Error('Could not set lock on file "telemetry.duckdb"'), owner);
    expect(explained.message).toBe(
      'Could not start the telemetry ingest on port 8788: Could not set lock on file "telemetry.duckdb"',
    );
    expect(explainListenError('boom', owner).message).toMatch(/: boom$/);
  });
});

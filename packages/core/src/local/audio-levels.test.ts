import { EventEmitter } from 'eventemitter3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AudioLevel, ProviderEventMap } from '../provider.js';
import { AudioLevelMeter, AudioLevelReporter, audioEnergyOf, levelBetween } from './audio-levels.js';
import type { Mesh } from './mesh.js';

const at = (totalAudioEnergy: number, totalSamplesDuration: number) => ({ totalAudioEnergy, totalSamplesDuration });

describe('levelBetween', () => {
  it('is the RMS level over the interval: sqrt(Δenergy / Δduration)', () => {
    // 1 s of audio at RMS 0.5 adds 1 × 0.5² = 0.25 to the energy.
    expect(levelBetween(at(2, 10), at(2.25, 11))).toBeCloseTo(0.5, 10);
    // A beep of 0.1 s at full scale in a 0.5 s interval of silence: sqrt(0.1 / 0.5).
    expect(levelBetween(at(0, 0), at(0.1, 0.5))).toBeCloseTo(Math.sqrt(0.2), 10);
  });

  it('is 0 when no audio was counted, nothing was heard, or the counters started over', () => {
    expect(levelBetween(at(3, 10), at(3, 10))).toBe(0);
    expect(levelBetween(at(3, 10), at(3, 10.5))).toBe(0);
    expect(levelBetween(at(3, 10), at(0.01, 0.4))).toBe(0);
  });

  it('never exceeds full scale', () => {
    expect(levelBetween(at(0, 0), at(2, 1))).toBe(1);
  });
});

describe('AudioLevelMeter', () => {
  it('gives each stream its level from its second reading, the microphone without a participant id', () => {
    const meter = new AudioLevelMeter();
    expect(meter.levels(new Map([['host', at(0, 0)]]))).toEqual([]);
    const second = meter.levels(
      new Map([
        ['host', at(0.25, 1)],
        [undefined, at(5, 5)],
      ]),
    );
    expect(second).toEqual([{ participantId: 'host', level: 0.5 }]);
    expect(meter.levels(new Map([[undefined, at(5.04, 6)]]))).toEqual([{ level: expect.closeTo(0.2, 10) }]);
  });

  it('forgets a stream that was not read, so its next reading starts afresh', () => {
    const meter = new AudioLevelMeter();
    meter.levels(new Map([['host', at(1, 1)]]));
    meter.levels(new Map());
    expect(meter.levels(new Map([['host', at(9, 9)]]))).toEqual([]);
  });
});

describe('AudioLevelReporter', () => {
  afterEach(() => vi.useRealTimers());

  /** Stats of one audio stream whose counters `energy()` gives at the moment. */
  const statsOf = (type: string, energy: () => [number, number]) => ({
    getStats: async () => {
      const [totalAudioEnergy, totalSamplesDuration] = energy();
      return new Map([['A', { id: 'A', type, kind: 'audio', totalAudioEnergy, totalSamplesDuration }]]);
    },
  });
  const downlink = (pcId: string, energy: () => [number, number]) => {
    const receiver = statsOf('inbound-rtp', energy);
    return { pcId, closed: false, receiver: () => receiver };
  };
  /** A reporter on `mesh` reading every second, and what it reported. */
  const reporting = (mesh: Mesh) => {
    const reports: AudioLevel[][] = [];
    const warnings: string[] = [];
    const events = new EventEmitter<ProviderEventMap>();
    events.on('audio-levels', (levels) => reports.push(levels));
    events.on('warning', (error) => warnings.push(error.message));
    const reporter = new AudioLevelReporter(() => mesh, events);
    reporter.start(1000);
    return { reports, warnings, reporter };
  };
  const uplink = (pcId: string, energy: () => [number, number]) => {
    const sender = { track: {}, ...statsOf('media-source', energy) };
    return { pcId, closed: false, sender: () => sender };
  };

  it("gives a replaced connection's stream no level at its first reading, rather than comparing it with the old one's", async () => {
    vi.useFakeTimers();
    let t = 10; // seconds of audio the first connections counted, at RMS 0.5
    const mesh = {
      downlinks: new Map([['host', downlink('pc-1', () => [t * 0.25, t])]]),
      uplinks: new Map([
        ['bob', uplink('pc-2', () => [t * 0.25, t])],
        ['carol', uplink('pc-3', () => [(t - 9) * 0.25, t - 9])],
      ]),
    } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(1000); // first readings: no level yet
    t += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toEqual([[{ participantId: 'host', level: 0.5 }, { level: 0.5 }]]);

    // The host sent a new offer (a fresh connection counting from 0), and Bob,
    // whose uplink the microphone was read from, left.
    mesh.downlinks.set('host', downlink('pc-4', () => [0.1, 0.4]) as never);
    mesh.uplinks.delete('bob');
    t += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(1);
    reporter.stop();
  });

  it('gives no level to a publisher whose connection closed while the mesh was read (it left)', async () => {
    vi.useFakeTimers();
    let t = 10;
    const host = downlink('pc-1', () => [t * 0.25, t]);
    const mesh = { downlinks: new Map([['host', host]]), uplinks: new Map() } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(1000);
    const receiver = host.receiver();
    const read = receiver.getStats;
    receiver.getStats = async () => {
      const stats = await read();
      host.closed = true; // participant-left came meanwhile: the room must not hear from it again
      mesh.downlinks.delete('host');
      return stats;
    };
    t += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toEqual([]);
    reporter.stop();
  });
});

describe('AudioLevelReporter reading failures', () => {
  afterEach(() => vi.useRealTimers());

  it('says nothing of a receiver whose stats fail because its connection closed meanwhile, and still hears the microphone', async () => {
    vi.useFakeTimers();
    let t = 10;
    const closing = {
      pcId: 'pc-1',
      closed: false,
      receiver: () => ({
        getStats: async () => {
          closing.closed = true; // the host's new offer replaced this connection while it was read
          throw new DOMException('The peer connection is closed.', 'InvalidStateError');
        },
      }),
    };
    const microphone = {
      track: {},
      getStats: async () =>
        new Map([
          ['M', { id: 'M', type: 'media-source', kind: 'audio', totalAudioEnergy: t * 0.25, totalSamplesDuration: t }],
        ]),
    };
    const mesh = {
      downlinks: new Map([['host', closing]]),
      uplinks: new Map([['bob', { pcId: 'pc-2', closed: false, sender: () => microphone }]]),
    } as unknown as Mesh;
    const events = new EventEmitter<ProviderEventMap>();
    const reports: AudioLevel[][] = [];
    const warnings: string[] = [];
    events.on('audio-levels', (levels) => reports.push(levels));
    events.on('warning', (error) => warnings.push(error.message));
    const reporter = new AudioLevelReporter(() => mesh, events);
    reporter.start(1000);
    await vi.advanceTimersByTimeAsync(1000);
    t += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(warnings).toEqual([]);
    expect(reports).toEqual([[{ level: 0.5 }]]);
    reporter.stop();
  });
});

describe('audioEnergyOf', () => {
  it('reads the audio entry of the asked type and ignores video and other entries', () => {
    const report = new Map<string, Record<string, unknown>>([
      ['v', { id: 'v', type: 'inbound-rtp', kind: 'video', totalAudioEnergy: 7, totalSamplesDuration: 7 }],
      ['s', { id: 's', type: 'media-source', kind: 'audio', totalAudioEnergy: 1, totalSamplesDuration: 2 }],
      ['a', { id: 'a', type: 'inbound-rtp', kind: 'audio', totalAudioEnergy: 0.5, totalSamplesDuration: 3 }],
    ]) as unknown as RTCStatsReport;
    expect(audioEnergyOf(report, 'inbound-rtp')).toEqual({ ...at(0.5, 3), source: 'a' });
    expect(audioEnergyOf(report, 'media-source')).toEqual({ ...at(1, 2), source: 's' });
    expect(audioEnergyOf(new Map() as unknown as RTCStatsReport, 'inbound-rtp')).toBeUndefined();
  });
});

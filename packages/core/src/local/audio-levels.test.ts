import { describe, expect, it } from 'vitest';
import { AudioLevelMeter, audioEnergyOf, levelBetween } from './audio-levels.js';

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

describe('audioEnergyOf', () => {
  it('reads the audio entry of the asked type and ignores video and other entries', () => {
    const report = new Map<string, Record<string, unknown>>([
      ['v', { type: 'inbound-rtp', kind: 'video', totalAudioEnergy: 7, totalSamplesDuration: 7 }],
      ['s', { type: 'media-source', kind: 'audio', totalAudioEnergy: 1, totalSamplesDuration: 2 }],
      ['a', { type: 'inbound-rtp', kind: 'audio', totalAudioEnergy: 0.5, totalSamplesDuration: 3 }],
    ]) as unknown as RTCStatsReport;
    expect(audioEnergyOf(report, 'inbound-rtp')).toEqual(at(0.5, 3));
    expect(audioEnergyOf(report, 'media-source')).toEqual(at(1, 2));
    expect(audioEnergyOf(new Map() as unknown as RTCStatsReport, 'inbound-rtp')).toBeUndefined();
  });
});

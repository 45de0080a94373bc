import { describe, expect, it } from 'vitest';
import { pickActiveSpeaker } from './active-speaker.js';

describe('pickActiveSpeaker', () => {
  it('is undefined when everyone is below the speaking threshold', () => {
    expect(pickActiveSpeaker([{ participantId: 'a', level: 0.01 }], 'a')).toBeUndefined();
  });

  it('picks the loudest, with the local user as an empty id', () => {
    expect(pickActiveSpeaker([{ participantId: 'a', level: 0.2 }, { level: 0.4 }], undefined)).toBe('');
  });

  it('keeps the current speaker unless a challenger is clearly louder', () => {
    const levels = [
      { participantId: 'a', level: 0.3 },
      { participantId: 'b', level: 0.4 },
    ];
    expect(pickActiveSpeaker(levels, 'a')).toBe('a');
    expect(
      pickActiveSpeaker(
        [
          { participantId: 'a', level: 0.3 },
          { participantId: 'b', level: 0.5 },
        ],
        'a',
      ),
    ).toBe('b');
  });

  it('moves on when the current speaker falls silent', () => {
    expect(pickActiveSpeaker([{ participantId: 'b', level: 0.1 }], 'a')).toBe('b');
  });
});

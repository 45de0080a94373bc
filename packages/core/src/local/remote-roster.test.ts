import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import type { ProviderEventMap } from '../provider.js';
import { RemoteRoster } from './remote-roster.js';

function roster() {
  const events = new EventEmitter<ProviderEventMap>();
  const seen: string[] = [];
  for (const name of [
    'participant-joined',
    'participant-left',
    'participant-role-changed',
    'track-published',
    'track-unpublished',
    'track-muted',
    'track-unmuted',
  ] as const) {
    events.on(name, (...args: unknown[]) => {
      seen.push(`${name} ${args.map((a) => (typeof a === 'object' ? (a as { id: string }).id : a)).join(' ')}`);
    });
  }
  return { roster: new RemoteRoster(events), seen };
}

describe('RemoteRoster', () => {
  it('announces a snapshot: participants, their publications and mutes', () => {
    const { roster: r, seen } = roster();
    r.learn([{ id: 'h', role: 'host', published: ['video', 'audio'], muted: ['audio'] }], false);
    expect(seen).toEqual([
      'participant-joined h',
      'track-published h video',
      'track-published h audio',
      'track-muted h audio',
    ]);
    expect(r.publishes('h', 'video')).toBe(true);
  });

  it('on a rejoin, makes the vanished leave and announces the present again', () => {
    const { roster: r, seen } = roster();
    r.learn(
      [
        { id: 'h', role: 'host', published: ['video'], muted: [] },
        { id: 'gone', role: 'audience', published: [], muted: [] },
      ],
      false,
    );
    seen.length = 0;
    r.learn([{ id: 'h', role: 'host', published: ['video'], muted: [] }], true);
    expect(seen).toEqual(['participant-left gone left', 'participant-joined h', 'track-published h video']);
    expect(r.ids()).toEqual(['h']);
  });

  it('clears publications when a participant steps down to audience', () => {
    const { roster: r, seen } = roster();
    r.admit({ id: 'c', role: 'cohost', published: ['video'], muted: ['video'] });
    r.changeRole('c', 'audience');
    expect(r.publishes('c', 'video')).toBe(false);
    expect(seen.at(-1)).toBe('participant-role-changed c audience');
  });

  it('tracks announcements and ignores strangers', () => {
    const { roster: r, seen } = roster();
    r.admit({ id: 'h', role: 'host', published: [], muted: [] });
    r.announce('publish', 'h', 'video');
    r.announce('mute', 'h', 'video');
    r.announce('unpublish', 'h', 'video');
    r.announce('publish', 'stranger', 'video');
    r.leave('stranger', 'left');
    expect(seen.slice(1)).toEqual(['track-published h video', 'track-muted h video', 'track-unpublished h video']);
  });

  it('announces the publications again when a publisher restarts its media', () => {
    const { roster: r, seen } = roster();
    r.admit({ id: 'h', role: 'host', published: ['video', 'audio'], muted: [] });
    seen.length = 0;
    r.reannounce('h');
    r.reannounce('stranger');
    expect(seen).toEqual(['track-published h video', 'track-published h audio']);
  });
});

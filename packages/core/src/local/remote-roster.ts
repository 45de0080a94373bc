/**
 * The other participants as this client knows them from signalling, and the
 * neutral provider events their changes turn into. Keeping this apart from
 * the transport code makes the rejoin rule easy to read: after a reconnect,
 * those who vanished leave, and everyone present is announced again.
 */
import type { ProviderEvents } from '../provider.js';
import { canPublish, type Role, type TrackKind } from '../types.js';
import type { ParticipantInfo, ServerMessageOf, TrackAnnouncement } from './protocol.js';

interface Known {
  role: Role;
  published: Set<TrackKind>;
  muted: Set<TrackKind>;
}

/** The remote participants of the current session. */
export class RemoteRoster {
  readonly #known = new Map<string, Known>();
  readonly #events: ProviderEvents;

  constructor(events: ProviderEvents) {
    this.#events = events;
  }

  /** Ids of everyone else in the room. */
  ids(): string[] {
    return [...this.#known.keys()];
  }

  /** True while `id` is in the room. */
  has(id: string): boolean {
    return this.#known.has(id);
  }

  /** True when `id` announced `kind` as published. */
  publishes(id: string, kind: TrackKind): boolean {
    return this.#known.get(id)?.published.has(kind) ?? false;
  }

  /**
   * Takes in a `joined` snapshot. On a rejoin, participants gone meanwhile
   * leave; everyone present is announced again, and a repeated
   * `track-published` tells the room to subscribe anew (the old media is gone).
   */
  learn(participants: ParticipantInfo[], rejoin: boolean): void {
    if (rejoin) {
      const present = new Set(participants.map((p) => p.id));
      for (const id of this.ids()) if (!present.has(id)) this.leave(id, 'left');
    }
    for (const p of participants) this.admit(p);
  }

  /** A participant arrived (or is announced again). */
  admit(p: ParticipantInfo): void {
    this.#known.set(p.id, { role: p.role, published: new Set(p.published), muted: new Set(p.muted) });
    this.#events.emit('participant-joined', { id: p.id, role: p.role });
    for (const kind of p.published) this.#events.emit('track-published', p.id, kind);
    for (const kind of p.muted) this.#events.emit('track-muted', p.id, kind);
  }

  /** A participant left. */
  leave(id: string, reason: ServerMessageOf<'participant-left'>['reason']): void {
    if (!this.#known.delete(id)) return;
    this.#events.emit('participant-left', id, reason);
  }

  /** A participant switched role; stepping down to audience ends its publications. */
  changeRole(id: string, role: Role): void {
    const p = this.#known.get(id);
    if (!p) return;
    p.role = role;
    if (!canPublish(role)) {
      p.published.clear();
      p.muted.clear();
    }
    this.#events.emit('participant-role-changed', id, role);
  }

  /** A publish, unpublish, mute or unmute announcement. */
  announce(type: TrackAnnouncement, id: string, kind: TrackKind): void {
    const p = this.#known.get(id);
    if (!p) return;
    if (type === 'publish' || type === 'unpublish') {
      p.muted.delete(kind);
      if (type === 'publish') p.published.add(kind);
      else p.published.delete(kind);
      this.#events.emit(type === 'publish' ? 'track-published' : 'track-unpublished', id, kind);
    } else {
      if (type === 'mute') p.muted.add(kind);
      else p.muted.delete(kind);
      this.#events.emit(type === 'mute' ? 'track-muted' : 'track-unmuted', id, kind);
    }
  }

  /** Announces a participant's publications again: its media restarted, so the room subscribes anew. */
  reannounce(id: string): void {
    for (const kind of this.#known.get(id)?.published ?? []) this.#events.emit('track-published', id, kind);
  }

  clear(): void {
    this.#known.clear();
  }
}

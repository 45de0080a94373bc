/**
 * The remote side of a room: who is there, what they publish, and the
 * tracks this viewer has subscribed to. Participants are immutable
 * snapshots, replaced on every change.
 */
import { asLiveroomError, LiveroomError } from './errors.js';
import { newParticipant, type RemoteParticipant, trackOf, withKind, withTrack } from './participants.js';
import type { ProviderEventMap, RtcProvider } from './provider.js';
import type { EmitRoomEvent } from './room-emit.js';
import type { RoomEventName } from './room-events.js';
import { RemoteTrack, type TrackAttachmentObserver } from './tracks.js';
import type { Role, TrackKind } from './types.js';

type RemoteEvent =
  | 'participant-joined'
  | 'participant-left'
  | 'participant-role-changed'
  | 'track-published'
  | 'track-unpublished'
  | 'track-muted'
  | 'track-unmuted';

/** The room events emitted right after the participant list changes (besides the session's end). */
export const PARTICIPANT_CHANGES: readonly RoomEventName[] = [
  'participant-joined',
  'participant-left',
  'participant-role-changed',
  'track-published',
  'track-unpublished',
  'track-subscribed',
  'track-unsubscribed',
  'track-muted',
  'track-unmuted',
];

/** Provider listeners for the remote-side events. */
export type RemoteListeners = { [E in RemoteEvent]: (...args: ProviderEventMap[E]) => void };

/** Remote participants and their subscriptions. */
export class RemoteParticipants {
  #all: ReadonlyMap<string, RemoteParticipant> = new Map();
  #list: readonly RemoteParticipant[] = [];
  readonly #provider: RtcProvider;
  readonly #emit: EmitRoomEvent;
  readonly #attachments: TrackAttachmentObserver;
  readonly #autoSubscribe: boolean;

  constructor(
    provider: RtcProvider,
    emit: EmitRoomEvent,
    attachments: TrackAttachmentObserver,
    autoSubscribe: boolean,
  ) {
    this.#provider = provider;
    this.#emit = emit;
    this.#attachments = attachments;
    this.#autoSubscribe = autoSubscribe;
  }

  /** Participants by id. */
  get all(): ReadonlyMap<string, RemoteParticipant> {
    return this.#all;
  }

  /** Participants in join order, replaced (never mutated) on every change. */
  get list(): readonly RemoteParticipant[] {
    return this.#list;
  }

  /** Every subscribed track. */
  tracks(): RemoteTrack[] {
    return [...this.all.values()].flatMap((p) => [p.videoTrack, p.audioTrack].filter((t) => t !== undefined));
  }

  /** The subscribed track, or a new subscription to a published one. */
  async subscribe(participantId: string, kind: TrackKind): Promise<RemoteTrack> {
    const participant = this.all.get(participantId);
    if (!participant?.published.has(kind)) {
      throw new LiveroomError(
        'INVALID_STATE',
        `${participantId} does not publish ${kind}. Wait for 'track-published'.`,
      );
    }
    return trackOf(participant, kind) ?? this.#subscribe(participantId, kind);
  }

  /** Stops receiving a track. */
  async unsubscribe(participantId: string, kind: TrackKind): Promise<void> {
    if (this.#dropTrack(participantId, kind)) await this.#provider.unsubscribe(participantId, kind);
  }

  /** Detaches every track and forgets everyone (the session ended). */
  clear(): void {
    for (const track of this.tracks()) track.detach();
    if (this.#all.size > 0) this.#replace(new Map());
  }

  /** The provider listeners that keep this side up to date. */
  listeners(): RemoteListeners {
    const listeners: RemoteListeners = {
      'participant-joined': ({ id, role }) => {
        const known = this.all.get(id);
        if (known) {
          listeners['participant-role-changed'](id, role);
          return;
        }
        const participant = newParticipant(id, role, Date.now());
        this.#put(participant);
        this.#emit('participant-joined', participant);
      },
      'participant-left': (id, reason) => {
        if (!this.all.has(id)) return;
        this.#dropTrack(id, 'video');
        this.#dropTrack(id, 'audio');
        const last = this.all.get(id) as RemoteParticipant;
        const next = new Map(this.all);
        next.delete(id);
        this.#replace(next);
        this.#emit('participant-left', last, reason);
      },
      'participant-role-changed': (id, role) => this.#changeRole(id, role),
      'track-published': (id, kind) => {
        if (!this.all.has(id)) listeners['participant-joined']({ id, role: 'host' });
        // A publication announced again (e.g. after a reconnect) restarts the subscription.
        this.#dropTrack(id, kind);
        const updated = this.#update(id, (p) => withKind(withKind(p, 'published', kind, true), 'muted', kind, false));
        if (!updated) return;
        this.#emit('track-published', updated, kind);
        if (this.#autoSubscribe) this.#autoSubscribeTo(id, kind);
      },
      'track-unpublished': (id, kind) => {
        this.#dropTrack(id, kind);
        const updated = this.#update(id, (p) => withKind(p, 'published', kind, false));
        if (updated) this.#emit('track-unpublished', updated, kind);
      },
      'track-muted': (id, kind) => this.#setMuted(id, kind, true),
      'track-unmuted': (id, kind) => this.#setMuted(id, kind, false),
    };
    return listeners;
  }

  async #subscribe(participantId: string, kind: TrackKind): Promise<RemoteTrack> {
    const remote = await this.#provider.subscribe(participantId, kind);
    const participant = this.all.get(participantId);
    if (!participant?.published.has(kind)) {
      // Unpublished (or left) while the subscription was in flight.
      await this.#provider.unsubscribe(participantId, kind).catch(() => undefined);
      throw new LiveroomError('OPERATION_ABORTED', `${participantId} stopped publishing ${kind} during subscribe().`);
    }
    const track = new RemoteTrack(participantId, kind, remote.mediaStreamTrack, this.#attachments);
    track.setMuted(participant.muted.has(kind));
    const updated = withTrack(participant, kind, track);
    this.#put(updated);
    this.#emit('track-subscribed', track, updated);
    return track;
  }

  #autoSubscribeTo(participantId: string, kind: TrackKind): void {
    this.#subscribe(participantId, kind).catch((error: unknown) => {
      const failure = asLiveroomError(error, 'PROVIDER_ERROR', `Could not subscribe to ${participantId}'s ${kind}`);
      if (failure.code !== 'OPERATION_ABORTED') this.#emit('warning', failure);
    });
  }

  /** Removes a subscribed track from its participant; false when there was none. */
  #dropTrack(participantId: string, kind: TrackKind): boolean {
    const participant = this.all.get(participantId);
    const track = participant && trackOf(participant, kind);
    if (!participant || !track) return false;
    track.detach();
    const updated = withTrack(participant, kind, undefined);
    this.#put(updated);
    this.#emit('track-unsubscribed', track, updated);
    return true;
  }

  #changeRole(id: string, role: Role): void {
    const previous = this.all.get(id)?.role;
    if (previous === undefined || previous === role) return;
    const updated = this.#update(id, (p) => ({ ...p, role }));
    if (updated) this.#emit('participant-role-changed', updated, previous);
  }

  #setMuted(id: string, kind: TrackKind, muted: boolean): void {
    const updated = this.#update(id, (p) => withKind(p, 'muted', kind, muted));
    if (!updated) return;
    trackOf(updated, kind)?.setMuted(muted);
    this.#emit(muted ? 'track-muted' : 'track-unmuted', updated, kind);
  }

  #replace(all: ReadonlyMap<string, RemoteParticipant>): void {
    this.#all = all;
    this.#list = [...all.values()];
  }

  #put(participant: RemoteParticipant): void {
    const next = new Map(this.all);
    next.set(participant.id, participant);
    this.#replace(next);
  }

  #update(id: string, change: (p: RemoteParticipant) => RemoteParticipant): RemoteParticipant | undefined {
    const participant = this.all.get(id);
    if (!participant) return undefined;
    const updated = change(participant);
    this.#put(updated);
    return updated;
  }
}

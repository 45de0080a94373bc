/**
 * Remote participants as immutable snapshots: every change replaces the
 * participant object, so UI stores can compare by reference.
 */
import type { RemoteTrack } from './tracks.js';
import type { Role, TrackKind } from './types.js';

/** A remote participant as the local user sees them. Replaced, never mutated, on change. */
export interface RemoteParticipant {
  /** Their user id in this room. */
  readonly id: string;
  /** Their current role (on Agora, remote publishers all appear as `host`). */
  readonly role: Role;
  /** When this client learned of them (epoch ms). */
  readonly joinedAt: number;
  /** Kinds the participant currently publishes. */
  readonly published: ReadonlySet<TrackKind>;
  /** Kinds the participant has muted. */
  readonly muted: ReadonlySet<TrackKind>;
  /** Subscribed video, ready to attach. */
  readonly videoTrack: RemoteTrack | undefined;
  /** Subscribed audio, ready to attach. */
  readonly audioTrack: RemoteTrack | undefined;
}

/** A new participant with nothing published yet. */
export function newParticipant(id: string, role: Role, now: number): RemoteParticipant {
  return {
    id,
    role,
    joinedAt: now,
    published: new Set(),
    muted: new Set(),
    videoTrack: undefined,
    audioTrack: undefined,
  };
}

/** The participant with `kind` added to or removed from one of its sets. */
export function withKind(
  participant: RemoteParticipant,
  set: 'published' | 'muted',
  kind: TrackKind,
  present: boolean,
): RemoteParticipant {
  const next = new Set(participant[set]);
  if (present) next.add(kind);
  else next.delete(kind);
  return { ...participant, [set]: next };
}

/** The participant with its `kind` track set (or cleared). */
export function withTrack(
  participant: RemoteParticipant,
  kind: TrackKind,
  track: RemoteTrack | undefined,
): RemoteParticipant {
  return kind === 'video' ? { ...participant, videoTrack: track } : { ...participant, audioTrack: track };
}

/** The subscribed track of `kind`, if any. */
export function trackOf(participant: RemoteParticipant, kind: TrackKind): RemoteTrack | undefined {
  return kind === 'video' ? participant.videoTrack : participant.audioTrack;
}

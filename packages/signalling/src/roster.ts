/**
 * Who is in each room, in memory: roles, published and muted kinds, and the
 * mesh's limits. Pure bookkeeping, no sockets, so the rules are easy to test.
 */
import { MAX_PUBLISHERS, MAX_VIEWERS, type ParticipantInfo, type SignallingErrorCode } from '@liveroom/core/local';

type Role = ParticipantInfo['role'];
type Kind = ParticipantInfo['published'][number];

/** One participant's entry, with the handle of the connection that owns it. */
export interface Member<C> {
  readonly id: string;
  readonly sessionId: string;
  readonly connection: C;
  role: Role;
  readonly published: Set<Kind>;
  readonly muted: Set<Kind>;
}

/** A refusal with the protocol's error code. */
export interface Refusal {
  code: SignallingErrorCode;
  message: string;
}

/** Limits of one room (defaults: the mesh's, DESIGN.md decision 22). */
export interface RosterLimits {
  maxPublishers: number;
  maxViewers: number;
}

const isPublisher = (role: Role) => role !== 'audience';

/** The members of one room. */
export class Roster<C> {
  readonly #members = new Map<string, Member<C>>();
  readonly #limits: RosterLimits;

  constructor(limits: Partial<RosterLimits> = {}) {
    this.#limits = { maxPublishers: MAX_PUBLISHERS, maxViewers: MAX_VIEWERS, ...limits };
  }

  get size(): number {
    return this.#members.size;
  }

  get(id: string): Member<C> | undefined {
    return this.#members.get(id);
  }

  members(): Member<C>[] {
    return [...this.#members.values()];
  }

  /**
   * Why a member may not take `role` (joining, or switching roles), or
   * undefined when it may. `excluding` is not counted: the member switching
   * roles, or the stale entry a reconnecting session replaces.
   */
  refusal(role: Role, excluding?: Member<C>): Refusal | undefined {
    const count = (publisher: boolean) =>
      this.members().filter((m) => m !== excluding && isPublisher(m.role) === publisher).length;
    if (isPublisher(role) && count(true) >= this.#limits.maxPublishers) {
      return {
        code: 'publishers-full',
        message: `The room already has ${this.#limits.maxPublishers} publishers (hosts + cohosts), the local mesh's limit. Join as audience, or use the Agora provider for larger rooms.`,
      };
    }
    if (!isPublisher(role) && count(false) >= this.#limits.maxViewers) {
      return {
        code: 'viewers-full',
        message: `The room already has ${this.#limits.maxViewers} viewers, the local mesh's limit. Use the Agora provider for larger audiences.`,
      };
    }
    return undefined;
  }

  add(member: Omit<Member<C>, 'published' | 'muted'>): Member<C> {
    const entry: Member<C> = { ...member, published: new Set(), muted: new Set() };
    this.#members.set(member.id, entry);
    return entry;
  }

  remove(member: Member<C>): boolean {
    if (this.#members.get(member.id) !== member) return false;
    this.#members.delete(member.id);
    return true;
  }

  /** Changes a member's role; stepping down to audience clears its publications. */
  setRole(member: Member<C>, role: Role): void {
    member.role = role;
    if (!isPublisher(role)) {
      member.published.clear();
      member.muted.clear();
    }
  }
}

/** The wire form of a member. */
export function describeMember(member: Member<unknown>): ParticipantInfo {
  return { id: member.id, role: member.role, published: [...member.published], muted: [...member.muted] };
}

/** True for roles that may publish. */
export { isPublisher };

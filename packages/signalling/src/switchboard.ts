/**
 * Routes validated client messages between the members of each room: joins
 * and leaves, role switches, track announcements, SDP/ICE and impairment
 * relays between two peers, data messages, cross-room messages, kicks and
 * room closes. Sockets are
 * abstracted as {@link Line}s so the rules stay independent of `ws`.
 */
import type {
  ClientMessage,
  ParticipantInfo,
  ServerMessage,
  SignallingErrorCode,
  TrackAnnouncement,
} from '@liveroom/core/local';
import { Contacts } from './contacts.js';
import { describeMember, isPublisher, type Member, Roster, type RosterLimits } from './roster.js';

/** One client connection as the switchboard sees it. */
export interface Line {
  send(message: ServerMessage): void;
  /** Closes the connection (after the messages already sent). */
  hangUp(): void;
  /** The member this line joined as, set by the switchboard. */
  member?: Member<Line> | undefined;
  roomId?: string | undefined;
}

/** A room as {@link SignallingServer.rooms} reports it. */
export interface RoomSnapshot {
  /** The room's id, as clients joined it. */
  roomId: string;
  /** Everyone in the room, with what each publishes and has muted. */
  participants: ParticipantInfo[];
}

type Of<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;

/** The rooms and their routing rules. */
export class Switchboard {
  readonly #rooms = new Map<string, Roster<Line>>();
  readonly #limits: Partial<RosterLimits>;
  readonly #contacts = new Contacts<Line>();

  constructor(limits: Partial<RosterLimits> = {}) {
    this.#limits = limits;
  }

  /** Every room with its participants. */
  rooms(): RoomSnapshot[] {
    return [...this.#rooms].map(([roomId, roster]) => ({ roomId, participants: roster.members().map(describeMember) }));
  }

  /** Handles one validated message from `line`. */
  handle(line: Line, message: ClientMessage): void {
    if (message.type === 'ping') {
      line.send({ type: 'pong', t: message.t, serverTime: Date.now() });
      return;
    }
    if (message.type === 'join') {
      this.#join(line, message);
      return;
    }
    const member = line.member;
    const roster = line.roomId === undefined ? undefined : this.#rooms.get(line.roomId);
    if (!member || !roster) {
      refuse(line, ridOf(message), 'not-joined', `"${message.type}" needs a joined room: send "join" first.`);
      return;
    }
    switch (message.type) {
      case 'leave':
        this.disconnect(line, 'left');
        line.hangUp();
        return;
      case 'set-role': {
        this.#setRole(line, member, roster, message);
        return;
      }
      case 'publish':
      case 'unpublish':
      case 'mute':
      case 'unmute': {
        this.#announce(line, member, roster, message);
        return;
      }
      case 'sdp':
      case 'ice':
      case 'impair': {
        const peer = roster.get(message.to);
        if (!peer) {
          refuse(line, ridOf(message), 'unknown-peer', `No participant "${message.to}" in this room.`);
          return;
        }
        const { to: _to, rid: _rid, ...body } = message as typeof message & { rid?: number };
        peer.connection.send({ ...body, from: member.id } as ServerMessage);
        ack(line, ridOf(message));
        return;
      }
      case 'data': {
        this.#data(line, member, roster, message);
        return;
      }
      case 'room-message': {
        this.#roomMessage(line, member, message);
        return;
      }
      case 'kick': {
        this.#kick(line, member, roster, message);
        return;
      }
      case 'close-room':
        if (member.role !== 'host') {
          refuse(line, message.rid, 'forbidden', 'Only a host can close the room.');
          return;
        }
        ack(line, message.rid);
        this.closeRoom(line.roomId as string);
        return;
    }
  }

  /** Removes the line's member (socket closed, timed out, or left) and tells the room. */
  disconnect(line: Line, reason: 'left' | 'timeout' | 'kicked'): void {
    const member = line.member;
    const roster = line.roomId === undefined ? undefined : this.#rooms.get(line.roomId);
    line.member = undefined;
    if (!member || !roster?.remove(member)) return;
    this.#tellContacts(line, member);
    this.#broadcast(roster, { type: 'participant-left', userId: member.id, reason });
    if (roster.size === 0) this.#rooms.delete(line.roomId as string);
  }

  /** Removes one participant with `removed: kicked`. Returns false when there is no such participant. */
  kick(roomId: string, userId: string): boolean {
    const member = this.#rooms.get(roomId)?.get(userId);
    if (!member) return false;
    member.connection.send({ type: 'removed', reason: 'kicked' });
    this.disconnect(member.connection, 'kicked');
    member.connection.hangUp();
    return true;
  }

  /** Closes a room: everyone gets `removed: room-closed`. Returns false when there is no such room. */
  closeRoom(roomId: string): boolean {
    const roster = this.#rooms.get(roomId);
    if (!roster) return false;
    this.#rooms.delete(roomId);
    for (const member of roster.members()) {
      this.#tellContacts(member.connection, member);
      member.connection.send({ type: 'removed', reason: 'room-closed' });
      member.connection.member = undefined;
      member.connection.hangUp();
    }
    return true;
  }

  #join(line: Line, message: Of<'join'>): void {
    if (line.member) {
      refuse(line, message.rid, 'already-joined', 'This connection already joined a room.');
      return;
    }
    const roster = this.#rooms.get(message.roomId) ?? new Roster<Line>(this.#limits);
    const existing = roster.get(message.userId);
    if (existing && existing.sessionId !== message.sessionId) {
      refuse(
        line,
        message.rid,
        'uid-conflict',
        `User id "${message.userId}" is already in room "${message.roomId}". Use a unique user id per participant.`,
      );
      return;
    }
    const refusal = roster.refusal(message.role, existing);
    if (refusal) {
      refuse(line, message.rid, refusal.code, refusal.message);
      return;
    }
    this.#rooms.set(message.roomId, roster);
    if (existing) {
      // The same session reconnecting: the stale socket goes, as if it had left.
      this.disconnect(existing.connection, 'left');
      existing.connection.hangUp();
      this.#rooms.set(message.roomId, roster);
    }
    const others = roster.members().map(describeMember);
    const member = roster.add({
      id: message.userId,
      sessionId: message.sessionId,
      connection: line,
      role: message.role,
    });
    line.member = member;
    line.roomId = message.roomId;
    line.send({
      type: 'joined',
      userId: member.id,
      participants: others,
      serverTime: Date.now(),
      ...(message.rid === undefined ? {} : { rid: message.rid }),
    });
    this.#broadcast(roster, { type: 'participant-joined', participant: describeMember(member) }, member);
  }

  #setRole(line: Line, member: Member<Line>, roster: Roster<Line>, message: Of<'set-role'>): void {
    if (member.role !== message.role) {
      const refusal = roster.refusal(message.role, member);
      if (refusal) {
        refuse(line, message.rid, refusal.code, refusal.message);
        return;
      }
      roster.setRole(member, message.role);
      this.#broadcast(roster, { type: 'role-changed', userId: member.id, role: message.role }, member);
    }
    ack(line, message.rid);
  }

  #announce(line: Line, member: Member<Line>, roster: Roster<Line>, message: Of<TrackAnnouncement>): void {
    if (!isPublisher(member.role)) {
      refuse(line, message.rid, 'forbidden', `The audience cannot ${message.type}: switch to cohost first.`);
      return;
    }
    const { type, kind } = message;
    if (type === 'publish') member.published.add(kind);
    if (type === 'unpublish') member.published.delete(kind);
    if (type === 'publish' || type === 'unpublish' || type === 'unmute') member.muted.delete(kind);
    if (type === 'mute') member.muted.add(kind);
    this.#broadcast(roster, { type, userId: member.id, kind }, member);
    ack(line, message.rid);
  }

  #data(line: Line, member: Member<Line>, roster: Roster<Line>, message: Of<'data'>): void {
    const out: ServerMessage = { type: 'data', from: member.id, payload: message.payload };
    if (!message.to) {
      this.#broadcast(roster, out, member);
      ack(line, message.rid);
      return;
    }
    const missing = message.to.filter((id) => !roster.get(id));
    if (missing.length > 0) {
      refuse(line, message.rid, 'unknown-peer', `No participant ${missing.map((m) => `"${m}"`).join(', ')}.`);
      return;
    }
    for (const id of new Set(message.to)) roster.get(id)?.connection.send(out);
    ack(line, message.rid);
  }

  /**
   * Delivers a message to one participant of any room, stamped with the
   * sender's room and id. Refusals name only what the sender asked for, so
   * nothing else about other rooms leaks.
   */
  #roomMessage(line: Line, member: Member<Line>, message: Of<'room-message'>): void {
    if (!isPublisher(member.role)) {
      refuse(line, message.rid, 'forbidden', 'Only hosts and cohosts can message another room.');
      return;
    }
    const target = this.#rooms.get(message.roomId);
    if (!target) {
      refuse(line, message.rid, 'unknown-room', `No room "${message.roomId}" on this server.`);
      return;
    }
    const peer = target.get(message.to);
    if (!peer) {
      refuse(line, message.rid, 'unknown-peer', `No participant "${message.to}" in room "${message.roomId}".`);
      return;
    }
    const fromRoomId = line.roomId as string;
    peer.connection.send({ type: 'room-message', fromRoomId, from: member.id, payload: message.payload });
    // Same-room peers already hear of each other's departures (participant-left).
    if (message.roomId !== fromRoomId) this.#contacts.link(line, peer.connection);
    ack(line, message.rid);
  }

  /** Tells the other-room contacts of a departing member that it left. */
  #tellContacts(line: Line, member: Member<Line>): void {
    const roomId = line.roomId as string;
    for (const contact of this.#contacts.release(line)) {
      if (contact.member) contact.send({ type: 'room-peer-left', roomId, userId: member.id });
    }
  }

  #kick(line: Line, member: Member<Line>, roster: Roster<Line>, message: Of<'kick'>): void {
    if (member.role !== 'host') {
      refuse(line, message.rid, 'forbidden', 'Only a host can kick.');
      return;
    }
    if (!roster.get(message.userId)) {
      refuse(line, message.rid, 'unknown-peer', `No participant "${message.userId}" in this room.`);
      return;
    }
    ack(line, message.rid);
    this.kick(line.roomId as string, message.userId);
  }

  #broadcast(roster: Roster<Line>, message: ServerMessage, except?: Member<Line>): void {
    for (const m of roster.members()) if (m !== except) m.connection.send(message);
  }
}

function ridOf(message: ClientMessage): number | undefined {
  return 'rid' in message ? message.rid : undefined;
}

function ack(line: Line, rid: number | undefined): void {
  if (rid !== undefined) line.send({ type: 'ack', rid });
}

function refuse(line: Line, rid: number | undefined, code: SignallingErrorCode, message: string): void {
  line.send({ type: 'error', code, message, ...(rid === undefined ? {} : { rid }) });
}

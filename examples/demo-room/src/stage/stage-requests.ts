/**
 * Raise hand and invite to stage (连麦) over demo data messages: viewers
 * raise or lower a hand to the hosts; a host invites a raised hand; the
 * viewer accepts by switching role to co-host and going live.
 */
import type { Room } from '@liveroom/core';
import { onDemoMessage, sendDemoMessage } from '../room/demo-messages.js';
import { SnapshotStore } from '../room/session-store.js';

/** What the stage panel shows. */
export interface StageRequestsState {
  /** Viewers with a raised hand, in the order they raised it (seen by hosts). */
  hands: readonly string[];
  /** This viewer's hand is up. */
  raised: boolean;
  /** A host invited this viewer on stage; the id of that host. */
  invitedBy: string | undefined;
}

/** The raise-hand / invite flow for one page. */
export class StageRequests extends SnapshotStore<StageRequestsState> {
  readonly #room: Room;
  readonly #cleanups: (() => void)[] = [];

  constructor(room: Room) {
    super({ hands: [], raised: false, invitedBy: undefined });
    this.#room = room;
    this.#cleanups.push(
      onDemoMessage(room, (message, from) => {
        if (message.kind === 'raise-hand') this.#setHand(from, message.raised);
        // Only a host may invite, and only a viewer can take the invitation up.
        else if (message.kind === 'invite-to-stage' && this.#isHost(from) && room.role === 'audience') {
          this.update({ invitedBy: from });
        }
      }),
    );
    const onJoined = (participant: { id: string; role: string }) => this.#tellNewHost(participant);
    const onLeft = (participant: { id: string }) => {
      this.#setHand(participant.id, false);
      // An invitation from a host who has gone can no longer be taken up.
      if (this.getSnapshot().invitedBy === participant.id) this.update({ invitedBy: undefined });
    };
    const onRole = (participant: { id: string; role: string }) => {
      if (participant.role !== 'audience') this.#setHand(participant.id, false);
      this.#tellNewHost(participant);
    };
    room.on('participant-joined', onJoined);
    room.on('participant-left', onLeft);
    room.on('participant-role-changed', onRole);
    this.#cleanups.push(() => {
      room.off('participant-joined', onJoined);
      room.off('participant-left', onLeft);
      room.off('participant-role-changed', onRole);
    });
  }

  /** Raises or lowers this viewer's hand, telling every host. */
  async setRaised(raised: boolean): Promise<void> {
    const hosts = [...this.#room.participants.values()].filter((p) => p.role === 'host').map((p) => p.id);
    await sendDemoMessage(this.#room, { demo: 1, kind: 'raise-hand', raised }, hosts);
    this.update({ raised });
  }

  /** A host invites a viewer on stage. */
  async invite(viewerId: string): Promise<void> {
    await sendDemoMessage(this.#room, { demo: 1, kind: 'invite-to-stage' }, [viewerId]);
  }

  /** The viewer answered the invitation (the caller changes the role when accepted). */
  answered(): void {
    this.update({ invitedBy: undefined, raised: false });
  }

  /** Stops listening. */
  stop(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  #isHost(id: string): boolean {
    return this.#room.participants.get(id)?.role === 'host';
  }

  /** A host who arrives (or becomes host) after this viewer raised a hand is told too. */
  #tellNewHost(participant: { id: string; role: string }): void {
    if (participant.role !== 'host' || !this.getSnapshot().raised) return;
    // Best effort: if it fails, the viewer can lower and raise the hand again.
    sendDemoMessage(this.#room, { demo: 1, kind: 'raise-hand', raised: true }, [participant.id]).catch(() => undefined);
  }

  /** Keeps the order hands went up in: raising an already raised hand keeps its place. */
  #setHand(id: string, raised: boolean): void {
    const { hands } = this.getSnapshot();
    if (raised === hands.includes(id)) return;
    this.update({ hands: raised ? [...hands, id] : hands.filter((hand) => hand !== id) });
  }
}

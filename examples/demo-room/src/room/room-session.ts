/**
 * One stay in one room, as the page sees it: builds the provider, joins,
 * goes live when the role may publish, and keeps a snapshot of everything
 * the room view draws (connection, people, local camera, problems).
 */
import {
  asLiveroomError,
  type ConnectionState,
  canPublish,
  createRoom,
  type LiveroomError,
  type LocalTrack,
  onEvents,
  type RemoteParticipant,
  type Role,
  type Room,
} from '@liveroom/core';
import {
  type BattleStore,
  broadcastBattle,
  createBattleStore,
  createLayoutStore,
  createRoomDataPkTransport,
  createSpectatorStore,
  type LayoutStore,
  type SpectatorStore,
} from '@liveroom/hooks';
import type { DemoParams } from '../app/url-params.js';
import { scoreGifts } from '../pk/gifts.js';
import { QualityBoard } from '../quality/quality-board.js';
import { StageRequests } from '../stage/stage-requests.js';
import { startQualityTelemetry, type TelemetryStatus } from '../telemetry/quality-telemetry.js';
import { TelemetryLog } from '../telemetry/telemetry-log.js';
import { createProvider } from './providers.js';
import { SnapshotStore } from './session-store.js';

/** What the room view draws. */
export interface SessionSnapshot {
  /** `joining` until `join()` settles; `ended` after leave, kick, room close or failure. */
  phase: 'joining' | 'joined' | 'ended';
  connection: ConnectionState;
  userId: string;
  role: Role;
  participants: readonly RemoteParticipant[];
  localVideo: LocalTrack | undefined;
  /** Why the camera or microphone could not start (the session goes on without them). */
  mediaError: LiveroomError | undefined;
  /** Why the session failed or ended, when it was not the user's choice. */
  error: LiveroomError | undefined;
  /** Why it ended: `kicked`, `room-closed`, `failed`, `leave`. */
  endReason: string | undefined;
  autoplayBlocked: boolean;
  /** Whether `@liveroom/metrics` records this session. */
  telemetry: TelemetryStatus | undefined;
  /** The overlay's figures, once joined. */
  quality: QualityBoard | undefined;
  /** The stage layout, once joined. */
  layout: LayoutStore | undefined;
  /**
   * The PK battle as this page shows it, once joined: a host's own store, a
   * viewer's mirror of its host's; none on a provider without data messages.
   */
  pk: BattleStore | SpectatorStore | undefined;
  /** The host's own battle store (hosts only). */
  battle: BattleStore | undefined;
  /** Raise hand and invite to stage, once joined. */
  requests: StageRequests | undefined;
}

/** A joined (or joining) room and its snapshot. */
export class RoomSession extends SnapshotStore<SessionSnapshot> {
  #room: Room | undefined;
  readonly #params: DemoParams;
  readonly #signallingUrl: string;
  readonly #cleanups: (() => void)[] = [];
  /** The events this page emitted (the telemetry panel). */
  readonly log = new TelemetryLog();

  constructor(params: DemoParams, signallingUrl: string) {
    super({
      phase: 'joining',
      connection: 'disconnected',
      userId: params.name,
      role: params.role,
      participants: [],
      localVideo: undefined,
      mediaError: undefined,
      error: undefined,
      endReason: undefined,
      autoplayBlocked: false,
      telemetry: undefined,
      quality: undefined,
      layout: undefined,
      pk: undefined,
      battle: undefined,
      requests: undefined,
    });
    this.#params = params;
    this.#signallingUrl = params.signallingUrl || signallingUrl;
  }

  /** The room, once the provider exists (for panels that need it). */
  get room(): Room | undefined {
    return this.#room;
  }

  /** Joins; rejects with the `LiveroomError` the lobby shows (bad input, unreachable server…). */
  async join(): Promise<Room> {
    const { roomId, role, name, provider, appId } = this.#params;
    try {
      const room = createRoom({
        provider: await createProvider({ provider, appId, signallingUrl: this.#signallingUrl }),
      });
      this.#room = room;
      this.#watch(room);
      const telemetry = startQualityTelemetry(room, this.log);
      this.update({ telemetry });
      const joinedAt = Date.now();
      await room.join({ roomId, role, ...(name ? { userId: name } : {}) });
      const quality = new QualityBoard(room, joinedAt);
      this.#cleanups.push(this.log.onEvent(quality.record), () => quality.stop());
      this.update({ phase: 'joined', userId: room.userId ?? name, quality, ...this.#stage(room, telemetry) });
      if (canPublish(role)) await this.goLive();
      return room;
    } catch (error) {
      const failure = asLiveroomError(error, 'PROVIDER_ERROR', 'Could not join');
      this.update({ phase: 'ended', error: failure, endReason: 'failed' });
      this.#dispose();
      throw failure;
    }
  }

  /** Publishes camera and microphone; a refusal is kept in `mediaError`, not thrown. */
  async goLive(): Promise<void> {
    const room = this.#room;
    if (!room) return;
    try {
      await room.publishCamera({ width: 1280, height: 720 });
      await room.publishMicrophone();
      this.update({ mediaError: undefined });
    } catch (error) {
      this.update({ mediaError: asLiveroomError(error, 'PROVIDER_ERROR', 'Could not start the camera') });
    }
  }

  /** Retries playback after the browser blocked autoplay (call from a click). */
  resumePlayback(): void {
    this.#room?.resumePlayback();
    this.update({ autoplayBlocked: false });
  }

  /** Leaves the room and releases everything. */
  async leave(): Promise<void> {
    await this.#room?.leave();
    const { telemetry } = this.getSnapshot();
    if (telemetry?.state === 'recording') await telemetry.collector.stop().catch(() => undefined);
    this.#dispose();
    this.update({ phase: 'ended', endReason: 'leave' });
  }

  /**
   * The layout and PK stores. Hosts get a battle store over the room's data
   * messages, broadcast it to the room and score the gifts they receive;
   * viewers mirror their host's broadcast.
   */
  #stage(room: Room, telemetry: TelemetryStatus): Pick<SessionSnapshot, 'layout' | 'pk' | 'battle' | 'requests'> {
    const hooksTelemetry = telemetry.state === 'recording' ? { telemetry: telemetry.collector } : {};
    const layout = createLayoutStore({
      room,
      mode: 'grid',
      container: { width: 960, height: 540 },
      aspectRatio: 16 / 9,
      ...hooksTelemetry,
    });
    // The demo's PK travels as room data messages; on a provider without them (Agora), the room has no PK.
    const pkOn = room.provider.capabilities.dataMessages;
    const battle =
      pkOn && this.#params.role === 'host'
        ? createBattleStore({
            room,
            transport: createRoomDataPkTransport(room),
            // A long invite window: QA answers by hand, and a loaded 2-core machine delivers slowly.
            timings: { durationMs: this.#params.pkSeconds * 1000, inviteTimeoutMs: 60_000, resultMs: 30_000 },
            ...hooksTelemetry,
          })
        : undefined;
    const pk = battle ?? (pkOn ? createSpectatorStore({ room }) : undefined);
    const requests = new StageRequests(room);
    this.#cleanups.push(
      ...(battle ? [broadcastBattle(battle, room), scoreGifts(room, battle)] : []),
      () => layout.destroy(),
      () => pk?.destroy(),
      () => requests.stop(),
    );
    return { layout, pk, battle, requests };
  }

  /** A viewer accepted an invitation: becomes a co-host and goes live. */
  async joinStage(): Promise<void> {
    await this.#room?.setRole('cohost');
    await this.goLive();
  }

  /** A co-host steps down to the audience (the room unpublishes first). */
  async leaveStage(): Promise<void> {
    await this.#room?.setRole('audience');
    this.update({ mediaError: undefined });
  }

  #watch(room: Room): void {
    this.#cleanups.push(
      room.watch('connectionState', (connection) => this.update({ connection })),
      room.watch('participants', (participants) => this.update({ participants })),
      room.watch('localTracks', (tracks) =>
        this.update({ localVideo: tracks.find((track) => track.kind === 'video') }),
      ),
      room.watch('role', (role) => role && this.update({ role })),
      onEvents(room, {
        'autoplay-blocked': () => this.update({ autoplayBlocked: true }),
        left: (reason) => this.update({ phase: 'ended', endReason: reason }),
        error: (error) => this.update({ error }),
      }),
    );
  }

  #dispose(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }
}

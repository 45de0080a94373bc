/**
 * Raise hand and invite to stage (连麦) on rooms over the core's fake
 * provider: what each page sends, and what it makes of what it receives.
 */
import { createRoom, type Role, type Room } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { DemoMessage } from '../src/room/demo-messages.js';
import { StageRequests } from '../src/stage/stage-requests.js';

interface Page {
  provider: FakeProvider;
  room: Room<FakeProvider>;
  stage: StageRequests;
}
const pages: Page[] = [];

async function page(userId: string, role: Role): Promise<Page> {
  const provider = new FakeProvider();
  const room = createRoom({ provider, autoSubscribe: false });
  await room.join({ roomId: 'qa-stage', role, userId });
  const opened = { provider, room, stage: new StageRequests(room) };
  pages.push(opened);
  return opened;
}
afterEach(() => {
  for (const { stage } of pages.splice(0)) stage.stop();
});

/** A demo message arriving from `from`. */
const receive = (target: Page, from: string, message: DemoMessage | string) =>
  target.provider.events.emit('data-message', {
    from,
    payload: typeof message === 'string' ? message : JSON.stringify(message),
  });
const raise = (raised: boolean): DemoMessage => ({ demo: 1, kind: 'raise-hand', raised });
const INVITE: DemoMessage = { demo: 1, kind: 'invite-to-stage' };

/** What `target` sent with `sendData`, decoded, with its recipients. */
const sent = (target: Page) =>
  target.provider.calls
    .filter((call) => call.method === 'sendData')
    .map(({ args: [payload, options] }) => ({ message: JSON.parse(payload as string) as DemoMessage, options }));

describe('a viewer', () => {
  it('raises a hand to the hosts only', async () => {
    const viewer = await page('viewer-1', 'audience');
    viewer.provider.remoteJoin('host-a', 'host');
    viewer.provider.remoteJoin('host-b', 'host');
    viewer.provider.remoteJoin('guest-1', 'cohost');
    await viewer.stage.setRaised(true);
    expect(viewer.stage.getSnapshot().raised).toBe(true);
    expect(sent(viewer)).toEqual([{ message: raise(true), options: { to: ['host-a', 'host-b'] } }]);
    await viewer.stage.setRaised(false);
    expect(viewer.stage.getSnapshot().raised).toBe(false);
    expect(sent(viewer)[1]?.message).toEqual(raise(false));
  });

  it('tells a host who arrives after the hand went up', async () => {
    const viewer = await page('viewer-1', 'audience');
    await viewer.stage.setRaised(true);
    expect(sent(viewer)[0]?.options).toEqual({ to: [] });
    viewer.provider.remoteJoin('host-a', 'host');
    viewer.provider.remoteJoin('viewer-2', 'audience');
    expect(sent(viewer).slice(1)).toEqual([{ message: raise(true), options: { to: ['host-a'] } }]);
  });

  it('tells nobody new once the hand is down', async () => {
    const viewer = await page('viewer-1', 'audience');
    viewer.provider.remoteJoin('host-a', 'host');
    await viewer.stage.setRaised(true);
    await viewer.stage.setRaised(false);
    viewer.provider.remoteJoin('host-b', 'host');
    expect(sent(viewer)).toHaveLength(2);
  });

  it("takes a host's invitation, and forgets it once answered", async () => {
    const viewer = await page('viewer-1', 'audience');
    viewer.provider.remoteJoin('host-a', 'host');
    await viewer.stage.setRaised(true);
    receive(viewer, 'host-a', INVITE);
    expect(viewer.stage.getSnapshot()).toMatchObject({ invitedBy: 'host-a', raised: true });
    viewer.stage.answered();
    expect(viewer.stage.getSnapshot()).toMatchObject({ invitedBy: undefined, raised: false });
  });

  it('ignores an invitation from anyone but a host', async () => {
    const viewer = await page('viewer-1', 'audience');
    viewer.provider.remoteJoin('guest-1', 'cohost');
    receive(viewer, 'guest-1', INVITE);
    receive(viewer, 'viewer-2', INVITE);
    expect(viewer.stage.getSnapshot().invitedBy).toBeUndefined();
  });

  it('drops the invitation when the inviting host leaves', async () => {
    const viewer = await page('viewer-1', 'audience');
    viewer.provider.remoteJoin('host-a', 'host');
    receive(viewer, 'host-a', INVITE);
    viewer.provider.remoteLeave('host-a');
    expect(viewer.stage.getSnapshot().invitedBy).toBeUndefined();
  });

  it('ignores invitations once on stage', async () => {
    const guest = await page('guest-1', 'cohost');
    guest.provider.remoteJoin('host-a', 'host');
    receive(guest, 'host-a', INVITE);
    expect(guest.stage.getSnapshot().invitedBy).toBeUndefined();
  });
});

describe('a host', () => {
  it('lists raised hands in the order they went up', async () => {
    const host = await page('host-a', 'host');
    receive(host, 'viewer-2', raise(true));
    receive(host, 'viewer-1', raise(true));
    receive(host, 'viewer-3', raise(true));
    expect(host.stage.getSnapshot().hands).toEqual(['viewer-2', 'viewer-1', 'viewer-3']);
  });

  it('keeps the place of a hand raised twice (a resend), and drops a lowered one', async () => {
    const host = await page('host-a', 'host');
    receive(host, 'viewer-1', raise(true));
    receive(host, 'viewer-2', raise(true));
    const before = host.stage.getSnapshot();
    receive(host, 'viewer-1', raise(true));
    expect(host.stage.getSnapshot()).toBe(before);
    receive(host, 'viewer-1', raise(false));
    expect(host.stage.getSnapshot().hands).toEqual(['viewer-2']);
  });

  it('does not notify for a hand lowered that was never up', async () => {
    const host = await page('host-a', 'host');
    const before = host.stage.getSnapshot();
    receive(host, 'viewer-1', raise(false));
    expect(host.stage.getSnapshot()).toBe(before);
  });

  it('drops the hand of a viewer who leaves or goes on stage', async () => {
    const host = await page('host-a', 'host');
    for (const id of ['viewer-1', 'viewer-2', 'viewer-3']) {
      host.provider.remoteJoin(id, 'audience');
      receive(host, id, raise(true));
    }
    host.provider.remoteLeave('viewer-1');
    host.provider.events.emit('participant-role-changed', 'viewer-2', 'cohost');
    expect(host.stage.getSnapshot().hands).toEqual(['viewer-3']);
  });

  it('ignores messages that are not demo messages (the hooks PK protocol shares the channel)', async () => {
    const host = await page('host-a', 'host');
    const before = host.stage.getSnapshot();
    receive(host, 'viewer-1', '{"pk":1,"type":"invite"}');
    receive(host, 'viewer-1', 'not json');
    receive(host, 'viewer-1', JSON.stringify({ demo: 1, kind: 'raise-hand', raised: 'yes' }));
    expect(host.stage.getSnapshot()).toBe(before);
  });

  it('invites one viewer, privately', async () => {
    const host = await page('host-a', 'host');
    host.provider.remoteJoin('viewer-1', 'audience');
    await host.stage.invite('viewer-1');
    expect(sent(host)).toEqual([{ message: INVITE, options: { to: ['viewer-1'] } }]);
  });

  it('stops listening after stop()', async () => {
    const host = await page('host-a', 'host');
    host.stage.stop();
    receive(host, 'viewer-1', raise(true));
    expect(host.stage.getSnapshot().hands).toEqual([]);
  });
});

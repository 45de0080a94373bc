import { describe, expect, it } from 'vitest';
import { agoraOnFake, joinParams, recordProviderEvents } from './harness.js';

/** A joined provider whose client has remote hosts 9 and 10, each publishing video the provider subscribed to. */
async function joinedWithTwoHosts() {
  const { sdk, provider } = agoraOnFake();
  await provider.join(joinParams({ userId: '5' }));
  const client = sdk.client;
  for (const uid of [9, 10]) {
    client.remoteJoin(uid);
    client.remotePublish(uid, 'video');
    await provider.subscribe(String(uid), 'video');
  }
  const log = recordProviderEvents(provider);
  const qualities = () => log.filter(([name]) => name === 'network-quality').map(([, quality]) => quality);
  return { client, provider, log, qualities };
}

describe('network quality', () => {
  it('follows the local report with each subscribed remote user’s levels, uplink as its sending to us', async () => {
    const { client, qualities } = await joinedWithTwoHosts();
    client.remoteNetworkQuality(9, { uplinkNetworkQuality: 1, downlinkNetworkQuality: 3 });
    client.networkQuality({ uplinkNetworkQuality: 2, downlinkNetworkQuality: 4 });
    expect(qualities()).toEqual([
      { uplink: 2, downlink: 4 },
      { participantId: '9', uplink: 1, downlink: 3 },
      { participantId: '10', uplink: 0, downlink: 0 },
    ]);
  });

  it('reports a remote user again only when its levels change; the local user every time, as Agora does', async () => {
    const { client, qualities } = await joinedWithTwoHosts();
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    client.remoteNetworkQuality(10, { uplinkNetworkQuality: 5, downlinkNetworkQuality: 1 });
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    client.remoteNetworkQuality(10, { uplinkNetworkQuality: 5, downlinkNetworkQuality: 2 });
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    const local = { uplink: 1, downlink: 1 };
    expect(qualities()).toEqual([
      local,
      { participantId: '9', uplink: 0, downlink: 0 },
      { participantId: '10', uplink: 0, downlink: 0 },
      local,
      local,
      { participantId: '10', uplink: 5, downlink: 1 },
      local,
      { participantId: '10', uplink: 5, downlink: 2 },
    ]);
  });

  it('says nothing of a user who left, even when Agora still lists it, and reports it afresh when it returns', async () => {
    const { client, provider, qualities } = await joinedWithTwoHosts();
    client.deleteQualityAfterUserLeave = false;
    client.remoteNetworkQuality(9, { uplinkNetworkQuality: 3, downlinkNetworkQuality: 2 });
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    client.remoteLeave(9);
    expect(Object.keys(client.getRemoteNetworkQuality())).toContain('9');
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    client.remoteJoin(9);
    client.remotePublish(9, 'video');
    await provider.subscribe('9', 'video');
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    const nine = { participantId: '9', uplink: 3, downlink: 2 };
    const ten = { participantId: '10', uplink: 0, downlink: 0 };
    const local = { uplink: 1, downlink: 1 };
    expect(qualities()).toEqual([local, nine, ten, local, local, nine]);
  });

  it('emits nothing after leave(), even when a listener of one report leaves', async () => {
    const { client, provider, log, qualities } = await joinedWithTwoHosts();
    provider.events.on('network-quality', (quality) => {
      if (quality.participantId === '9') void provider.leave();
    });
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 1 });
    expect(qualities()).toEqual([
      { uplink: 1, downlink: 1 },
      { participantId: '9', uplink: 0, downlink: 0 },
    ]);
    await provider.leave();
    const before = log.length;
    client.networkQuality({ uplinkNetworkQuality: 2, downlinkNetworkQuality: 2 });
    expect(log.length).toBe(before);
  });
});

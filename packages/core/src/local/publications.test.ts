import { describe, expect, it } from 'vitest';
import type { ProviderLocalTrack } from '../provider.js';
import type { Mesh } from './mesh.js';
import { MeshPublications } from './publications.js';

/** A mesh that records whom it connects. */
function recordingMesh() {
  const connected: string[] = [];
  const mesh = { send: () => undefined, connectViewer: (id: string) => connected.push(id) } as unknown as Mesh;
  return { mesh, connected };
}

describe('MeshPublications', () => {
  it('connects the viewers in the room once the server has answered, not those it had when publish() began', async () => {
    let answer: () => void = () => undefined;
    const publications = new MeshPublications({
      mesh: () => undefined,
      announce: () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
      connected: () => true,
    });
    const { mesh, connected } = recordingMesh();
    const track = { kind: 'video', mediaStreamTrack: {} } as ProviderLocalTrack;
    // A republish right after a rejoin: the roster still lists everyone from before the drop.
    let room = ['alice', 'bob'];
    const publishing = publications.publish(mesh, track, () => room);
    // The rejoined room, learned while the announcement is in flight: bob has not rejoined yet.
    room = ['alice'];
    answer();
    await publishing;
    expect(connected).toEqual(['alice']); // an uplink to bob now would be refused and block his later one
  });
});

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

  it('sends nothing and connects no one when the track was unpublished while the server answered the publish', async () => {
    const answers: (() => void)[] = [];
    const sending: (MediaStreamTrack | null)[] = [];
    const connected: string[] = [];
    const mesh = {
      send: (_kind: string, track: MediaStreamTrack | null) => sending.push(track),
      connectViewer: (id: string) => connected.push(id),
    } as unknown as Mesh;
    const publications = new MeshPublications({
      mesh: () => mesh,
      announce: () => new Promise<void>((resolve) => answers.push(resolve)),
      connected: () => true,
    });
    const track = { kind: 'video', mediaStreamTrack: {} } as ProviderLocalTrack;
    const publishing = publications.publish(mesh, track, () => ['alice']);
    const unpublishing = publications.unpublish(track); // before the server answered the publish
    for (const answer of answers) answer();
    await Promise.all([publishing, unpublishing]);
    expect(sending.at(-1)).toBeNull(); // the server was told "unpublish" last: no frames may follow
    expect(connected).toEqual([]);
    expect(publications.active).toBe(false);
  });
});

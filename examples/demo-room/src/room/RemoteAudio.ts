/**
 * Plays every remote participant's audio in its own hidden `<audio>`
 * element, attached through the SDK like the video (decision 5).
 */
import type { RemoteParticipant, RemoteTrack } from '@liveroom/core';
import { createElement as h, type ReactNode, useEffect, useRef } from 'react';

function AudioOf({ track }: { track: RemoteTrack }): ReactNode {
  const element = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = element.current;
    if (!audio) return;
    track.attach(audio);
    return () => {
      track.detach(audio);
    };
  }, [track]);
  return h('audio', { ref: element, hidden: true });
}

/** The audio of everyone who publishes it. */
export function RemoteAudio({ participants }: { participants: readonly RemoteParticipant[] }): ReactNode {
  return participants.map((p) => (p.audioTrack ? h(AudioOf, { key: p.id, track: p.audioTrack }) : null));
}

/**
 * The room's states in words: reconnecting, waiting for the host, camera
 * blocked, autoplay blocked. Each banner says what to do, if anything.
 */
import { createElement as h, type ReactNode } from 'react';
import { explainError } from '../app/explain-error.js';
import type { RoomSession, SessionSnapshot } from './room-session.js';

interface StatusBannersProps {
  snapshot: SessionSnapshot;
  session: RoomSession;
  signallingUrl: string;
}

/** Every banner that applies now, most urgent first. */
export function StatusBanners({ snapshot, session, signallingUrl }: StatusBannersProps): ReactNode {
  const banners: ReactNode[] = [];
  if (snapshot.connection === 'reconnecting') {
    banners.push(
      h(
        'div',
        { key: 'reconnecting', className: 'banner banner-warn', role: 'status' },
        'Reconnecting… the picture resumes when the connection is back.',
      ),
    );
  }
  if (snapshot.mediaError) {
    const { title, action } = explainError(snapshot.mediaError, signallingUrl);
    banners.push(
      h(
        'div',
        { key: 'media', className: 'banner banner-error', role: 'alert' },
        h('strong', null, title),
        ` ${action} `,
        h('button', { type: 'button', onClick: () => void session.goLive() }, 'Retry'),
      ),
    );
  }
  if (snapshot.autoplayBlocked) {
    banners.push(
      h(
        'div',
        { key: 'autoplay', className: 'banner banner-warn', role: 'status' },
        'The browser paused playback. ',
        h('button', { type: 'button', onClick: () => session.resumePlayback() }, 'Play'),
      ),
    );
  }
  const hostLive = snapshot.participants.some((p) => p.role === 'host' && p.videoTrack);
  if (snapshot.role === 'audience' && !hostLive && snapshot.connection === 'connected') {
    banners.push(
      h(
        'div',
        { key: 'waiting', className: 'banner', role: 'status', 'data-state': 'waiting-for-host' },
        'Waiting for the host to go live…',
      ),
    );
  }
  return h('div', { className: 'banners', 'aria-live': 'polite' }, banners);
}

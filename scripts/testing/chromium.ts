/**
 * The one place that knows how we start Debian's Chromium for tests:
 * the executable, and the flags this machine needs (no sandbox as root,
 * no network chatter, fake camera and microphone). Playwright's launch()
 * gives each browser a fresh temporary user-data directory.
 */

/** Debian's Chromium; override with `LIVEROOM_CHROMIUM`. */
export const chromiumPath = process.env.LIVEROOM_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for every headless Chromium we start, with fake media devices. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // Background tabs must keep rendering frames: multi-page tests run many at once.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

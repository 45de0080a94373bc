/**
 * What to tell a person about a `LiveroomError`, by its code (never by its
 * message, which is written for developers). Each answer says what happened
 * and what to do next.
 */
import type { LiveroomError } from '@liveroom/core';

/** A headline and the next step. */
export interface Explanation {
  title: string;
  action: string;
}

/** Explains `error` for the page; `signallingUrl` names the server the page tried. */
export function explainError(error: LiveroomError, signallingUrl: string): Explanation {
  switch (error.code) {
    case 'CONNECTION_FAILED':
    case 'JOIN_TIMEOUT':
      return {
        title: `Cannot reach the signalling server at ${signallingUrl}.`,
        action: 'Check that the demo is running (bash scripts/demo.sh), then try again.',
      };
    case 'PERMISSION_DENIED':
      return {
        title: 'Camera blocked: the browser did not allow camera or microphone access.',
        action: "Allow the camera in the browser's site settings (the icon left of the address), then press Retry.",
      };
    case 'DEVICE_NOT_FOUND':
      return { title: 'No camera or microphone found.', action: 'Plug one in, or join as a viewer.' };
    case 'DEVICE_IN_USE':
      return {
        title: 'The camera is busy: another app or tab is using it.',
        action: 'Close the other app, then press Retry.',
      };
    case 'UID_CONFLICT':
      return { title: 'Someone in this room already uses that name.', action: 'Pick another name and join again.' };
    case 'NOT_SUPPORTED':
      return { title: error.message, action: 'Choose another provider, or update this checkout.' };
    case 'TOKEN_EXPIRED':
      return { title: 'The access token expired or was refused.', action: 'Get a fresh token and join again.' };
    case 'INVALID_CONFIG':
      return { title: 'Some fields are not valid.', action: error.issues.map((i) => i.message).join(' ') };
    default:
      return { title: error.message, action: 'Try again; if it keeps failing, reload the page.' };
  }
}

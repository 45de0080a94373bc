/**
 * The page: the lobby until a join succeeds, then the room. The URL carries
 * the choices, so a link with `?room=…` joins straight away (QA runs, tests).
 */

import { demoConfig } from 'virtual:liveroom-demo';
import { isLiveroomError, type LiveroomError } from '@liveroom/core';
import { createElement as h, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Lobby, type LobbyProblems } from '../lobby/Lobby.js';
import { RoomView } from '../room/RoomView.js';
import { RoomSession } from '../room/room-session.js';
import { explainError } from './explain-error.js';
import { type DemoParams, readParams, writeParams } from './url-params.js';

function problemsOf(error: LiveroomError, signallingUrl: string): LobbyProblems {
  if (!isLiveroomError(error, 'INVALID_CONFIG')) return { general: explainError(error, signallingUrl) };
  const problems: LobbyProblems = {};
  for (const issue of error.issues) {
    if (issue.path.startsWith('roomId')) problems.roomId ??= issue.message.replace(/^roomId/, 'The room name');
    else if (issue.path.startsWith('userId')) problems.name ??= issue.message.replace(/^userId/, 'Your name');
    else if (issue.path.startsWith('appId')) problems.appId ??= issue.message;
    else problems.general ??= explainError(error, signallingUrl);
  }
  return problems;
}

/** The whole page. */
export function App(): ReactNode {
  const initial = useRef(readParams(window.location.search)).current;
  const [params, setParams] = useState<DemoParams>(initial);
  const [session, setSession] = useState<RoomSession>();
  const [joining, setJoining] = useState(false);
  const [problems, setProblems] = useState<LobbyProblems>({});

  const join = useCallback(async (next: DemoParams) => {
    setParams(next);
    setJoining(true);
    setProblems({});
    window.history.replaceState(null, '', writeParams(next));
    const candidate = new RoomSession(next, demoConfig.signallingUrl);
    try {
      await candidate.join();
      setSession(candidate);
    } catch (error) {
      setProblems(problemsOf(error as LiveroomError, next.signallingUrl || demoConfig.signallingUrl));
      window.history.replaceState(null, '', window.location.pathname);
    } finally {
      setJoining(false);
    }
  }, []);

  useEffect(() => {
    if (initial.join) void join(initial);
  }, [initial, join]);

  const leave = useCallback(async () => {
    await session?.leave();
    setSession(undefined);
    window.history.replaceState(null, '', window.location.pathname);
  }, [session]);

  if (session) return h(RoomView, { session, params, onLeave: leave });
  return h(Lobby, { initial: params, joining, problems, onJoin: (next: DemoParams) => void join(next) });
}

/**
 * The lobby: room name, your name, role and provider. Field errors come from
 * the SDK's own validation (`LiveroomError.issues`), shown next to the field.
 */
import { createElement as h, type ReactNode, useId, useState } from 'react';
import type { DemoParams, ProviderChoice } from '../app/url-params.js';

/** What the lobby shows under each field, and above the form. */
export interface LobbyProblems {
  roomId?: string;
  name?: string;
  appId?: string;
  /** A problem that is no single field's (server unreachable, provider missing). */
  general?: { title: string; action: string };
}

interface LobbyProps {
  initial: DemoParams;
  joining: boolean;
  problems: LobbyProblems;
  onJoin(params: DemoParams): void;
}

const ROLE_CHOICES = [
  ['host', 'Host', 'go live with your camera'],
  ['cohost', 'Co-host', 'join the stage as a guest'],
  ['audience', 'Viewer', 'watch, raise your hand, send gifts'],
] as const;

/** The lobby form. */
export function Lobby({ initial, joining, problems, onJoin }: LobbyProps): ReactNode {
  const [params, setParams] = useState(initial);
  const id = useId();
  const set = (patch: Partial<DemoParams>) => setParams((current) => ({ ...current, ...patch }));
  const field = (key: 'roomId' | 'name' | 'appId', label: string, hint: string, input: object) =>
    h(
      'div',
      { className: 'field' },
      h('label', { htmlFor: `${id}-${key}` }, label),
      h('input', {
        id: `${id}-${key}`,
        name: key,
        value: params[key],
        'aria-invalid': problems[key] ? true : undefined,
        'aria-describedby': `${id}-${key}-hint`,
        onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }),
        ...input,
      }),
      h(
        'p',
        {
          id: `${id}-${key}-hint`,
          className: problems[key] ? 'field-error' : 'hint',
          role: problems[key] ? 'alert' : undefined,
        },
        problems[key] ?? hint,
      ),
    );
  return h(
    'main',
    { className: 'lobby' },
    h('h1', null, 'liveroom demo room'),
    problems.general &&
      h(
        'div',
        { className: 'banner banner-error', role: 'alert' },
        h('strong', null, problems.general.title),
        ' ',
        problems.general.action,
      ),
    h(
      'form',
      {
        noValidate: true,
        onSubmit: (event: { preventDefault(): void }) => {
          event.preventDefault();
          onJoin({ ...params, roomId: params.roomId.trim(), name: params.name.trim() });
        },
      },
      field('roomId', 'Room name', 'Letters, digits and spaces; up to 64 characters.', { autoFocus: true }),
      field('name', 'Your name (optional)', 'Leave empty for a random one.', { autoComplete: 'nickname' }),
      h(
        'fieldset',
        null,
        h('legend', null, 'Join as'),
        ...ROLE_CHOICES.map(([role, label, hint]) =>
          h(
            'label',
            { key: role, className: 'choice' },
            h('input', {
              type: 'radio',
              name: 'role',
              value: role,
              checked: params.role === role,
              onChange: () => set({ role }),
            }),
            ` ${label} `,
            h('span', { className: 'hint' }, `(${hint})`),
          ),
        ),
      ),
      h(
        'div',
        { className: 'field' },
        h('label', { htmlFor: `${id}-provider` }, 'Provider'),
        h(
          'select',
          {
            id: `${id}-provider`,
            value: params.provider,
            onChange: (event: { target: { value: string } }) => set({ provider: event.target.value as ProviderChoice }),
          },
          h('option', { value: 'local' }, 'Local WebRTC (this machine)'),
          h('option', { value: 'agora' }, 'Agora (needs an App ID)'),
        ),
      ),
      params.provider === 'agora' && field('appId', 'Agora App ID', 'From the Agora console (project settings).', {}),
      h('button', { type: 'submit', className: 'primary', disabled: joining }, joining ? 'Joining…' : 'Join room'),
    ),
  );
}

/**
 * The last line of defence against a blank screen: a render error anywhere
 * below shows what broke and a way back, instead of an empty page.
 */
import { Component, createElement as h, type ReactNode } from 'react';

interface State {
  error: Error | undefined;
}

/** Catches render errors of its children. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return h(
      'main',
      { className: 'fatal', role: 'alert' },
      h('h1', null, 'Something broke in the demo room'),
      h('pre', null, error.message),
      h(
        'button',
        { type: 'button', onClick: () => window.location.assign(window.location.pathname) },
        'Back to the lobby',
      ),
    );
  }
}

/** Boots the demo room page. */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { ErrorBoundary } from './app/ErrorBoundary.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must have a #root element');
createRoot(container).render(h(ErrorBoundary, null, h(App)));

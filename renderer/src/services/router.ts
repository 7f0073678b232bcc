import { useSyncExternalStore } from 'react';

/**
 * Routes live in the URL hash (`#/` the home screen, `#/cases` the work list with its filter as
 * query parameters, `#/new`, `#/case/<id>`, `#/case/<id>/edit`, `#/case/<id>/letter`, `#/meetings`,
 * `#/meeting/<id>`, the desks' `#/request/<id|new>`, `#/files` and `#/case/<id>/draft`, …), so back/forward work in the browser and in Electron, and the app://
 * protocol only ever serves index.html.
 */
export type Route =
  | { view: 'home' }
  | { view: 'worklist'; query: URLSearchParams }
  | { view: 'letter'; id: string }
  | { view: 'meetings'; query: URLSearchParams }
  | { view: 'meeting'; id: string }
  | { view: 'summaries' }
  | { view: 'national' }
  | { view: 'exchange' }
  | { view: 'audit' }
  | { view: 'new' }
  | { view: 'case'; id: string }
  | { view: 'edit'; id: string }
  | { view: 'networks' }
  /** The methods catalogue and the centre's own methods (issue 21). */
  | { view: 'methods' }
  | { view: 'what-if' }
  | { view: 'settings' }
  | { view: 'help' }
  | { view: 'retention' }
  /** Requester desk: a new request (`id` 'new') or an unsent draft. */
  | { view: 'request'; id: string }
  /** Requester and expert desks: the files to send and to open. */
  | { view: 'files' }
  /** Expert desk: the recommendation draft of a case. */
  | { view: 'draft'; id: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { view: 'home' };
  if (parts[0] === 'cases') return { view: 'worklist', query: new URLSearchParams(query) };
  if (parts[0] === 'meetings') return { view: 'meetings', query: new URLSearchParams(query) };
  if (parts[0] === 'meeting' && parts[1]) return { view: 'meeting', id: parts[1] };
  if (parts[0] === 'summaries') return parts[1] === 'national' ? { view: 'national' } : { view: 'summaries' };
  if (parts[0] === 'exchange') return { view: 'exchange' };
  if (parts[0] === 'audit') return { view: 'audit' };
  if (parts[0] === 'new') return { view: 'new' };
  if (parts[0] === 'networks') return { view: 'networks' };
  if (parts[0] === 'methods') return { view: 'methods' };
  if (parts[0] === 'what-if') return { view: 'what-if' };
  if (parts[0] === 'settings') return { view: 'settings' };
  if (parts[0] === 'help') return { view: 'help' };
  if (parts[0] === 'retention') return { view: 'retention' };
  if (parts[0] === 'files') return { view: 'files' };
  if (parts[0] === 'request' && parts[1]) return { view: 'request', id: parts[1] };
  if (parts[0] === 'case' && parts[1]) {
    if (parts[2] === 'edit') return { view: 'edit', id: parts[1] };
    if (parts[2] === 'letter') return { view: 'letter', id: parts[1] };
    if (parts[2] === 'draft') return { view: 'draft', id: parts[1] };
    return { view: 'case', id: parts[1] };
  }
  return { view: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'worklist': {
      const query = route.query.toString();
      return query ? `#/cases?${query}` : '#/cases';
    }
    case 'meetings': {
      const query = route.query.toString();
      return query ? `#/meetings?${query}` : '#/meetings';
    }
    case 'meeting':
      return `#/meeting/${encodeURIComponent(route.id)}`;
    case 'summaries':
      return '#/summaries';
    case 'national':
      return '#/summaries/national';
    case 'exchange':
      return '#/exchange';
    case 'audit':
      return '#/audit';
    case 'letter':
      return `#/case/${encodeURIComponent(route.id)}/letter`;
    case 'new':
      return '#/new';
    case 'case':
      return `#/case/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/case/${encodeURIComponent(route.id)}/edit`;
    case 'networks':
      return '#/networks';
    case 'methods':
      return '#/methods';
    case 'what-if':
      return '#/what-if';
    case 'settings':
      return '#/settings';
    case 'help':
      return '#/help';
    case 'retention':
      return '#/retention';
    case 'request':
      return `#/request/${encodeURIComponent(route.id)}`;
    case 'files':
      return '#/files';
    case 'draft':
      return `#/case/${encodeURIComponent(route.id)}/draft`;
  }
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (options.replace) {
    window.history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

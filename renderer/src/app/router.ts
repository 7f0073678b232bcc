import { useSyncExternalStore } from 'react';

/**
 * Routes live in the URL hash (`#/`, `#/new`, `#/case/<id>`, `#/case/<id>/edit`, with the work
 * list's filter as query parameters), so back/forward work in the browser and in Electron, and the
 * app:// protocol only ever serves index.html.
 */
export type Route =
  | { view: 'worklist'; query: URLSearchParams }
  | { view: 'new' }
  | { view: 'case'; id: string }
  | { view: 'edit'; id: string }
  | { view: 'networks' }
  | { view: 'what-if' }
  | { view: 'settings' };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'new') return { view: 'new' };
  if (parts[0] === 'networks') return { view: 'networks' };
  if (parts[0] === 'what-if') return { view: 'what-if' };
  if (parts[0] === 'settings') return { view: 'settings' };
  if (parts[0] === 'case' && parts[1]) return parts[2] === 'edit' ? { view: 'edit', id: parts[1] } : { view: 'case', id: parts[1] };
  return { view: 'worklist', query: new URLSearchParams(query) };
}

export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'worklist': {
      const query = route.query.toString();
      return query ? `#/?${query}` : '#/';
    }
    case 'new':
      return '#/new';
    case 'case':
      return `#/case/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/case/${encodeURIComponent(route.id)}/edit`;
    case 'networks':
      return '#/networks';
    case 'what-if':
      return '#/what-if';
    case 'settings':
      return '#/settings';
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

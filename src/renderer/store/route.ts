/**
 * Where the user is, kept in the address (`#/documents/<id>?turn=4&q=zorg`) so that a reload, the
 * back button and a bookmark bring them back to the same place.
 */
export type Route =
  | { name: 'start' }
  | { name: 'documents' }
  | { name: 'document'; id: string; turn: number | null; query: string }
  | { name: 'participants' }
  | { name: 'search'; query: string }
  | { name: 'codebook'; labelId: string | null }
  | { name: 'retrieval'; labelId: string | null; params: Record<string, string> }
  | { name: 'memos' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'documents':
      if (parts[1]) {
        const turn = params.get('turn');
        return { name: 'document', id: parts[1], turn: turn === null ? null : Number(turn), query: params.get('q') ?? '' };
      }
      return { name: 'documents' };
    case 'participants':
      return { name: 'participants' };
    case 'search':
      return { name: 'search', query: params.get('q') ?? '' };
    case 'codebook':
      return { name: 'codebook', labelId: parts[1] ?? null };
    case 'retrieval': {
      const rest = Object.fromEntries(params.entries());
      return { name: 'retrieval', labelId: parts[1] ?? null, params: rest };
    }
    case 'memos':
      return { name: 'memos' };
    default:
      return { name: 'start' };
  }
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'start':
      return '#/';
    case 'documents':
      return '#/documents';
    case 'document': {
      const params = new URLSearchParams();
      if (route.turn !== null) params.set('turn', String(route.turn));
      if (route.query) params.set('q', route.query);
      const search = params.toString();
      return `#/documents/${encodeURIComponent(route.id)}${search ? `?${search}` : ''}`;
    }
    case 'participants':
      return '#/participants';
    case 'search':
      return route.query ? `#/search?q=${encodeURIComponent(route.query)}` : '#/search';
    case 'codebook':
      return route.labelId ? `#/codebook/${encodeURIComponent(route.labelId)}` : '#/codebook';
    case 'retrieval': {
      const search = new URLSearchParams(route.params).toString();
      return `#/retrieval${route.labelId ? `/${encodeURIComponent(route.labelId)}` : ''}${search ? `?${search}` : ''}`;
    }
    case 'memos':
      return '#/memos';
  }
}

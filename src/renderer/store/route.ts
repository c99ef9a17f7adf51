/**
 * Where the user is, kept in the address (`#/documents/<id>?turn=4&q=zorg`) so that a reload, the
 * back button and a bookmark bring them back to the same place.
 */
export type Route =
  | { name: 'start' }
  | { name: 'documents' }
  | { name: 'document'; id: string; turn: number | null; query: string }
  | { name: 'participants'; id?: string | null }
  | { name: 'search'; query: string }
  | { name: 'codebook'; labelId: string | null }
  | { name: 'retrieval'; labelId: string | null; params: Record<string, string> }
  | { name: 'memos' }
  | { name: 'round'; round: 1 | 2 | 3 }
  | { name: 'concepts'; conceptId: string | null }
  | { name: 'matrix'; params: Record<string, string> }
  | { name: 'scales'; params: Record<string, string> }
  | { name: 'agreement'; params: Record<string, string> }
  | { name: 'concept-map' }
  | { name: 'learning-questions'; id: string | null }
  | { name: 'tensions'; id: string | null }
  | { name: 'report' };

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
      return { name: 'participants', id: parts[1] ?? null };
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
    case 'rounds': {
      const round = Number(parts[1]);
      return round === 1 || round === 2 || round === 3 ? { name: 'round', round } : { name: 'round', round: 2 };
    }
    case 'concepts':
      return { name: 'concepts', conceptId: parts[1] ?? null };
    case 'matrix':
      return { name: 'matrix', params: Object.fromEntries(params.entries()) };
    case 'scales':
      return { name: 'scales', params: Object.fromEntries(params.entries()) };
    case 'agreement':
      return { name: 'agreement', params: Object.fromEntries(params.entries()) };
    case 'map':
      return { name: 'concept-map' };
    case 'learning-questions':
      return { name: 'learning-questions', id: parts[1] ?? null };
    case 'tensions':
      return { name: 'tensions', id: parts[1] ?? null };
    case 'report':
      return { name: 'report' };
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
      return route.id ? `#/participants/${encodeURIComponent(route.id)}` : '#/participants';
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
    case 'round':
      return `#/rounds/${route.round}`;
    case 'concepts':
      return route.conceptId ? `#/concepts/${encodeURIComponent(route.conceptId)}` : '#/concepts';
    case 'matrix': {
      const search = new URLSearchParams(route.params).toString();
      return `#/matrix${search ? `?${search}` : ''}`;
    }
    case 'scales': {
      const search = new URLSearchParams(route.params).toString();
      return `#/scales${search ? `?${search}` : ''}`;
    }
    case 'agreement': {
      const search = new URLSearchParams(route.params).toString();
      return `#/agreement${search ? `?${search}` : ''}`;
    }
    case 'concept-map':
      return '#/map';
    case 'learning-questions':
      return route.id ? `#/learning-questions/${encodeURIComponent(route.id)}` : '#/learning-questions';
    case 'tensions':
      return route.id ? `#/tensions/${encodeURIComponent(route.id)}` : '#/tensions';
    case 'report':
      return '#/report';
  }
}

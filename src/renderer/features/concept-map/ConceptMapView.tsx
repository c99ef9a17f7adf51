import {
  Background,
  ConnectionMode,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  applyNodeChanges,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concept, ConceptLink, MapPosition } from '../../../shared/analysis.ts';
import { SavedTextarea } from '../../components/SavedTextarea.tsx';
import { useStore } from '../../store/index.ts';
import { LinkDialog } from './LinkDialog.tsx';
import { relationName } from './relations.ts';
import { useConcepts, useLinks, useMapLayout, useRelations } from '../../data/reads.ts';
import { useRead } from '../../data/index.ts';
import { supportCounts } from '../concepts/support-counts.ts';

type ConceptNode = Node<{ concept: Concept }, 'concept'>;

/** Where a concept without a saved place goes: a grid, in the concepts' order. */
function defaultPosition(index: number): { x: number; y: number } {
  return { x: (index % 4) * 320, y: Math.floor(index / 4) * 200 };
}

function buildNodes(concepts: Concept[], layout: MapPosition[]): ConceptNode[] {
  const saved = new Map(layout.map((p) => [p.conceptId, p]));
  return concepts.map((concept, i) => {
    const at = saved.get(concept.id);
    return { id: concept.id, type: 'concept', position: at ? { x: at.x, y: at.y } : defaultPosition(i), data: { concept } };
  });
}

function ConceptNodeView({ data, selected }: NodeProps<ConceptNode>) {
  const { t, i18n } = useTranslation();
  const { concept } = data;
  return (
    <div className={`map-node${selected ? ' is-selected' : ''}`} style={{ borderTopColor: concept.colour }} data-concept-id={concept.id}>
      <Handle type="source" position={Position.Top} id="top" />
      <Handle type="source" position={Position.Left} id="left" />
      <strong className="map-node__name">{concept.name}</strong>
      <span className="map-node__count">{t('map.nodeCount', supportCounts(t, i18n.language, { segments: concept.segmentCount, participants: concept.participantCount }))}</span>
      <Handle type="source" position={Position.Right} id="right" />
      <Handle type="source" position={Position.Bottom} id="bottom" />
    </div>
  );
}

const NODE_TYPES = { concept: ConceptNodeView };

/** The sides of two nodes that face each other, so that a link takes the short way. */
function facingSides(from: { x: number; y: number } | undefined, to: { x: number; y: number } | undefined): [string, string] {
  if (!from || !to) return ['right', 'left'];
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (Math.abs(dx) >= Math.abs(dy) * 1.6) return dx >= 0 ? ['right', 'left'] : ['left', 'right'];
  return dy >= 0 ? ['bottom', 'top'] : ['top', 'bottom'];
}

/** The side panel: the chosen link (type, memo, delete), or a form to link two concepts without dragging. */
function LinkPanel({ link, onSelect, onDone }: { link: ConceptLink | null; onSelect(id: string): void; onDone(): void }) {
  const { t } = useTranslation();
  const concepts = useConcepts();
  const relations = useRelations();
  const links = useLinks();
  const updateLink = useStore((s) => s.updateLink);
  const deleteLink = useStore((s) => s.deleteLink);
  const [pair, setPair] = useState<{ sourceId: string; targetId: string } | null>(null);
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const name = (id: string) => concepts.find((c) => c.id === id)?.name ?? '?';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (source && target && source !== target) setPair({ sourceId: source, targetId: target });
  };
  return (
    <aside className="map__panel" aria-label={t('map.panel')}>
      {link ? (
        <section className="stack" aria-labelledby="map-link-title">
          <div className="map__panel-head">
            <h2 id="map-link-title">{t('map.link')}</h2>
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onDone}>
              ×
            </button>
          </div>
          <p className="map__link-ends">
            <strong>{name(link.sourceId)}</strong>
            <span className="map__link-type">{relationName(t, relations.find((r) => r.id === link.relationTypeId))}</span>
            <strong>{name(link.targetId)}</strong>
          </p>
          <label className="field">
            <span>{t('map.relationType')}</span>
            <select value={link.relationTypeId} onChange={(e) => void updateLink({ id: link.id, relationTypeId: e.target.value })}>
              {relations.map((r) => (
                <option key={r.id} value={r.id}>
                  {relationName(t, r)}
                </option>
              ))}
            </select>
          </label>
          <SavedTextarea label={t('map.memo')} value={link.memo} rows={6} placeholder={t('map.memoPlaceholder')} onSave={(memo) => void updateLink({ id: link.id, memo })} />
          <button
            type="button"
            className="button button--danger-quiet"
            onClick={() => {
              void deleteLink(link.id);
              onDone();
            }}
          >
            {t('map.deleteLink')}
          </button>
        </section>
      ) : (
        <section className="stack">
          <h2>{t('map.linksTitle', { count: links.length })}</h2>
          {/* The links as a list too: a keyboard or screen reader cannot click an edge on the canvas. */}
          {links.length > 0 && (
            <ul className="map__links" aria-label={t('map.linksList')}>
              {links.map((l) => (
                <li key={l.id}>
                  <button type="button" className="map__links-item" onClick={() => onSelect(l.id)}>
                    <strong>{name(l.sourceId)}</strong> <span className="map__link-type">{relationName(t, relations.find((r) => r.id === l.relationTypeId))}</span> <strong>{name(l.targetId)}</strong>
                    {l.memo && <span className="map__links-memo">{l.memo}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">{t('map.howTo')}</p>
          <form className="stack" onSubmit={submit} aria-label={t('map.linkForm')}>
            <label className="field">
              <span>{t('map.from')}</span>
              <select value={source} onChange={(e) => setSource(e.target.value)}>
                <option value="">{t('map.chooseConcept')}</option>
                {concepts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('map.to')}</span>
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">{t('map.chooseConcept')}</option>
                {concepts
                  .filter((c) => c.id !== source)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
              </select>
            </label>
            <button type="submit" className="button" disabled={!source || !target || source === target}>
              {t('map.linkThem')}…
            </button>
          </form>
        </section>
      )}
      <LinkDialog pair={pair} onClose={() => setPair(null)} />
    </aside>
  );
}

/** Round 3's concept map: concepts as nodes, typed links as labelled edges; the layout is kept. */
export function ConceptMapView() {
  const { t } = useTranslation();
  const concepts = useConcepts();
  const links = useLinks();
  const relations = useRelations();
  const layout = useMapLayout();
  const loaded = useRead('concepts/list', {}).data !== undefined;
  const saveLayout = useStore((s) => s.saveLayout);
  const navigate = useStore((s) => s.navigate);
  const [nodes, setNodes] = useState<ConceptNode[]>(() => buildNodes(concepts, layout));
  const [pair, setPair] = useState<{ sourceId: string; targetId: string } | null>(null);
  const [selectedLink, setSelectedLink] = useState<string | null>(null);

  useEffect(() => setNodes(buildNodes(concepts, layout)), [concepts, layout]);
  const onNodesChange = useCallback((changes: NodeChange<ConceptNode>[]) => setNodes((current) => applyNodeChanges(changes, current)), []);

  const edges: Edge[] = useMemo(() => {
    const byId = new Map(relations.map((r) => [r.id, r]));
    const at = new Map(nodes.map((n) => [n.id, n.position]));
    return links.map((link) => {
      const relation = byId.get(link.relationTypeId);
      const [sourceHandle, targetHandle] = facingSides(at.get(link.sourceId), at.get(link.targetId));
      return {
        id: link.id,
        source: link.sourceId,
        target: link.targetId,
        sourceHandle,
        targetHandle,
        label: relationName(t, relation),
        selected: link.id === selectedLink,
        className: `map-edge${link.memo ? ' has-memo' : ''}`,
        markerEnd: relation?.directed ? { type: MarkerType.ArrowClosed, width: 18, height: 18 } : undefined,
        labelBgPadding: [6, 3] as [number, number],
        labelBgBorderRadius: 4,
        ariaLabel: t('map.edgeLabel', { source: concepts.find((c) => c.id === link.sourceId)?.name, relation: relationName(t, relation), target: concepts.find((c) => c.id === link.targetId)?.name }),
      };
    });
  }, [links, relations, concepts, selectedLink, nodes, t]);

  const onConnect = useCallback((connection: Connection) => {
    if (connection.source && connection.target && connection.source !== connection.target) setPair({ sourceId: connection.source, targetId: connection.target });
  }, []);

  const link = links.find((l) => l.id === selectedLink) ?? null;

  if (loaded && concepts.length === 0) {
    return (
      <div className="page page--narrow">
        <section className="empty-state">
          <h1>{t('map.emptyTitle')}</h1>
          <p>{t('map.emptyHelp')}</p>
          <button type="button" className="button button--primary empty-state__action" onClick={() => navigate({ name: 'concepts', conceptId: null })}>
            {t('map.toConcepts')}
          </button>
        </section>
      </div>
    );
  }

  return (
    <div className="map">
      <div className="map__canvas" aria-label={t('map.title')} role="region">
        <ReactFlow<ConceptNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onNodeDragStop={(_event, _node, dragged) => void saveLayout(dragged.map((n) => ({ conceptId: n.id, x: Math.round(n.position.x), y: Math.round(n.position.y) })))}
          onConnect={onConnect}
          onEdgeClick={(_event, edge) => setSelectedLink(edge.id)}
          onPaneClick={() => setSelectedLink(null)}
          connectionMode={ConnectionMode.Loose}
          fitView
          fitViewOptions={{ padding: 0.2, maxZoom: 1.1 }}
          minZoom={0.2}
          deleteKeyCode={null}
        >
          <Background gap={24} color="#e6e1d6" />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <LinkPanel key={link?.id ?? 'none'} link={link} onSelect={setSelectedLink} onDone={() => setSelectedLink(null)} />
      <LinkDialog pair={pair} onClose={() => setPair(null)} />
    </div>
  );
}

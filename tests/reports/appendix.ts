/**
 * An outline with the structure of the study's appendix (seed 001, "Overzicht thema's interviews"):
 * themes phrased as learning questions with their quotes, then a tension part with an introduction,
 * numbered groups, sub-themes, and findings, quotes and implications in a mixed order. The quote
 * texts are the appendix's own (two changed to carry characters that markup must escape).
 */
import type { Outline, OutlineItem, OutlineSection, Quote } from '../../src/shared/analysis.ts';

const PARTICIPANTS = {
  kl: { id: 'p1', name: 'K.L.', attributes: { schooltype: 'ASO', net: 'Katholiek onderwijs', 'kritische case': true } },
  bv: { id: 'p3', name: 'B.V.', attributes: { schooltype: 'TSO', net: 'GO!', 'kritische case': false } },
  ya: { id: 'p5', name: 'Y.A.', attributes: { schooltype: 'BSO', net: 'Stedelijk onderwijs (OVSG)', 'kritische case': false } },
};

let segmentCounter = 0;
const quotes: Record<string, Quote> = {};
function quote(text: string, who: keyof typeof PARTICIPANTS | null, startMs: number | null, turn: number): string {
  const segmentId = `seg-${++segmentCounter}`;
  const participant = who ? PARTICIPANTS[who] : null;
  quotes[segmentId] = {
    segmentId,
    documentId: `doc-${who ?? 'x'}`,
    documentName: who ? `interview-${who}` : 'observatie-intervisie',
    start: 100 * segmentCounter,
    end: 100 * segmentCounter + text.length,
    text,
    participant,
    speakerRole: 'participant',
    speaker: participant?.name ?? null,
    startMs,
    turnPosition: turn,
    labelIds: [],
  };
  return segmentId;
}

/** A Lexical editor state with one paragraph of runs: [text, format bits]. */
export function lexicalParagraph(runs: Array<[string, number]>): string {
  return JSON.stringify({
    root: {
      type: 'root',
      children: [{ type: 'paragraph', children: runs.map(([text, format]) => ({ type: 'text', text, format })) }],
    },
  });
}

export const QUOTES = {
  opleiding: quote(
    'Mocht ik starten, zou ik een opleiding leerlingenbegeleiding willen volgen, omdat het heel veel zoeken was: wat is de basiszorg, het zorgcontinuüm, wat wordt er verwacht? Nu hebben we ok dat lerend netwerk. Vaardigheden leer je vooral door het te doen.',
    'kl',
    754_000,
    41,
  ),
  nascholing: quote(
    'Moest er zo een nascholing of opleiding bestaan, ik zou ze als leerkracht wel gevolgd hebben, want het is nu maar door in de job te staan dat je effectief weet ‘Ah ja, dat zijn de taken die ik moet uitvoeren’.',
    'bv',
    1_322_500,
    57,
  ),
  psychosociaal: quote('Waar ik meer over wil weten, is waar ik op psychosociaal vlak rekening mee moet houden. Hoe kan ik een leerling nog beter begeleiden en het probleem te weten komen?', 'ya', 3_905_000, 88),
  domein: quote(
    'Ik denk dat het wel belangrijk is dat je u aanvult met minstens de basis van het domein waarin je u het minst sterk voelt.\nBij mij is dat dan het psychologische, omdat mijn achtergrond daar niet in ligt.',
    'kl',
    2_100_000,
    63,
  ),
  collega: quote(
    'Bijvoorbeeld mijn collega doet dat niet, gewoon omdat ze zich er niet sterk genoeg in voelt, omdat ze er geen ervaring mee heeft. Maar er ligt daar nog iets te veel initiatief bij mij en mijn collega’s.',
    'bv',
    null,
    12,
  ),
  plannetje: quote('Meer in plannetje gieten kan nog, dat zou een kruisbestuiving kunnen geven onder leerkrachten die eigen sterktes hebben en de brede basiszorg zo verder kunnen uitwerken.', null, null, 4),
  pretentie: quote('We mogen niet de pretentie hebben om te denken dat we het allemaal zelf maar eens zullen oplossen.', 'ya', 1_500_000, 40),
  vormgeving: quote('Vormgeving van het beleid. Dit zou beter bij een coördinator komen, met onze inspraak dan wel.', 'kl', 2_905_000, 70),
  instinctief: quote(
    'Veel gebeurt sowieso instinctief wat maatregelen betreft of met besef ervan. 1 of 2 dagen <per jaar> & *niet* meer… (…) Meer in plannetje gieten kan nog.',
    'bv',
    3_000_000,
    77,
  ),
  paasvakantie: quote(
    '# Bij ons geven ze ook trainingen elk jaar in de paasvakantie en dat gaat uit van het buitengewoon onderwijs. Die zijn vrij intensief.',
    'ya',
    4_010_000,
    95,
  ),
};

let itemCounter = 0;
type ItemSpec = { quote: string } | { finding: string } | { implication: string } | { paragraph: string; rich?: string };
function items(sectionId: string, specs: ItemSpec[]): OutlineItem[] {
  return specs.map((spec, position) => {
    const base = { id: `item-${++itemCounter}`, sectionId, position, segmentId: null, text: '', title: '', rich: null };
    if ('quote' in spec) return { ...base, kind: 'quote', segmentId: spec.quote };
    if ('finding' in spec) return { ...base, kind: 'finding', text: spec.finding };
    if ('implication' in spec) return { ...base, kind: 'implication', text: spec.implication };
    return { ...base, kind: 'paragraph', text: spec.paragraph, rich: spec.rich ?? null };
  });
}

type SectionSpec = { id: string; parentId: string | null; depth: number; title: string; text?: string; rich?: string; tie?: OutlineSection['tie']; items: ItemSpec[] };
const SECTIONS: SectionSpec[] = [
  { id: 's1', parentId: null, depth: 0, title: 'Wat wordt er van de leerlingenbegeleiding verwacht?', tie: { kind: 'learning-question', id: 'lq1' }, items: [{ quote: QUOTES.opleiding }, { quote: QUOTES.nascholing }] },
  { id: 's2', parentId: null, depth: 0, title: 'Hoe voer ik gesprekken met leerlingen en ouders?', tie: { kind: 'learning-question', id: 'lq2' }, items: [{ quote: QUOTES.psychosociaal }, { quote: QUOTES.domein }] },
  { id: 's3', parentId: null, depth: 0, title: 'Hoe ondersteun en coach ik leerkrachten?', tie: { kind: 'concept', id: 'c1' }, items: [{ quote: QUOTES.collega }, { quote: QUOTES.plannetje }] },
  {
    id: 's4',
    parentId: null,
    depth: 0,
    title: 'Spanningsvelden in de jobinvulling',
    text: 'We stelden vast dat er bepaalde spanningen in het begeleiden van leerlingen bestonden, die we konden relateren aan de nieuwe verwachtingen na het decreet LLB (2018).',
    rich: lexicalParagraph([
      ['We stelden vast dat er bepaalde ', 0],
      ['spanningen', 1],
      [' in het begeleiden van leerlingen bestonden, die we konden relateren aan de nieuwe verwachtingen na het ', 0],
      ['decreet LLB', 2],
      [' (2018).', 0],
    ]),
    items: [],
  },
  { id: 's41', parentId: 's4', depth: 1, title: 'Zelfopvatting leerlingenbegeleiding', items: [] },
  {
    id: 's411',
    parentId: 's41',
    depth: 2,
    title: 'Doelpubliek',
    tie: { kind: 'tension', id: 't1' },
    items: [
      { finding: 'Leerlingenbegeleiders voelen zich voor heel veel zaken ter ondersteuning van leerlingen verantwoordelijk. Ze zijn minder bezig met het betrekken van het hele schoolteam en professionaliseren (vooral wegens tijdsgebrek).' },
      { finding: 'Leerlingenbegeleiders zien zich vooral als begeleider van leerlingen (1-op-1), eerder dan als coördinator/ondersteuner van beleid.' },
      { implication: 'Het uitschrijven van het schoolbeleid op vlak van leerlingenbegeleiding wordt soms als administratieve taak opgevat die erbij komt.' },
      { implication: 'Vaak werd een verlangen in specialisatie in 1 domein uitgedrukt, nl. sociaal-emotionele begeleiding.' },
      { paragraph: 'We stelden wel vast dat sommige leerlingenbegeleiders een meer systematische en brede kijk op leerlingenbegeleiding in de school ontwikkelden:' },
      { quote: QUOTES.pretentie },
      { quote: QUOTES.vormgeving },
    ],
  },
  {
    id: 's412',
    parentId: 's41',
    depth: 2,
    title: 'Afstemming',
    tie: { kind: 'tension', id: 't2' },
    items: [
      { finding: 'Afstemming onder collega’s is courant. Ook met leraren wordt overlegd, bijv. tijdens de pauze, ook al blijkt deze band nog geen institutioneel karakter te hebben.' },
      { quote: QUOTES.instinctief },
      { finding: 'Afstemming gebeurt voornamelijk met een focus op leerlingen, eerder dan op het ondersteunen van leerkrachten en beleid.' },
    ],
  },
  { id: 's42', parentId: 's4', depth: 1, title: 'Personeelsbeleid', items: [] },
  {
    id: 's421',
    parentId: 's42',
    depth: 2,
    title: 'Professionalisering',
    tie: { kind: 'tension', id: 't3' },
    items: [
      { implication: 'Scholen kunnen nascholing buiten de vakanties plannen.' },
      { quote: QUOTES.paasvakantie },
      { finding: 'Nascholing valt vaak in vakanties.' },
    ],
  },
];

export function appendixOutline(): Outline {
  return {
    sections: SECTIONS.map((spec, index) => ({
      id: spec.id,
      parentId: spec.parentId,
      position: index,
      title: spec.title,
      text: spec.text ?? '',
      rich: spec.rich ?? null,
      tie: spec.tie ?? null,
      numbering: null,
      itemNumbering: null,
      items: items(spec.id, spec.items),
      depth: spec.depth,
    })),
    quotes,
    edits: {},
  };
}

/**
 * What a reader should find, in order, written down from the outline above (not from the exporter):
 * the heading texts with their level, and the items as kind + text.
 */
export type Expected = { kind: 'heading'; level: number; text: string } | { kind: 'quote' | 'finding' | 'implication' | 'paragraph'; text: string };

export const EXPECTED: Expected[] = [
  { kind: 'heading', level: 1, text: 'Wat wordt er van de leerlingenbegeleiding verwacht?' },
  { kind: 'quote', text: quotes[QUOTES.opleiding]!.text },
  { kind: 'quote', text: quotes[QUOTES.nascholing]!.text },
  { kind: 'heading', level: 1, text: 'Hoe voer ik gesprekken met leerlingen en ouders?' },
  { kind: 'quote', text: quotes[QUOTES.psychosociaal]!.text },
  { kind: 'quote', text: quotes[QUOTES.domein]!.text },
  { kind: 'heading', level: 1, text: 'Hoe ondersteun en coach ik leerkrachten?' },
  { kind: 'quote', text: quotes[QUOTES.collega]!.text },
  { kind: 'quote', text: quotes[QUOTES.plannetje]!.text },
  { kind: 'heading', level: 1, text: 'Spanningsvelden in de jobinvulling' },
  { kind: 'paragraph', text: SECTIONS[3]!.text! },
  { kind: 'heading', level: 2, text: '1) Zelfopvatting leerlingenbegeleiding' },
  { kind: 'heading', level: 3, text: 'Doelpubliek' },
  ...(SECTIONS[5]!.items.map((spec) =>
    'quote' in spec ? { kind: 'quote' as const, text: quotes[spec.quote]!.text } : 'finding' in spec ? { kind: 'finding' as const, text: spec.finding } : 'implication' in spec ? { kind: 'implication' as const, text: spec.implication } : { kind: 'paragraph' as const, text: spec.paragraph },
  )),
  { kind: 'heading', level: 3, text: 'Afstemming' },
  { kind: 'finding', text: (SECTIONS[6]!.items[0] as { finding: string }).finding },
  { kind: 'quote', text: quotes[QUOTES.instinctief]!.text },
  { kind: 'finding', text: (SECTIONS[6]!.items[2] as { finding: string }).finding },
  { kind: 'heading', level: 2, text: '2) Personeelsbeleid' },
  { kind: 'heading', level: 3, text: 'Professionalisering' },
  { kind: 'implication', text: 'Scholen kunnen nascholing buiten de vakanties plannen.' },
  { kind: 'quote', text: quotes[QUOTES.paasvakantie]!.text },
  { kind: 'finding', text: 'Nascholing valt vaak in vakanties.' },
];

export function quoteOf(segmentId: string): Quote {
  return quotes[segmentId]!;
}

import type { GuideQuestionType } from '../model.ts';

/**
 * The study Duiding was first built for (../shared/reference/study.md): the interview guide of the
 * LLB interviews (seed 000, "Interviewleidraad") and the five labels its researchers prepared before
 * reading (round 1, a priori).
 *
 * The guide text is the seed's, section by section; the introduction and the closing are left out
 * (they are talk, not questions to code against). The seed marks only the introduction's type
 * (INLEIDEND); the other types are our reading of its legend: a topic-change remark is
 * STRUCTUREREND (structuring), "BIJVRAAG:" is a follow-up and is given as its own question, "what do
 * others expect" is INDIRECT. The definitions are written for this template from the guide's
 * questions: a start that the researcher sharpens, not the study's own wording.
 */
export interface TemplateLabel {
  name: string;
  definition: string;
  inclusion?: string;
  exclusion?: string;
  children?: TemplateLabel[];
}

export interface CodebookTemplate {
  guide: Array<{ title: string; questions: Array<{ text: string; type: GuideQuestionType }> }>;
  /** Prepared before reading: created as a-priori labels. */
  labels: TemplateLabel[];
  /**
   * Labels that emerged in the original study once the school context was taken into account.
   * Offered, not imposed: in a new study they would be the researcher's own finding, so they are
   * only added on request, and then as emergent labels.
   */
  emergent: TemplateLabel[];
}

export const LLB_STUDY: CodebookTemplate = {
  guide: [
    {
      title: 'ACHTERGROND PERSOONLIJK',
      questions: [
        { text: 'OK, we starten dus met even te kijken wat jouw achtergrond is.', type: 'structuring' },
        { text: 'Kan je me zeggen wat jouw huidige functie is? Ben je louter leerlingenbegeleider of oefen je nog een andere functie uit?', type: 'opening' },
        { text: 'Wat is het aandeel van leerlingenbegeleiding in jouw opdracht?', type: 'direct' },
        { text: 'Wordt er bij jullie op school gewerkt met een leerlingenbegeleiding per graad?', type: 'direct' },
        { text: 'Hoe ben je in deze job terechtgekomen?', type: 'opening' },
        { text: 'Hoelang ben je al aan de slag als leerlingenbegeleider (op je huidige school)?', type: 'direct' },
        { text: 'Wat is jouw opleiding? Welke professionele ervaring heb je?', type: 'direct' },
        { text: 'In welke mate helpt de opleiding of ervaring om jouw job als leerlingenbegeleider uit te voeren?', type: 'probing' },
      ],
    },
    {
      title: 'ACHTERGROND SCHOOL',
      questions: [
        { text: 'Heeft jouw school bepaalde typische kenmerken die voor jouw taak als leerlingenbegeleider belangrijk zijn?', type: 'opening' },
        { text: 'Welke specifieke noden komen vaak voor binnen jullie leerlingenpopulatie?', type: 'specifying' },
      ],
    },
    {
      title: 'JOBINVULLING',
      questions: [
        { text: 'OK, super, nu gaan we even kijken naar de concrete jobinvulling.', type: 'structuring' },
        { text: 'Hoe krijg je zicht op welke leerlingen nood aan ondersteuning hebben? Wat doe je eens je dit hebt?', type: 'opening' },
        {
          text: 'Hoe ziet je dag als leerlingenbegeleider eruit van het moment dat je de school binnenwandelt tot het moment dat je de school verlaat?',
          type: 'opening',
        },
        { text: 'Wat zit in jouw takenpakket dat er volgens jou niet moet inzitten? Wat ontbreekt er volgens jou dat er wel moet inzitten?', type: 'direct' },
        {
          text:
            'Volgens het decreet leerlingenbegeleiding zijn de volgende vier domeinen belangrijk: onderwijsloopbaanbegeleiding, leren en studeren, ' +
            'psychisch en sociaal functioneren en preventieve gezondheidszorg. Met welke van deze vier domeinen ben je het meest bezig tijdens je job? ' +
            'Is dat OK voor jou?',
          type: 'direct',
        },
        { text: 'Heb je het gevoel dat je efficiënt kan werken? Waaraan ligt dat?', type: 'follow-up' },
        {
          text: 'Indien jij een leerlingenbegeleider zou moeten aanwerven, wat zijn de belangrijkste eigenschappen waarover die zou moeten beschikken? Wat moet die kennen en kunnen?',
          type: 'indirect',
        },
      ],
    },
    {
      title: 'BELEID SCHOOL',
      questions: [
        {
          text: 'Nu gaan we even kijken naar het schoolbeleid en de verwachtingen naar jou toe. Een leerlingenbegeleider heeft immers te maken met verwachtingen van heel veel verschillende mensen.',
          type: 'structuring',
        },
        { text: 'Kan je even zeggen wat volgens jou de leerkrachten vooral verwachten van jou?', type: 'indirect' },
        { text: 'En hoe zit dat bij de leerlingen?', type: 'follow-up' },
        { text: 'Is dit anders bij de ouders?', type: 'follow-up' },
        { text: 'En wat verwacht de directie? Wordt er op jouw school een functieprofiel voor leerlingenbegeleiders gebruikt?', type: 'follow-up' },
        { text: 'Heb je het gevoel dat jouw verwachtingen en invullingen gelijklopen met die die we zonet bespraken? Waaraan wijt je eventuele verschillen?', type: 'probing' },
        { text: 'Heb je het gevoel dat jouw verwachtingen stroken met deze van de anderen? Waaraan wijt je eventuele verschillen?', type: 'probing' },
        {
          text: 'Heb je het gevoel dat het beleid rond leerlingenbegeleiding door iedereen op school gedragen wordt? (Heb je suggesties om het draagvlak te vergroten?)',
          type: 'direct',
        },
        {
          text: 'De fasen van de brede basiszorg en de verhoogde zorg zijn verantwoordelijkheden van de school. Hoe worden deze fasen bij jullie concreet ingevuld? Wie doet wat?',
          type: 'specifying',
        },
      ],
    },
    {
      title: 'NETWERKEN',
      questions: [
        { text: 'Als leerlingenbegeleider moet je ook vaak samenwerken met personen of netwerken buiten de school.', type: 'structuring' },
        { text: 'Heb je een goed zicht op welke zorgpartners buiten de school je allemaal een beroep kan doen?', type: 'opening' },
        { text: 'Ben je tevreden over de communicatie tussen deze partners, de school en de leerlingen en hun ouders? Briefen zij elkaar ook onderling?', type: 'direct' },
        {
          text:
            'Het CLB heeft naar de school toe een signaalfunctie in fase 0 en een consultatieve functie in fase 1. Is de rol van het CLB binnen jullie ' +
            'samenwerking duidelijk voor jou? (Wanneer contacteer jij hen, wanneer nemen zij initiatief, zijn ze aanwezig op klassenraden, op ' +
            'vergaderingen van de leerlingenraad?)',
          type: 'specifying',
        },
      ],
    },
    {
      title: 'LEREN',
      questions: [
        { text: 'In dit laatste deel van het interview wil ik graag eens polsen bij wie, waar of op welke manier je jezelf bijschoolt of informeert.', type: 'structuring' },
        { text: 'Bijvoorbeeld, als je iets niet weet, bij wie of waar zoek je hulp?', type: 'opening' },
        { text: 'Is dat ook zo wanneer je “vastzit” met een leerling?', type: 'follow-up' },
        { text: 'En als je te maken krijgt met iets bij een leerling waar je nog niet veel over weet (afasie, DCD, dyspraxie...), waar of hoe zoek je info?', type: 'specifying' },
        { text: 'Als je niet weet welke professionele partner (MFC, DOP...) je kan helpen met een probleem, hoe pak je dat dan aan?', type: 'specifying' },
        { text: 'Hoe kom je te weten wat het nieuwe decreet allemaal inhoudt?', type: 'direct' },
        { text: 'Wanneer je het gevoel hebt dat je iets niet goed kan (psychologisch gesprek met leerling, gesprek met ouders), wat doe je dan?', type: 'specifying' },
        { text: 'Waar of bij wie zoek je hulp?', type: 'follow-up' },
        {
          text:
            'Met welke hulpvragen richt jouw school zich tot de pedagogische begeleiders voor leerlingenbegeleiding? Hoe verloopt deze samenwerking? ' +
            'Wat is de intensiteit hiervan? Is er een dialoog tussen de PBD en het CLB (en school). Op welke manier?',
          type: 'direct',
        },
        {
          text:
            'Er veranderde de voorbije jaren veel in het zorglandschap. (invoering M-decreet, de modernisering secundair onderwijs, het gebruik van ' +
            'U- en L-schalen in het referentiekader onderwijskwaliteit ...) Wat was voor jou de grootste verandering?',
          type: 'direct',
        },
        { text: 'Heb je het gevoel dat je extra dingen nodig hebt om met deze veranderingen op een goede manier om te gaan?', type: 'follow-up' },
        {
          text:
            'Er wordt nu in het decreet verwacht dat leerlingenbegeleiders leerkrachten coachen om de brede basiszorg in hun klassen te ondersteunen. ' +
            'Hoe vullen jullie dat in of hoe zouden jullie dat invullen?',
          type: 'specifying',
        },
        { text: 'Wat is nodig om die samenwerking te doen slagen?', type: 'follow-up' },
        { text: 'Als we eens terugkijken op het interview, waar zitten dan voor jou de grootste leervragen?', type: 'interpreting' },
        { text: 'Waar dacht jij het meest, hier wil ik eigenlijk meer over weten of daar wil ik vaardiger in worden?', type: 'follow-up' },
        { text: 'Vind je dat er een specifieke opleiding moet komen voor leerlingenbegeleiders? Waarom wel/niet?', type: 'direct' },
      ],
    },
  ],
  labels: [
    {
      name: 'profiel leerlingenbegeleider',
      definition:
        'Wie de leerlingenbegeleider is: huidige functie en opdracht, hoe die in de job terechtkwam en hoelang al, en welke eigenschappen, ' +
        'kennis en vaardigheden een leerlingenbegeleider volgens de respondent nodig heeft.',
      inclusion: 'De eigen functie, het aandeel leerlingenbegeleiding in de opdracht, de weg naar de job, het gewenste profiel bij een aanwerving.',
      exclusion: 'Wat een opleiding of eerdere ervaring bijdraagt aan de job: zie nuttige opleiding en nuttige ervaring.',
    },
    {
      name: 'visie op leerkrachten',
      definition:
        'Hoe de leerlingenbegeleider naar leerkrachten kijkt: wat leerkrachten van de leerlingenbegeleider verwachten en omgekeerd, hun rol in ' +
        'de zorg voor leerlingen en het coachen van leerkrachten.',
      inclusion: 'Verwachtingen van en over leerkrachten, draagvlak bij het team, leerkrachten ondersteunen of coachen.',
    },
    {
      name: 'taakopvatting en samenwerkingen',
      definition:
        'Hoe de leerlingenbegeleider de eigen taak opvat en invult (takenpakket, domeinen, een dag op school, verwachtingen van leerlingen, ' +
        'ouders en directie) en met wie die samenwerkt, binnen en buiten de school.',
      inclusion: 'Wat wel of niet tot de taak hoort, hoe de dag verloopt, samenwerking met collega’s, directie en externe partners.',
    },
    {
      name: 'nuttige opleiding',
      definition:
        'Opleidingen, vormingen en bijscholing die de leerlingenbegeleider nuttig vindt voor de job of mist, ook de vraag naar een eigen ' +
        'opleiding voor leerlingenbegeleiders.',
    },
    {
      name: 'nuttige ervaring',
      definition: 'Eerdere professionele of persoonlijke ervaringen die de leerlingenbegeleider helpen in de job.',
    },
  ],
  emergent: [
    {
      name: 'samenwerking met CLB en PBD',
      definition: 'De samenwerking met het centrum voor leerlingenbegeleiding (CLB) en de pedagogische begeleidingsdienst (PBD).',
    },
    {
      name: 'toestand zorgcontinuüm',
      definition: 'Hoe de school de fasen van het zorgcontinuüm invult.',
      children: [
        { name: 'brede basiszorg', definition: 'Zorg voor alle leerlingen, in de klas en op school (fase 0).' },
        { name: 'verhoogde zorg', definition: 'Extra zorg voor leerlingen die meer nodig hebben dan de brede basiszorg (fase 1).' },
        { name: 'betrekken van leerkrachten', definition: 'Hoe leerkrachten betrokken worden bij de brede basiszorg en de verhoogde zorg.' },
      ],
    },
    {
      name: 'organische groei en organisatievormen van LLB',
      definition: 'Hoe de leerlingenbegeleiding op school gegroeid is en georganiseerd wordt (per graad, in een team, met een coördinator…).',
    },
  ],
};

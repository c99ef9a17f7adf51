/**
 * Writes fixtures/surveys/intervisie-jaar2.xlsx: a year-2-like questionnaire (three intervision
 * groups, seven open questions, the days per guidance domain of a 5-day week, a date). Run with
 * `npx tsx scripts/make-survey-fixtures.ts`; the file is committed, so the tests read a real .xlsx.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

const header = [
  'Naam',
  'Groep',
  'Ingevuld op',
  '1. Wat loopt er al goed in de leerlingenbegeleiding?',
  '2. Wat loopt er minder goed in de leerlingenbegeleiding?',
  'Onderwijsloopbaan: /5',
  'Leren en studeren: /5',
  'Psychisch en sociaal functioneren: /5',
  'Preventieve gezondheidszorg: /5',
  '4. Wat vind je jouw rol en die van andere leerkrachten?',
  '5. Hoe ondersteunt de visie van je school je?',
  '6. Waarin zou jij graag meer ondersteuning krijgen?',
  '7. Hoe ziet die ondersteuning of professionalisering er best uit?',
  '8. Wat heb je nodig om leerachterstanden weg te werken?',
];
type Row = [string, string, Date, string, string, number, number, number, number, string, string, string, string, string];
const rows: Row[] = [
  ['Katrien Lemmens', 'Groep 1', new Date(Date.UTC(2021, 2, 4)), 'Leerlingen komen spontaan langs als ze vastlopen met plannen.', 'Ik heb te weinig tijd om alle leerlingen op te volgen.', 1, 2.5, 1, 0.5, 'Ik coach leerlingen in leren leren; leerkrachten signaleren.', 'De visie staat op papier maar leeft weinig in het team.', 'Meer tijd voor overleg met het CLB.', 'Intervisie met collega-leercoaches van andere scholen.', 'Tijd en kleine groepjes voor remediëring.'],
  ['Jonas De Smet', 'Groep 1', new Date(Date.UTC(2021, 2, 4)), 'Het gesprek met ouders loopt goed sinds we vaste momenten hebben.', '', 0.5, 3, 1, 0.5, 'Ik ben aanspreekpunt voor studiekeuze.', 'Er is een duidelijke visie op brede basiszorg.', 'Meer ondersteuning bij differentiatie in de klas.', 'Korte vormingen op school, na de lessen.', 'Extra handen in de klas.'],
  ['Sofie Peeters', 'Groep 2', new Date(Date.UTC(2021, 2, 11)), 'Ik maak een verschil als een leerling na een moeilijke periode weer meedoet.', 'Leerkrachten verwijzen elke kleine vraag naar mij door.', 1, 1, 2.5, 0.5, 'Mijn rol is vooral het psychosociale; leerkrachten doen de eerste lijn.', 'De visie helpt omdat iedereen weet wie wat doet.', 'Meer tijd voor overleg over leerlingen met zorgnoden.', 'Een lerend netwerk waar we casussen bespreken.', 'Duidelijke afspraken over inhaaltoetsen.'],
  ['Geert Van Damme', 'Groep 2', new Date(Date.UTC(2021, 2, 11)), 'Het zorgteam werkt goed samen.', 'Het is moeilijk om leerkrachten mee te krijgen in het zorgbeleid.', 0.5, 1.5, 2, 1, 'Ik coördineer; de klassenleraars volgen hun klas op.', '', 'Ondersteuning bij het betrekken van leerkrachten.', 'Begeleiding op de werkvloer door een pedagogisch begeleider.', 'Meer tijd voor overleg tussen leerkrachten.'],
  ['Lotte Maes', 'Groep 3', new Date(Date.UTC(2021, 2, 18)), 'Leerlingen vinden de weg naar de leerlingenbegeleiding.', 'Administratie neemt te veel tijd in.', 2, 1, 1.5, 0.5, 'Ik ben de brug tussen ouders, leerlingen en leerkrachten.', 'De visie van het net geeft houvast.', 'Meer tijd en minder administratie.', 'Uitwisseling met andere scholen van het netwerk.', 'Een vaste studiebegeleiding na school.'],
  ['Pieter Claes', 'Groep 3', new Date(Date.UTC(2021, 2, 18)), 'Preventieve acties rond welbevinden slaan aan.', 'De opvolging van afspraken loopt soms mis.', 1, 1, 1, 2, 'Ik organiseer preventie; leerkrachten dragen het mee.', 'De visie wordt elk jaar besproken op de personeelsvergadering.', '', 'Vormingen over preventieve gezondheidszorg.', 'Meer ondersteuning voor leerlingen met leerachterstand.'],
];

const workbook = new ExcelJS.Workbook();
workbook.created = new Date(0);
workbook.modified = new Date(0);
const sheet = workbook.addWorksheet('Antwoorden');
sheet.addRow(header);
for (const row of rows) sheet.addRow(row);
sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
writeFileSync(new URL('../fixtures/surveys/intervisie-jaar2.xlsx', import.meta.url), new Uint8Array(await workbook.xlsx.writeBuffer()));
console.log('wrote fixtures/surveys/intervisie-jaar2.xlsx');

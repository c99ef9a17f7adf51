/**
 * A large questionnaire: `npx tsx bench/measure/surveys.ts [RESPONDENTS] [ITEMS]` (default 10,000 ×
 * 42, as a school board's self-assessment of every teacher might be) imported through the real
 * handler, then the scales view read overall and by role. Prints one JSON document of milliseconds.
 * Also run by `npm run bench` at its own size (surveys: respondents × items of the size).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { call } from '../../src/main/core/handlers.ts';
import { Session } from '../../src/main/core/session.ts';

const WORDS = ['volledig oneens', 'oneens', 'eerder oneens', 'neutraal', 'eerder eens', 'eens', 'volledig eens'];
const ROLES = ['leerkracht', 'ondersteuner', 'schoolleider', 'directie'];

/** A seed-004-shaped file: id, role, school, `items` statements on 0–6 in dimensions of six (every fifth answer a word), two open questions. */
export function surveyCsv(respondents: number, items: number): string {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // Six statements per dimension, as seed 004's: A1.1 … A1.6, B1.1 …
  const headers = ['Respondent', 'Rol', 'School'];
  for (let i = 0; i < items; i++) headers.push(`${String.fromCharCode(65 + Math.floor(i / 6))}1.${(i % 6) + 1} Stelling ${i + 1}`);
  headers.push('Sterke punten van het beleid', 'Prioriteiten voor volgend jaar');
  const lines = [headers.join(';')];
  for (let r = 0; r < respondents; r++) {
    const row = [`S${String(r + 1).padStart(5, '0')}`, ROLES[r % ROLES.length]!, `School ${1 + (r % 37)}`];
    for (let i = 0; i < items; i++) {
      const v = Math.floor(random() * 7);
      row.push(random() < 0.2 ? WORDS[v]! : String(v));
    }
    row.push(`We werken goed samen in team ${r % 11}, de leerlingen merken dat`, r % 3 === 0 ? '' : `Meer tijd voor overleg over leerling ${r}`);
    lines.push(row.join(';'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function measureSurveys(dir: string, respondents: number, items: number): Promise<Record<string, number>> {
  const csv = join(dir, 'zelfevaluatie.csv');
  writeFileSync(csv, surveyCsv(respondents, items));
  const session = new Session('bench');
  session.create(join(dir, 'survey.duiding'), 'Bench survey');
  try {
    const out: Record<string, number> = { respondents, items };
    // Wall time and this process's CPU time: on a shared machine the second says more about the code.
    const time = async (key: string, name: string, args: unknown) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await call(session, name, args);
      const used = process.cpuUsage(cpu);
      out[`${key}Ms`] = Math.round(performance.now() - started);
      out[`${key}CpuMs`] = Math.round((used.user + used.system) / 1000);
    };
    await time('import', 'surveys/import', { file: { path: csv } });
    await time('scales', 'surveys/scales', {});
    await time('scalesByRole', 'surveys/scales', { by: 'Rol' });
    await time('coded', 'surveys/codedAnswers', { by: 'Rol' });
    return out;
  } finally {
    session.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-survey-bench-'));
  try {
    const result = await measureSurveys(dir, Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 42));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

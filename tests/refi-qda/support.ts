import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { EXTERNAL, tempDir } from '../support/temp.ts';

export const REFI = join(EXTERNAL, 'refi-qda');
export const SAMPLES = join(REFI, 'samples');
export const CODEBOOKS = join(REFI, 'codebooks');
export const PROJECT_XSD = join(REFI, 'xsd', 'Project.xsd');
export const CODEBOOK_XSD = join(REFI, 'xsd', 'Codebook.xsd');

/**
 * Validates XML against an XSD with xmllint. Missing xmllint fails the test (it is not skipped):
 * schema validity is what this suite promises.
 */
export function xmllint(xml: Uint8Array | string, xsd: string): { valid: boolean; output: string } {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error('xmllint is not installed, and the REFI-QDA tests validate against the XSDs with it: install libxml2-utils (sudo apt-get install libxml2-utils; .ci/run does this).');
  }
  const file = join(tempDir(), 'check.xml');
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** A zip of the given entries, written to a temp file; returns its path. */
export function zipFile(name: string, entries: Record<string, string | Uint8Array>): string {
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(entries)) zippable[path] = typeof data === 'string' ? strToU8(data) : data;
  const path = join(tempDir(), name);
  writeFileSync(path, zipSync(zippable));
  return path;
}

/** Counts elements in raw XML text (independently of the importer's parser). */
export function countElements(xml: string, name: string): number {
  return (xml.match(new RegExp(`<${name}[\\s/>]`, 'g')) ?? []).length;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

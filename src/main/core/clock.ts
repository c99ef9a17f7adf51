import { randomUUID } from 'node:crypto';

/** Text ids for every entity. */
export function newId(): string {
  return randomUUID();
}

/** The one timestamp format of a project: ISO 8601 in UTC with milliseconds. */
export function now(): string {
  return new Date().toISOString();
}

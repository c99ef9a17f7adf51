import type { AttributeValue } from '../../shared/model.ts';
import { formatTimecode } from '../../shared/text/timecode.ts';

export { formatTimecode };

const locale = (language: string) => (language === 'nl' ? 'nl-BE' : 'en-GB');

/**
 * Formatters are made once per language and options: `toLocaleString` builds a new one on every
 * call, which cost 60 ms of the first screen for the numbers of 40 table rows.
 */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cachedFormat<F extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: 'number' | 'date', language: string, options: object, make: (locale: string) => F): F {
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let format = formats.get(key) as F | undefined;
  if (!format) formats.set(key, (format = make(locale(language))));
  return format;
}

const numberFormat = (language: string, options: Intl.NumberFormatOptions = {}) => cachedFormat('number', language, options, (l) => new Intl.NumberFormat(l, options));
const dateFormat = (language: string, options: Intl.DateTimeFormatOptions) => cachedFormat('date', language, options, (l) => new Intl.DateTimeFormat(l, options));

export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/** A share (0–1) as a percentage; under a tenth with one decimal, so that a first coded passage does not read as 0 %. */
export function formatShare(share: number, language: string): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0 }).format(share);
}

export function formatDate(iso: string, language: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(language, options).format(date);
}

export function showValue(value: AttributeValue, yes: string, no: string): string {
  return typeof value === 'boolean' ? (value ? yes : no) : String(value);
}

import type { AttributeValue } from '../../shared/model.ts';
import { formatTimecode } from '../../shared/text/timecode.ts';

export { formatTimecode };

const locale = (language: string) => (language === 'nl' ? 'nl-BE' : 'en-GB');

/**
 * Formatters are made once per language and options: `toLocaleString` builds a new one on every
 * call, which cost 60 ms of the first screen for the numbers of 40 table rows.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(language: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale(language), options)));
  return format;
}

function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale(language), options)));
  return format;
}

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

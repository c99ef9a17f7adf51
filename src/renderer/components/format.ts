import type { AttributeValue } from '../../shared/model.ts';
import { formatTimecode } from '../../shared/text/timecode.ts';

export { formatTimecode };

export function formatNumber(value: number, language: string): string {
  return value.toLocaleString(language === 'nl' ? 'nl-BE' : 'en-GB');
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === 'nl' ? 'nl-BE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function showValue(value: AttributeValue, yes: string, no: string): string {
  return typeof value === 'boolean' ? (value ? yes : no) : String(value);
}

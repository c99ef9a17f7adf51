/** A REFI-QDA colour (`#RRGGBB` or `#RGB`) as Duiding stores it (`#RRGGBB`, upper case), or null when it is none. */
export function colourOf(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase() : null;
}

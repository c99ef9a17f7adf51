import type { CSSProperties } from 'react';

/** A label's colour for the quotes' rule and the heading. */
export const labelColour = (colour: string) => ({ '--label': colour }) as CSSProperties;

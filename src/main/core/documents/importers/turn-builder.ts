import { collapseSpaces } from '../../../../shared/text/normalize.ts';

/** A speaker turn as an importer finds it, before pseudonyms and offsets. */
export interface RawTurn {
  speaker: string | null;
  text: string;
  startMs: number | null;
  endMs: number | null;
  /** The page of a PDF the turn stands on, counted from 1. */
  page?: number | null;
}

type Separator = ' ' | '\n';

interface OpenTurn extends RawTurn {
  key: string | null;
}

export function speakerKey(label: string | null): string | null {
  return label === null ? null : collapseSpaces(label).toLocaleLowerCase('nl');
}

/**
 * Collects turns. A turn is a maximal run of one speaker: `speaker()` with the speaker who is already
 * talking continues the turn. Text fragments are whitespace-collapsed; paragraphs inside a turn are
 * joined with `\n`, wrapped lines and cues with a space.
 */
export class TurnBuilder {
  private readonly turns: OpenTurn[] = [];
  private current: OpenTurn | null = null;
  private pendingSeparator: Separator | null = null;

  /** Starts a turn by `label`, or continues the current one if that speaker is talking already. */
  speaker(label: string | null, startMs: number | null, mergeSeparator: Separator): void {
    const key = speakerKey(label);
    if (this.current && this.current.key === key) {
      if (this.current.text) this.pendingSeparator = mergeSeparator;
      else this.current.startMs ??= startMs;
      return;
    }
    this.dropEmptyCurrent();
    this.current = { speaker: label === null ? null : collapseSpaces(label), key, text: '', startMs, endMs: null };
    this.turns.push(this.current);
    this.pendingSeparator = null;
  }

  /** Makes sure a turn is open (a speakerless one if none is), timed at `startMs`. */
  ensureTurn(startMs: number | null): void {
    if (!this.current) this.speaker(null, startMs, '\n');
  }

  /** Ends the current turn: the next text starts a new one even with the same speaker. */
  endTurn(): void {
    this.dropEmptyCurrent();
    this.current = null;
  }

  text(fragment: string, separator: Separator, endMs: number | null = null): void {
    const clean = collapseSpaces(fragment);
    if (!clean) return;
    if (!this.current) this.speaker(null, null, '\n');
    const turn = this.current!;
    turn.text = turn.text ? turn.text + (this.pendingSeparator ?? separator) + clean : clean;
    this.pendingSeparator = null;
    if (endMs !== null) turn.endMs = endMs;
  }

  get currentSpeaker(): string | null {
    return this.current?.speaker ?? null;
  }

  finish(): RawTurn[] {
    this.dropEmptyCurrent();
    this.current = null;
    return this.turns.map(({ speaker, text, startMs, endMs }) => ({ speaker, text, startMs, endMs }));
  }

  private dropEmptyCurrent(): void {
    if (this.current && !this.current.text) {
      this.turns.pop();
      this.current = null;
    }
  }
}

/**
 * The agreement coefficients as pure functions (issue 26): percent agreement, Cohen's κ,
 * Krippendorff's α for nominal data (any number of coders, missing values allowed) and his unitizing
 * α for a continuum (Krippendorff 2019, §12.6). Each returns null where it is undefined — no pairable
 * values, or one category only, where chance agreement is already perfect — never NaN.
 *
 * Units come as value counts (how many coders gave each value), optionally with a weight: the many
 * units nobody coded with a label are one entry of weight n, so that a corpus of half a million
 * sentences costs no more than its coded ones.
 */

export type Value = string | number;

/** One unit: how many coders gave each value (missing values left out), `weight` identical units. */
export interface UnitCounts {
  counts: ReadonlyMap<Value, number>;
  weight?: number;
}

/** A units × coders table (null = missing) as value counts per unit. */
export function unitsOf(table: ReadonlyArray<ReadonlyArray<Value | null>>): UnitCounts[] {
  return table.map((row) => {
    const counts = new Map<Value, number>();
    for (const value of row) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    return { counts };
  });
}

/** The coincidence matrix: each unit's pairs of values from different coders, weighted 1/(m_u − 1). */
export class Coincidences {
  readonly o = new Map<Value, Map<Value, number>>();
  /** Units with at least two values. */
  units = 0;

  add(unit: UnitCounts): this {
    const weight = unit.weight ?? 1;
    if (weight === 0) return this;
    let m = 0;
    for (const n of unit.counts.values()) m += n;
    if (m < 2) return this;
    this.units += weight;
    for (const [c, nc] of unit.counts) {
      for (const [k, nk] of unit.counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs === 0) continue;
        const row = this.o.get(c) ?? new Map<Value, number>();
        this.o.set(c, row);
        row.set(k, (row.get(k) ?? 0) + (weight * pairs) / (m - 1));
      }
    }
    return this;
  }

  merge(other: Coincidences): this {
    this.units += other.units;
    for (const [c, row] of other.o) {
      const mine = this.o.get(c) ?? new Map<Value, number>();
      this.o.set(c, mine);
      for (const [k, v] of row) mine.set(k, (mine.get(k) ?? 0) + v);
    }
    return this;
  }
}

/** Krippendorff's α for nominal data from a coincidence matrix: 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k. */
export function alphaFromCoincidences(coincidences: Coincidences): number | null {
  const totals = new Map<Value, number>();
  let n = 0;
  let disagreeing = 0;
  for (const [c, row] of coincidences.o) {
    for (const [k, v] of row) {
      totals.set(c, (totals.get(c) ?? 0) + v);
      n += v;
      if (c !== k) disagreeing += v;
    }
  }
  if (n === 0) return null;
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += nc * nk;
  // One value only: the coders cannot disagree by chance either, so α says nothing.
  if (expected === 0) return null;
  return 1 - ((n - 1) * disagreeing) / expected;
}

/** Krippendorff's α (nominal) over units; missing values allowed. */
export function krippendorffAlpha(units: Iterable<UnitCounts>): number | null {
  const coincidences = new Coincidences();
  for (const unit of units) coincidences.add(unit);
  return alphaFromCoincidences(coincidences);
}

/** Running sums for percent agreement: per unit the share of coder pairs that agree. */
export class PairAgreement {
  agreeing = 0;
  units = 0;

  add(unit: UnitCounts): this {
    const weight = unit.weight ?? 1;
    let m = 0;
    let same = 0;
    for (const n of unit.counts.values()) {
      m += n;
      same += (n * (n - 1)) / 2;
    }
    if (m < 2 || weight === 0) return this;
    this.units += weight;
    this.agreeing += (weight * same) / ((m * (m - 1)) / 2);
    return this;
  }

  merge(other: PairAgreement): this {
    this.agreeing += other.agreeing;
    this.units += other.units;
    return this;
  }

  get percent(): number | null {
    return this.units === 0 ? null : this.agreeing / this.units;
  }
}

/** Percent agreement over units: for two coders the share of units they agree on; for more, of agreeing coder pairs. */
export function percentAgreement(units: Iterable<UnitCounts>): number | null {
  const sums = new PairAgreement();
  for (const unit of units) sums.add(unit);
  return sums.percent;
}

/** Two coders' paired values as a confusion table (units where either is missing are left out). */
export function confusion(a: ReadonlyArray<Value | null>, b: ReadonlyArray<Value | null>): Map<Value, Map<Value, number>> {
  const table = new Map<Value, Map<Value, number>>();
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null) continue;
    const row = table.get(x) ?? new Map<Value, number>();
    table.set(x, row);
    row.set(y, (row.get(y) ?? 0) + 1);
  }
  return table;
}

/** Observed and chance agreement of a confusion table (what κ and the pooled κ are made of). */
export function kappaParts(table: ReadonlyMap<Value, ReadonlyMap<Value, number>>): { observed: number; chance: number; n: number } | null {
  let n = 0;
  let agree = 0;
  const rows = new Map<Value, number>();
  const columns = new Map<Value, number>();
  for (const [x, row] of table) {
    for (const [y, count] of row) {
      n += count;
      if (x === y) agree += count;
      rows.set(x, (rows.get(x) ?? 0) + count);
      columns.set(y, (columns.get(y) ?? 0) + count);
    }
  }
  if (n === 0) return null;
  let chance = 0;
  for (const [value, count] of rows) chance += (count / n) * ((columns.get(value) ?? 0) / n);
  return { observed: agree / n, chance, n };
}

/** Cohen's κ = (p_o − p_e) / (1 − p_e); null when chance agreement is 1 (both coders used one value only). */
export function cohenKappa(table: ReadonlyMap<Value, ReadonlyMap<Value, number>>): number | null {
  const parts = kappaParts(table);
  if (!parts || parts.chance >= 1) return null;
  return (parts.observed - parts.chance) / (1 - parts.chance);
}

/** Cohen's κ from a 2 × 2 table of a label present (1) or absent (0) for two coders. */
export function binaryTable(both: number, onlyA: number, onlyB: number, neither: number): Map<Value, Map<Value, number>> {
  return new Map<Value, Map<Value, number>>([
    [1, new Map<Value, number>([[1, both], [0, onlyA]])],
    [0, new Map<Value, number>([[1, onlyB], [0, neither]])],
  ]);
}

/**
 * The pooled κ of several labels (De Vries et al. 2008): the mean observed and the mean chance
 * agreement over the labels, then κ of those — not the mean of the κs, which one rare label sways.
 */
export function pooledKappa(parts: ReadonlyArray<{ observed: number; chance: number }>): number | null {
  if (parts.length === 0) return null;
  const observed = parts.reduce((sum, p) => sum + p.observed, 0) / parts.length;
  const chance = parts.reduce((sum, p) => sum + p.chance, 0) / parts.length;
  return chance >= 1 ? null : (observed - chance) / (1 - chance);
}

/** A stretch of a continuum [start, end) that a coder gave a value (the gaps between are φ). */
export interface Stretch {
  start: number;
  end: number;
  value: Value;
}

const GAP = '\u03c6';

/**
 * The additive parts of the unitizing α: the observed coincidences of lengths and the correction of
 * each coder's own segments. Parts of several continua (documents, labels) add up to the parts of
 * their concatenation, which is how the overall figure pools them.
 */
export class UnitizingParts {
  /** l_ck: the lengths where one coder's value c meets another's k, over ordered pairs, divided by m − 1. */
  readonly l = new Map<Value, Map<Value, number>>();
  /** Σ per value of each coder's segment lengths squared (gaps: their lengths), eq. 33. */
  readonly correction = new Map<Value, number>();

  private bump(c: Value, k: Value, amount: number) {
    const row = this.l.get(c) ?? new Map<Value, number>();
    this.l.set(c, row);
    row.set(k, (row.get(k) ?? 0) + amount);
  }

  /**
   * One continuum of `length` as each coder divided it: each coder's stretches sorted, not
   * overlapping one another, inside [0, length). Fewer than two coders add nothing; `sign` −1 takes
   * a continuum added before out again.
   */
  add(length: number, coders: ReadonlyArray<ReadonlyArray<Stretch>>, sign: 1 | -1 = 1): this {
    const m = coders.length;
    if (m < 2 || length <= 0) return this;
    const partitions = coders.map((stretches) => partition(length, stretches));
    for (const parts of partitions) {
      for (const part of parts) {
        const size = part.end - part.start;
        this.correction.set(part.value, (this.correction.get(part.value) ?? 0) + sign * (part.value === GAP ? size : size * size));
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        // Both partitions cover [0, length) in order: one sweep finds every overlap.
        const a = partitions[i]!;
        const b = partitions[j]!;
        let x = 0;
        let y = 0;
        while (x < a.length && y < b.length) {
          const overlap = Math.min(a[x]!.end, b[y]!.end) - Math.max(a[x]!.start, b[y]!.start);
          if (overlap > 0) this.bump(a[x]!.value, b[y]!.value, (sign * overlap) / (m - 1));
          if (a[x]!.end <= b[y]!.end) x++;
          else y++;
        }
      }
    }
    return this;
  }

  /** What `add` gives a continuum of `length` that none of `m` coders coded (one gap each), at once. */
  addUncoded(length: number, m: number): this {
    if (m < 2 || length <= 0) return this;
    this.bump(GAP, GAP, m * length);
    this.correction.set(GAP, (this.correction.get(GAP) ?? 0) + m * length);
    return this;
  }

  merge(other: UnitizingParts): this {
    for (const [c, row] of other.l) for (const [k, v] of row) this.bump(c, k, v);
    for (const [value, v] of other.correction) this.correction.set(value, (this.correction.get(value) ?? 0) + v);
    return this;
  }
}

/** A coder's stretches with the gaps between them filled in as φ: a partition of [0, length). */
function partition(length: number, stretches: ReadonlyArray<Stretch>): Stretch[] {
  const out: Stretch[] = [];
  let at = 0;
  for (const s of stretches) {
    const start = Math.max(s.start, at);
    const end = Math.min(s.end, length);
    if (end <= start) continue;
    if (start > at) out.push({ start: at, end: start, value: GAP });
    out.push({ start, end, value: s.value });
    at = end;
  }
  if (at < length) out.push({ start: at, end: length, value: GAP });
  return out;
}

/**
 * The unitizing α (uα, Krippendorff 2019 eq. 34) from its parts: 1 − D_o / D_e, where D_o is the
 * length on which coders' values (or a value and a gap) differ and D_e what chance would give, the
 * expected coincidences ε_ck = (l_c·l_k − [c = k]·correction_c) / (l − Σ correction / l). Uncoded
 * text agreeing with uncoded text counts once per character, coded stretches by their square: long
 * agreed gaps do not swamp the figure as they do a per-character κ.
 */
export function unitizingAlpha(parts: UnitizingParts): number | null {
  const totals = new Map<Value, number>();
  let total = 0;
  let observed = 0;
  for (const [c, row] of parts.l) {
    for (const [k, v] of row) {
      totals.set(c, (totals.get(c) ?? 0) + v);
      total += v;
      if (c !== k) observed += v;
    }
  }
  if (total === 0) return null;
  let correction = 0;
  for (const v of parts.correction.values()) correction += v;
  const denominator = total - correction / total;
  if (denominator <= 0) return null;
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) expected += (nc * nk) / denominator;
  if (expected <= 0) return null;
  return 1 - observed / expected;
}

/** The unitizing α of one continuum. */
export function unitizingAlphaOf(length: number, coders: ReadonlyArray<ReadonlyArray<Stretch>>): number | null {
  return unitizingAlpha(new UnitizingParts().add(length, coders));
}

import { describe, expect, it } from 'vitest';
import {
  binaryTable,
  cohenKappa,
  confusion,
  krippendorffAlpha,
  percentAgreement,
  pooledKappa,
  kappaParts,
  unitizingAlpha,
  unitizingAlphaOf,
  UnitizingParts,
  unitsOf,
  type Value,
} from '../../../src/main/core/agreement/coefficients.ts';

/**
 * The coefficients against Krippendorff's worked examples ("Computing Krippendorff's Alpha-
 * Reliability", 2011, sections A–C) and against an independent implementation, run once:
 *
 *   apt-get install -y python3-nltk python3-sklearn
 *   /usr/bin/python3 -c 'from nltk.metrics.agreement import AnnotationTask; from sklearn.metrics import cohen_kappa_score; …'
 *
 * (the script: AnnotationTask(data=[(coder, unit, value)…]).alpha() and .kappa(), and
 * cohen_kappa_score(a, b), on the data below; nltk 3.8, scikit-learn 1.2, Debian bookworm). Its output:
 *   A alpha 0.09523809523809512 kappa 0.09090909090909075 sk 0.09090909090909094
 *   B alpha 0.6919642857142858  kappa 0.6842105263157895  sk 0.6842105263157895
 *   C alpha 0.743421052631579
 *   S alpha 0.5740740740740742  kappa 0.5555555555555557  sk 0.5555555555555556
 */
const pair = (a: Value[], b: Value[]) => unitsOf(a.map((x, i) => [x, b[i]!]));

describe('Krippendorff’s α (nominal) and Cohen’s κ', () => {
  it('A. binary data, two observers, no missing data: α = 0.095 (nltk 0.0952…), κ = 0.091 (nltk, sklearn)', () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(pair(a, b))).toBeCloseTo(0.09523809523809512, 12);
    expect(Number(krippendorffAlpha(pair(a, b))!.toFixed(3))).toBe(0.095);
    expect(cohenKappa(confusion(a, b))).toBeCloseTo(0.09090909090909094, 12);
    expect(percentAgreement(pair(a, b))).toBe(0.6);
  });

  it('B. nominal data, two observers, no missing data: α = 0.692 (nltk 0.69196…), κ = 0.684', () => {
    const a = 'a a b b d c c c e d d a'.split(' ');
    const b = 'b a b b b c c c e d d d'.split(' ');
    expect(Number(krippendorffAlpha(pair(a, b))!.toFixed(3))).toBe(0.692);
    expect(krippendorffAlpha(pair(a, b))).toBeCloseTo(0.6919642857142858, 12);
    expect(cohenKappa(confusion(a, b))).toBeCloseTo(0.6842105263157895, 12);
  });

  it('C. nominal data, four observers, missing data: α = 0.743 (nltk 0.74342…)', () => {
    const n = null;
    const observers: Array<Array<number | null>> = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
      [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ];
    const units = unitsOf(observers[0]!.map((_, u) => observers.map((o) => o[u]!)));
    expect(Number(krippendorffAlpha(units)!.toFixed(3))).toBe(0.743);
    expect(krippendorffAlpha(units)).toBeCloseTo(0.743421052631579, 12);
  });

  it('a label present or absent in twelve sentences: α and κ as nltk and sklearn give them', () => {
    const x = [1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const y = [1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(pair(x, y))).toBeCloseTo(0.5740740740740742, 12);
    expect(cohenKappa(confusion(x, y))).toBeCloseTo(0.5555555555555556, 12);
    // The same from the 2 × 2 table the core counts: both 2, only x 1, only y 1, neither 8.
    expect(cohenKappa(binaryTable(2, 1, 1, 8))).toBeCloseTo(0.5555555555555556, 12);
    // Ten thousand uncoded sentences as one weighted unit: the same as ten thousand units.
    const weighted = [...pair(x, y), { counts: new Map<Value, number>([[0, 2]]), weight: 10_000 }];
    const spelled = [...pair(x, y), ...Array.from({ length: 10_000 }, () => ({ counts: new Map<Value, number>([[0, 2]]) }))];
    expect(krippendorffAlpha(weighted)).toBeCloseTo(krippendorffAlpha(spelled)!, 12);
    expect(percentAgreement(weighted)).toBeCloseTo(percentAgreement(spelled)!, 12);
  });

  it('edge cases: full agreement, one category only, no pairable values, a coder who coded nothing', () => {
    // Full agreement with both values used: 1.
    expect(krippendorffAlpha(pair([1, 0, 1, 0], [1, 0, 1, 0]))).toBe(1);
    expect(cohenKappa(confusion([1, 0, 1, 0], [1, 0, 1, 0]))).toBe(1);
    // One category only: agreement is 100 %, and κ and α are undefined (chance agreement is perfect too).
    expect(percentAgreement(pair([0, 0, 0], [0, 0, 0]))).toBe(1);
    expect(krippendorffAlpha(pair([0, 0, 0], [0, 0, 0]))).toBeNull();
    expect(cohenKappa(confusion([1, 1, 1], [1, 1, 1]))).toBeNull();
    // No unit with two values (no overlap between the coders' documents): nothing to say.
    expect(krippendorffAlpha(unitsOf([[1, null], [null, 0]]))).toBeNull();
    expect(percentAgreement(unitsOf([[1, null], [null, 0]]))).toBeNull();
    expect(cohenKappa(confusion([1, null], [null, 0]))).toBeNull();
    // A coder who coded nothing has only missing values: the others' α stands as without them.
    const third = unitsOf([[1, 1, null], [0, 1, null], [0, 0, null], [1, 1, null]]);
    expect(krippendorffAlpha(third)).toBeCloseTo(krippendorffAlpha(unitsOf([[1, 1], [0, 1], [0, 0], [1, 1]]))!, 12);
    // The pooled κ of no labels is undefined; of one, that label's κ.
    expect(pooledKappa([])).toBeNull();
    expect(pooledKappa([kappaParts(binaryTable(2, 1, 1, 8))!])).toBeCloseTo(0.5555555555555556, 12);
  });
});

describe('Krippendorff’s unitizing α (2019, §12.6)', () => {
  it('two coders on a continuum of 10: A codes [0,4), B [2,6): uα = 31/120, worked out by hand', () => {
    // Partitions: A = v[0,4) φ[4,10); B = φ[0,2) v[2,6) φ[6,10). Coincidences (both orders, m − 1 = 1):
    // l_vv = 2·2, l_vφ = l_φv = 2·(2 + 2), l_φφ = 2·4; l = 20; l_v· = 8, l_φ· = 12.
    // Correction: v 4² + 4² = 32, φ 6 + 2 + 4 = 12; l − 44/20 = 17.8. D_e = 2·8·12/17.8, D_o = 8.
    // uα = 1 − 8·17.8/192 = 0.258333…
    const alpha = unitizingAlphaOf(10, [[{ start: 0, end: 4, value: 1 }], [{ start: 2, end: 6, value: 1 }]]);
    expect(alpha).toBeCloseTo(31 / 120, 12);
  });

  it('three coders, the key-phrase example of the Python module krippendorff_unitized_alpha, made hole-free: 0.5645448655652737', () => {
    // The module implements uα of Krippendorff, Mathet, Bouvry & Widlöcher (2016, doi 10.1007/s11135-015-0266-1),
    // whose ε_ck = l·(l_c·l_k − [c = k]·Σ correction_c) / (l² − Σ correction) is ours rearranged. Its README
    // example (0.5672) leaves one-character holes between segments, which a continuum cannot have; with each
    // coder's segments closed up to a partition of [0, 56) its algorithm, run once (python3, numpy 2.4.6,
    // 2026-12-05), gave 0.5645448655652737 — the figure pinned here.
    const kp = (start: number, end: number) => ({ start, end, value: 'kp' });
    const alpha = unitizingAlphaOf(56, [[kp(3, 15), kp(22, 53)], [kp(3, 10), kp(22, 53)], [kp(22, 46)]]);
    expect(alpha).toBeCloseTo(0.5645448655652737, 12);
  });

  it('identical unitizing is 1; uncoded text does not dominate as it does a per-character κ', () => {
    const same = [{ start: 10, end: 20, value: 1 }];
    expect(unitizingAlphaOf(100, [same, same])).toBeCloseTo(1, 12);
    // The same disagreement in a longer uncoded text: the per-character percent climbs towards 100 %,
    // uα hardly moves.
    const a = [{ start: 0, end: 4, value: 1 }];
    const b = [{ start: 2, end: 6, value: 1 }];
    const short = unitizingAlphaOf(10, [a, b])!;
    const long = unitizingAlphaOf(10_000, [a, b])!;
    expect(Math.abs(long - short)).toBeLessThan(0.3);
    expect(long).toBeLessThan(0.6);
  });

  it('an uncoded continuum added at once is the same as one added coder by coder', () => {
    const coded = [[{ start: 0, end: 4, value: 1 }], [{ start: 2, end: 6, value: 1 }]];
    const spelled = new UnitizingParts().add(10, coded).add(500, [[], [], []].slice(0, 2));
    const atOnce = new UnitizingParts().add(10, coded).addUncoded(500, 2);
    expect(unitizingAlpha(atOnce)).toBeCloseTo(unitizingAlpha(spelled)!, 12);
    // And a part taken out again (sign −1) leaves what was there before.
    const undone = new UnitizingParts().add(10, coded).add(7, coded).add(7, coded, -1);
    expect(unitizingAlpha(undone)).toBeCloseTo(31 / 120, 12);
  });

  it('edge cases: nobody coded anything (one category), one coder only, a coder who coded nothing', () => {
    expect(unitizingAlphaOf(50, [[], []])).toBeNull();
    expect(unitizingAlphaOf(50, [[{ start: 0, end: 5, value: 1 }]])).toBeNull();
    // One coder coded a stretch, the other nothing: no agreement beyond chance.
    expect(unitizingAlphaOf(50, [[{ start: 0, end: 5, value: 1 }], []])!).toBeLessThanOrEqual(0);
  });
});

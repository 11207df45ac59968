//! Measured effect of a measure: mean count per period in the `n` periods
//! before the measure's start versus the `n` periods from the start on (the
//! start period belongs to "after"), with the exact conditional test for two
//! Poisson rates.
//!
//! Under equal rates per period, the after-sum `X` given the total
//! `T = before_sum + after_sum` is Binomial(T, p) with
//! `p = n_after / (n_before + n_after)` (numbers of periods actually used).
//! The two-sided p-value is the standard exact binomial test (R's
//! `binom.test`): the sum of the probabilities of all outcomes at most as
//! likely as the observed one (relative tolerance 1e-7 for ties). The
//! one-sided p-values are `P(X ≤ x)` (decrease) and `P(X ≥ x)` (increase).
//!
//! Windows are positional: `start − n .. start` and `start .. start + n`.
//! If the series does not contain all `n` positions on both sides the verdict
//! is [`EffectVerdict::TooFewPeriods`] with the number of positions that do
//! exist. Missing periods (`None`) inside complete windows are excluded and
//! the number of periods used is reported (`n_before`, `n_after`); if a whole
//! side is missing the verdict is [`EffectVerdict::NoData`].
//!
//! The binomial probabilities use Loader's saddle-point pmf (as R's
//! `dbinom`) and tail sums running away from the mode; they are exact to
//! double precision for totals up to ~10¹³ counts. No function here panics.

use super::numerics::{bd0, positive, stirlerr};

/// Outcome of [`measure_effect`].
#[derive(Debug, Clone, PartialEq)]
pub enum EffectVerdict {
    /// The series has fewer than `needed` periods before or from the start:
    /// `before`/`after` = how many periods exist in each window.
    TooFewPeriods {
        before: usize,
        after: usize,
        needed: usize,
    },
    /// Both windows exist but one of them has no reported value (or `n == 0`).
    NoData {
        before_used: usize,
        after_used: usize,
    },
    Measured(Effect),
}

/// A measured before/after comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    pub before_mean: f64,
    pub after_mean: f64,
    /// `(after_mean / before_mean − 1) · 100`; `None` when `before_mean == 0`.
    pub change_pct: Option<f64>,
    pub p_value_two_sided: f64,
    /// `P(X ≤ x)`: evidence for a decrease.
    pub p_value_decrease: f64,
    /// `P(X ≥ x)`: evidence for an increase.
    pub p_value_increase: f64,
    /// Periods with a reported value used before the start (≤ n).
    pub n_before: usize,
    /// Periods with a reported value used from the start on (≤ n).
    pub n_after: usize,
    pub before_sum: u64,
    pub after_sum: u64,
}

/// Measures the effect of a measure starting at period `start`, comparing
/// `n` periods before with `n` periods from the start on. See the module
/// documentation for the rules.
pub fn measure_effect(series: &[Option<u64>], start: usize, n: usize) -> EffectVerdict {
    if n == 0 {
        return EffectVerdict::NoData {
            before_used: 0,
            after_used: 0,
        };
    }
    let len = series.len();
    let before_lo = start.saturating_sub(n);
    let before_range = before_lo.min(len)..start.min(len);
    let after_range = start.min(len)..start.saturating_add(n).min(len);
    let before_exist = before_range.len();
    let after_exist = after_range.len();
    if before_exist < n || after_exist < n {
        return EffectVerdict::TooFewPeriods {
            before: before_exist,
            after: after_exist,
            needed: n,
        };
    }
    let before: Vec<u64> = series[before_range].iter().flatten().copied().collect();
    let after: Vec<u64> = series[after_range].iter().flatten().copied().collect();
    if before.is_empty() || after.is_empty() {
        return EffectVerdict::NoData {
            before_used: before.len(),
            after_used: after.len(),
        };
    }
    let sum = |v: &[u64]| v.iter().fold(0u64, |a, &b| a.saturating_add(b));
    let (before_sum, after_sum) = (sum(&before), sum(&after));
    let (n_before, n_after) = (before.len(), after.len());
    let before_mean = before_sum as f64 / n_before as f64;
    let after_mean = after_sum as f64 / n_after as f64;
    let change_pct = if before_mean == 0.0 {
        None
    } else {
        Some((after_mean / before_mean - 1.0) * 100.0)
    };

    let total = before_sum.saturating_add(after_sum);
    let p = n_after as f64 / (n_before + n_after) as f64;
    let b = Binomial { n: total, p };
    EffectVerdict::Measured(Effect {
        before_mean,
        after_mean,
        change_pct,
        p_value_two_sided: binomial_test_two_sided(after_sum, total, p),
        p_value_decrease: b.cdf(after_sum),
        p_value_increase: b.sf_ge(after_sum),
        n_before,
        n_after,
        before_sum,
        after_sum,
    })
}

/// Two-sided exact binomial test of `x` successes in `n` trials with success
/// probability `p`, exactly as R's `binom.test(x, n, p)$p.value`: the total
/// probability of outcomes with `pmf ≤ pmf(x)·(1 + 1e-7)`, capped at 1.
/// Returns NaN for invalid input (`x > n`, `p` outside [0, 1] or NaN).
pub fn binomial_test_two_sided(x: u64, n: u64, p: f64) -> f64 {
    if x > n || p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if n == 0 {
        return 1.0;
    }
    if p == 0.0 {
        return if x == 0 { 1.0 } else { 0.0 };
    }
    if p == 1.0 {
        return if x == n { 1.0 } else { 0.0 };
    }
    const REL_ERR: f64 = 1.0 + 1e-7;
    let b = Binomial { n, p };
    let m = n as f64 * p;
    let xf = x as f64;
    if xf == m {
        return 1.0;
    }
    let limit = b.pmf(x) * REL_ERR;
    let value = if xf < m {
        // pmf is non-increasing on [ceil(m), n]: find the first i there with
        // pmf(i) ≤ limit; all outcomes from i on are "as extreme".
        let lo = (m.ceil() as u64).min(n);
        let first = partition_point(lo, n.saturating_add(1), |i| b.pmf(i) > limit);
        let upper = if first > n { 0.0 } else { b.sf_ge(first) };
        b.cdf(x) + upper
    } else {
        // pmf is non-decreasing on [0, floor(m)]: find the last i there with
        // pmf(i) ≤ limit.
        let hi = (m.floor() as u64).min(n);
        let count = partition_point(0, hi.saturating_add(1), |i| b.pmf(i) <= limit);
        let lower = if count == 0 { 0.0 } else { b.cdf(count - 1) };
        lower + b.sf_ge(x)
    };
    value.min(1.0)
}

/// First index in `[lo, hi)` where `pred` is false, assuming `pred` is true
/// on a prefix; `hi` if it is true everywhere.
fn partition_point(mut lo: u64, mut hi: u64, pred: impl Fn(u64) -> bool) -> u64 {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

// ---------------------------------------------------------------------------
// Binomial distribution (Loader 2000; R's dbinom_raw), tail sums.
// ---------------------------------------------------------------------------

const LN_2PI: f64 = 1.837_877_066_409_345_5;
const TAIL_TOL: f64 = 1e-17;
const MAX_TERMS: u64 = 50_000_000;

/// Binomial(n, p) with 0 < p < 1 (callers handle p ∈ {0, 1}).
#[derive(Debug, Clone, Copy)]
struct Binomial {
    n: u64,
    p: f64,
}

impl Binomial {
    fn ln_pmf(&self, k: u64) -> f64 {
        let (n, p, q) = (self.n as f64, self.p, 1.0 - self.p);
        if k > self.n {
            return f64::NEG_INFINITY;
        }
        if p <= 0.0 {
            return if k == 0 { 0.0 } else { f64::NEG_INFINITY };
        }
        if q <= 0.0 {
            return if k == self.n { 0.0 } else { f64::NEG_INFINITY };
        }
        if k == 0 {
            if self.n == 0 {
                return 0.0;
            }
            return if p < 0.1 {
                -bd0(n, n * q) - n * p
            } else {
                n * q.ln()
            };
        }
        if k == self.n {
            return if q < 0.1 {
                -bd0(n, n * p) - n * q
            } else {
                n * p.ln()
            };
        }
        let x = k as f64;
        let nmx = (self.n - k) as f64;
        let lc = stirlerr(n) - stirlerr(x) - stirlerr(nmx) - bd0(x, n * p) - bd0(nmx, n * q);
        let lf = LN_2PI + x.ln() + nmx.ln() - n.ln();
        lc - 0.5 * lf
    }

    fn pmf(&self, k: u64) -> f64 {
        self.ln_pmf(k).exp()
    }

    /// pmf(k+1)/pmf(k) for k < n.
    fn ratio(&self, k: u64) -> f64 {
        (self.n - k) as f64 / (k + 1) as f64 * (self.p / (1.0 - self.p))
    }

    fn mode(&self) -> u64 {
        (((self.n as f64 + 1.0) * self.p).floor() as u64).min(self.n)
    }

    /// Σ_{k ≥ start} pmf(k), start at or beyond the mode.
    fn sum_up(&self, start: u64) -> f64 {
        if start > self.n {
            return 0.0;
        }
        let mut t = self.pmf(start);
        let mut s = t;
        for k in start..self.n.min(start.saturating_add(MAX_TERMS)) {
            if !positive(t) {
                break;
            }
            // t becomes pmf(k + 1)
            let r = self.ratio(k);
            t *= r;
            s += t;
            if r < 1.0 && t * r / (1.0 - r) <= s * TAIL_TOL {
                break;
            }
        }
        s
    }

    /// Σ_{k ≤ end} pmf(k), end below the mode.
    fn sum_down(&self, end: u64) -> f64 {
        let mut t = self.pmf(end);
        let mut s = t;
        let mut k = end;
        for _ in 0..MAX_TERMS {
            if k == 0 || !positive(t) {
                break;
            }
            let up = self.ratio(k - 1);
            if !positive(up) {
                break;
            }
            let rd = 1.0 / up;
            t *= rd;
            k -= 1;
            s += t;
            if rd < 1.0 && t * rd / (1.0 - rd) <= s * TAIL_TOL {
                break;
            }
        }
        s
    }

    /// P(X ≤ x).
    fn cdf(&self, x: u64) -> f64 {
        if x >= self.n {
            return 1.0;
        }
        if self.p <= 0.0 {
            return 1.0;
        }
        if self.p >= 1.0 {
            return 0.0;
        }
        let v = if x < self.mode() {
            self.sum_down(x)
        } else {
            1.0 - self.sum_up(x + 1)
        };
        v.clamp(0.0, 1.0)
    }

    /// P(X ≥ y).
    fn sf_ge(&self, y: u64) -> f64 {
        if y == 0 {
            return 1.0;
        }
        if y > self.n {
            return 0.0;
        }
        if self.p <= 0.0 {
            return 0.0;
        }
        if self.p >= 1.0 {
            return 1.0;
        }
        let v = if y > self.mode() {
            self.sum_up(y)
        } else {
            1.0 - self.sum_down(y - 1)
        };
        v.clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(v: &[u64]) -> Vec<Option<u64>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    fn close(a: f64, b: f64, rel: f64) -> bool {
        (a - b).abs() <= rel * b.abs().max(1e-300)
    }

    /// C(n, k) for small n, exactly.
    fn choose(n: u64, k: u64) -> u128 {
        let mut c: u128 = 1;
        for i in 0..k {
            c = c * (n - i) as u128 / (i + 1) as u128;
        }
        c
    }

    fn measured(v: EffectVerdict) -> Effect {
        match v {
            EffectVerdict::Measured(e) => e,
            other => panic!("expected Measured, got {other:?}"),
        }
    }

    #[test]
    fn binomial_known_values() {
        assert!(close(binomial_test_two_sided(2, 10, 0.5), 0.109375, 1e-12));
        assert!(close(binomial_test_two_sided(0, 5, 0.5), 0.0625, 1e-12));
        assert!(close(binomial_test_two_sided(5, 5, 0.5), 0.0625, 1e-12));
        assert_eq!(binomial_test_two_sided(5, 10, 0.5), 1.0);
        // binom.test(682, 925, p = 0.75): p-value = 0.3825 (R documentation example)
        assert!((binomial_test_two_sided(682, 925, 0.75) - 0.3825).abs() < 5e-5);
        // degenerate inputs
        assert_eq!(binomial_test_two_sided(0, 0, 0.3), 1.0);
        assert_eq!(binomial_test_two_sided(0, 4, 0.0), 1.0);
        assert_eq!(binomial_test_two_sided(1, 4, 0.0), 0.0);
        assert_eq!(binomial_test_two_sided(4, 4, 1.0), 1.0);
        assert_eq!(binomial_test_two_sided(3, 4, 1.0), 0.0);
        assert!(binomial_test_two_sided(5, 4, 0.5).is_nan());
        assert!(binomial_test_two_sided(1, 4, 1.5).is_nan());
        assert!(binomial_test_two_sided(1, 4, f64::NAN).is_nan());
    }

    #[test]
    fn binomial_asymmetric_exact() {
        // p = 3/10, n = 20, x = 2: exact integer weights C(20,i)·3^i·7^(20−i) / 10^20.
        let n = 20u64;
        let w: Vec<u128> = (0..=n)
            .map(|i| choose(n, i) * 3u128.pow(i as u32) * 7u128.pow((n - i) as u32))
            .collect();
        let denom = 10u128.pow(20) as f64;
        for x in [0u64, 2, 9, 12, 20] {
            let wx = w[x as usize];
            let tail: u128 = w.iter().filter(|&&wi| wi <= wx).sum();
            let expected = (tail as f64 / denom).min(1.0);
            let got = binomial_test_two_sided(x, n, 0.3);
            assert!(close(got, expected, 1e-12), "x={x}: {got} vs {expected}");
        }
    }

    #[test]
    fn clear_drop() {
        let mut v = s(&[20, 22, 19, 21]);
        v.extend(s(&[8, 9, 7, 10]));
        let e = measured(measure_effect(&v, 4, 4));
        assert_eq!(
            (e.before_sum, e.after_sum, e.n_before, e.n_after),
            (82, 34, 4, 4)
        );
        assert_eq!(e.before_mean, 20.5);
        assert_eq!(e.after_mean, 8.5);
        assert!(close(
            e.change_pct.unwrap(),
            (8.5 / 20.5 - 1.0) * 100.0,
            1e-14
        ));
        assert!(e.change_pct.unwrap() < -58.0);
        // Independent exact value: X ~ Bin(116, 1/2), x = 34. By symmetry the
        // two-sided p-value is 2·P(X ≤ 34) = 2·Σ_{k≤34} C(116,k) / 2^116.
        let lower: u128 = (0..=34).map(|k| choose(116, k)).sum();
        let p_lower = lower as f64 / 2f64.powi(116);
        assert!(
            close(e.p_value_two_sided, 2.0 * p_lower, 1e-12),
            "{} vs {}",
            e.p_value_two_sided,
            2.0 * p_lower
        );
        assert!(e.p_value_two_sided < 0.001);
        assert!(close(e.p_value_decrease, p_lower, 1e-12));
        let upper: u128 = (34..=116).map(|k| choose(116, k)).sum();
        assert!(close(
            e.p_value_increase,
            upper as f64 / 2f64.powi(116),
            1e-12
        ));
    }

    #[test]
    fn no_change() {
        let mut v = s(&[10, 11, 9, 10]);
        v.extend(s(&[10, 9, 11, 10]));
        let e = measured(measure_effect(&v, 4, 4));
        assert_eq!(e.change_pct, Some(0.0));
        assert_eq!(e.p_value_two_sided, 1.0);
        assert!(e.p_value_decrease > 0.5 && e.p_value_increase > 0.5);
    }

    #[test]
    fn too_few_periods() {
        let v = s(&[5, 5, 5, 5, 5, 5, 5]);
        assert_eq!(
            measure_effect(&v, 4, 4),
            EffectVerdict::TooFewPeriods {
                before: 4,
                after: 3,
                needed: 4
            }
        );
        assert_eq!(
            measure_effect(&v, 2, 4),
            EffectVerdict::TooFewPeriods {
                before: 2,
                after: 4,
                needed: 4
            }
        );
        assert_eq!(
            measure_effect(&v, 9, 4),
            EffectVerdict::TooFewPeriods {
                before: 2,
                after: 0,
                needed: 4
            }
        );
        assert_eq!(
            measure_effect(&[], 0, 4),
            EffectVerdict::TooFewPeriods {
                before: 0,
                after: 0,
                needed: 4
            }
        );
        assert_eq!(
            measure_effect(&v, usize::MAX, 4),
            EffectVerdict::TooFewPeriods {
                before: 0,
                after: 0,
                needed: 4
            }
        );
        assert_eq!(
            measure_effect(&v, 3, 0),
            EffectVerdict::NoData {
                before_used: 0,
                after_used: 0
            }
        );
    }

    #[test]
    fn missing_periods_are_excluded() {
        let v = vec![
            Some(10),
            None,
            Some(12),
            Some(8),
            Some(4),
            Some(6),
            None,
            None,
        ];
        let e = measured(measure_effect(&v, 4, 4));
        assert_eq!((e.n_before, e.n_after), (3, 2));
        assert_eq!(e.before_mean, 10.0);
        assert_eq!(e.after_mean, 5.0);
        assert_eq!(e.change_pct, Some(-50.0));
        // X = 10 ~ Bin(40, 2/5)
        assert!(close(
            e.p_value_two_sided,
            binomial_test_two_sided(10, 40, 0.4),
            1e-15
        ));
        let v = vec![None, None, Some(3), Some(4)];
        assert_eq!(
            measure_effect(&v, 2, 2),
            EffectVerdict::NoData {
                before_used: 0,
                after_used: 2
            }
        );
    }

    #[test]
    fn zero_before_mean() {
        let e = measured(measure_effect(&s(&[0, 0, 0, 0, 3, 4, 2, 5]), 4, 4));
        assert_eq!(e.change_pct, None);
        assert!(e.p_value_two_sided < 0.001);
        let e = measured(measure_effect(&s(&[0, 0, 0, 0]), 2, 2));
        assert_eq!(e.change_pct, None);
        assert_eq!(e.p_value_two_sided, 1.0);
        assert_eq!(e.p_value_decrease, 1.0);
        assert_eq!(e.p_value_increase, 1.0);
    }

    #[test]
    fn large_totals() {
        // 1e6 per period before, 0.998e6 after: X = 3 992 000 ~ Bin(7 992 000, 1/2),
        // z = (x + 0.5 − n/2)/(√n/2) = −2.8295; for a symmetric binomial this
        // large the continuity-corrected normal tail is accurate to ≪ 1e-3.
        let mut v = vec![Some(1_000_000u64); 4];
        v.extend(vec![Some(998_000u64); 4]);
        let e = measured(measure_effect(&v, 4, 4));
        assert!(
            close(e.p_value_decrease, 0.002_331_122_5, 1e-3),
            "{}",
            e.p_value_decrease
        );
        assert!(close(e.p_value_decrease * 2.0, e.p_value_two_sided, 1e-9));
        // 1 % drop: astronomically small but positive.
        let mut v = vec![Some(1_000_000u64); 4];
        v.extend(vec![Some(990_000u64); 4]);
        let e = measured(measure_effect(&v, 4, 4));
        assert!(e.p_value_two_sided > 0.0 && e.p_value_two_sided < 1e-40);
        let b = Binomial {
            n: 3_000_000,
            p: 0.37,
        };
        let m = b.mode();
        assert!((b.sum_down(m) + b.sum_up(m + 1) - 1.0).abs() < 1e-12);
    }

    proptest! {
        #[test]
        fn matches_exact_definition(n in 0u64..=30, xr in 0.0f64..=1.0, a in 1u64..=9, b in 2u64..=10) {
            prop_assume!(a < b);
            let x = (xr * n as f64).round() as u64;
            let p = a as f64 / b as f64;
            // exact integer weights; 1e7·w_i ≤ (1e7+1)·w_x is R's relative tolerance
            let w: Vec<u128> = (0..=n)
                .map(|i| choose(n, i) * (a as u128).pow(i as u32) * ((b - a) as u128).pow((n - i) as u32))
                .collect();
            let total: u128 = w.iter().sum();
            let wx = w[x as usize];
            let tail: u128 = w.iter().filter(|&&wi| wi * 10_000_000 <= wx * 10_000_001).sum();
            let expected = (tail as f64 / total as f64).min(1.0);
            let got = binomial_test_two_sided(x, n, p);
            prop_assert!((got - expected).abs() <= 1e-12 + 1e-10 * expected, "x={} n={} p={}: {} vs {}", x, n, p, got, expected);
            // one-sided tails
            let lower: u128 = w[..=x as usize].iter().sum();
            let bin = Binomial { n, p };
            prop_assert!((bin.cdf(x) - lower as f64 / total as f64).abs() <= 1e-12);
            let upper: u128 = w[x as usize..].iter().sum();
            prop_assert!((bin.sf_ge(x) - upper as f64 / total as f64).abs() <= 1e-12);
        }

        #[test]
        fn never_panics(v in prop::collection::vec(prop::option::weighted(0.8, 0u64..1000), 0..20), start in 0usize..25, n in 0usize..8) {
            if let EffectVerdict::Measured(e) = measure_effect(&v, start, n) {
                prop_assert!((0.0..=1.0).contains(&e.p_value_two_sided));
                prop_assert!(e.p_value_two_sided + 1e-12 >= e.p_value_decrease.min(e.p_value_increase));
                prop_assert!(e.n_before >= 1 && e.n_after >= 1 && e.n_before <= n && e.n_after <= n);
            }
        }
    }
}

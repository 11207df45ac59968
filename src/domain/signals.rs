//! Outbreak/trend signal detection: the negative-binomial plug-in detector of
//! Noufaily et al. (2013), as implemented by `farringtonFlexible(...,
//! thresholdMethod = "nbPlugin")` in the R package `surveillance`, restricted
//! to an intercept-only model (no time trend, no seasonal factor, i.e.
//! `trend = FALSE, noPeriods = 1`), plus Benjamini–Hochberg q-values.
//!
//! # Procedure (per evaluated period `t`)
//! 1. Reference values: for each of the `b` previous years `y = 1..=b` the
//!    counts at `t − y·f + k`, `k ∈ −w..=w`. A year is available only if all
//!    its indices lie inside the series (`t − y·f − w ≥ 0`); `b` is the number
//!    of available years, capped at `max_years`. `b < 2` → no evaluation.
//!    Missing (`None`) reference values are skipped, as `surveillance` drops
//!    `NA` responses before fitting. Fewer than 2 non-missing reference
//!    values → no evaluation (the dispersion cannot be estimated).
//! 2. First fit (quasi-Poisson GLM, intercept only): `μ̂ = mean`,
//!    `φ̂ = max(1, Σ(y−μ̂)²/μ̂ / (n−1))`.
//! 3. Standardised Anscombe residuals, exactly as `surveillance::anscombe.residuals`:
//!    `s = 3/2·(y^(2/3)·μ̂^(−1/6) − μ̂^(1/2)) / sqrt(φ̂·(1 − h))`, where the hat
//!    value of an intercept-only, unweighted GLM is `h = 1/n`.
//! 4. Weights ([`anscombe_weights`]): `ω = γ·s⁻²` for `s > c` (c = 2.58), `ω = γ`
//!    otherwise, `Σω = n`. Refit with prior weights: `μ̂ = Σωy/Σω`,
//!    `φ̂ = max(1, Σω(y−μ̂)²/μ̂ / (n−1))` (this is `summary.glm()$dispersion`).
//! 5. Threshold `U` = the `(1 − α)` quantile of NB(mean `μ̂`, size `μ̂/(φ̂−1)`),
//!    or of Poisson(`μ̂`) when `φ̂ = 1` (current `surveillance` uses
//!    `qnbinom(1 - alpha, ...)`; very old versions used `1 - alpha/2`).
//!    p-value = `P(Y ≥ y)` under the same distribution.
//! 6. Alarm when `y > U` and the last `recent_periods` (= 4) periods, current
//!    included, sum to at least `min_recent_sum` (= 5) (`limit54 = c(5, 4)`;
//!    missing periods count as 0 in that sum).
//!
//! All-zero reference values give `μ̂ = 0`: then `φ̂ = 1`, the threshold is 0
//! (Poisson(0)) and the p-value is 1 for `y = 0`, else 0.
//!
//! The discrete distribution functions are computed here rather than with
//! `statrs`' incomplete beta (whose continued fraction stops after 140
//! iterations and loses accuracy for large counts): Loader's saddle-point pmf
//! (as R's `dbinom_raw`/`dpois_raw`; the near-Poisson negative binomial is
//! written as a Poisson pmf times an exact small correction) and tail sums
//! that run away from the mode, term by term (exact) while the pmf is curved
//! and in geometric blocks (relative error ≤ 1e-10) once it is nearly
//! log-linear, so the work is bounded for any parameters. Realistic inputs
//! (σ, φ up to ~10⁴) are summed term by term. The quantile starts from the
//! Cornish–Fisher approximation (as R's `qnbinom`) and walks. `statrs`
//! provides `ln_gamma` and `erfc_inv` only. No function in this module
//! panics.

use statrs::function::erf::erfc_inv;

use super::numerics::{bd0, positive, stirlerr};

/// Configuration of the detector. Use [`DetectorConfig::quarterly`] or
/// [`DetectorConfig::monthly`] and adjust fields as needed.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectorConfig {
    /// One-sided significance level; threshold = (1 − alpha) quantile.
    pub alpha: f64,
    /// Periods per year `f` (4 quarterly, 12 monthly).
    pub periods_per_year: usize,
    /// Half-width `w` of the reference window; must be `< periods_per_year`.
    pub window: usize,
    /// Maximum number of reference years `b` (5).
    pub max_years: usize,
    /// Anscombe-residual threshold above which reference values are down-weighted (2.58).
    pub reweight_threshold: f64,
    /// Minimum sum over the last `recent_periods` periods for an alarm (5).
    pub min_recent_sum: u64,
    /// Number of most recent periods (current included) in that sum (4).
    pub recent_periods: usize,
}

impl DetectorConfig {
    /// Quarterly data: f = 4, w = 1, b = 5, alpha = 0.05.
    pub fn quarterly() -> Self {
        DetectorConfig {
            alpha: 0.05,
            periods_per_year: 4,
            window: 1,
            max_years: 5,
            reweight_threshold: 2.58,
            min_recent_sum: 5,
            recent_periods: 4,
        }
    }

    /// Monthly data: f = 12, w = 2, b = 5, alpha = 0.05.
    pub fn monthly() -> Self {
        DetectorConfig {
            periods_per_year: 12,
            window: 2,
            ..Self::quarterly()
        }
    }

    fn is_valid(&self) -> bool {
        self.periods_per_year > 0
            && self.window < self.periods_per_year
            && self.max_years >= 2
            && self.alpha > 0.0
            && self.alpha < 1.0
            && !self.reweight_threshold.is_nan()
    }
}

impl Default for DetectorConfig {
    fn default() -> Self {
        Self::quarterly()
    }
}

/// Result of evaluating one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// The observed count of the evaluated period.
    pub observed: u64,
    /// Expected count μ̂ (after reweighting).
    pub expected: f64,
    /// Over-dispersion φ̂ ≥ 1 (after reweighting); 1 means Poisson.
    pub dispersion: f64,
    /// Upper threshold U: alarm requires `observed > threshold`.
    pub threshold: u64,
    /// P(Y ≥ observed) under the fitted distribution.
    pub p_value: f64,
    /// `observed > threshold` and the recent-sum condition holds.
    pub alarm: bool,
    /// Number of reference years b (2..=max_years).
    pub reference_years: usize,
    /// Number of non-missing reference values n.
    pub reference_values: usize,
    /// Sum of the last `recent_periods` periods, current included.
    pub recent_sum: u64,
}

/// Evaluates period `current` of `series` (one entry per period, `None` =
/// missing). Returns `None` when no evaluation is possible: `current` out of
/// range or missing, fewer than 2 reference years, fewer than 2 non-missing
/// reference values, or an invalid configuration (`periods_per_year == 0`,
/// `window >= periods_per_year`, `max_years < 2`, alpha outside (0, 1)).
pub fn evaluate(
    series: &[Option<u64>],
    current: usize,
    cfg: &DetectorConfig,
) -> Option<Evaluation> {
    if !cfg.is_valid() {
        return None;
    }
    let observed = (*series.get(current)?)?;
    let f = cfg.periods_per_year;
    let w = cfg.window;
    // Year y is available iff current - y*f - w >= 0.
    let years_available = current.checked_sub(w).map_or(0, |v| v / f);
    let b = years_available.min(cfg.max_years);
    if b < 2 {
        return None;
    }
    let mut reference: Vec<f64> = Vec::new();
    for y in 1..=b {
        let centre = current - y * f; // >= w by construction
        for idx in (centre - w)..=(centre + w) {
            if let Some(Some(v)) = series.get(idx) {
                reference.push(*v as f64);
            }
        }
    }
    let n = reference.len();
    if n < 2 {
        return None;
    }
    let (expected, dispersion) = fit_reweighted(&reference, cfg.reweight_threshold);

    let threshold = nb_quantile(expected, dispersion, 1.0 - cfg.alpha);
    let p_value = nb_upper_tail(expected, dispersion, observed);

    let first_recent = current.saturating_sub(cfg.recent_periods.saturating_sub(1));
    let recent_sum = series[first_recent..=current]
        .iter()
        .flatten()
        .fold(0u64, |acc, v| acc.saturating_add(*v));
    let alarm = observed > threshold && recent_sum >= cfg.min_recent_sum;

    Some(Evaluation {
        observed,
        expected,
        dispersion,
        threshold,
        p_value,
        alarm,
        reference_years: b,
        reference_values: n,
        recent_sum,
    })
}

/// Intercept-only quasi-Poisson fit with one Anscombe reweighting step.
/// Returns (μ̂, φ̂). Requires `values.len() >= 2`.
fn fit_reweighted(values: &[f64], c: f64) -> (f64, f64) {
    let n = values.len() as f64;
    let mu0 = values.iter().sum::<f64>() / n;
    if !positive(mu0) || !mu0.is_finite() {
        return (0.0, 1.0);
    }
    let phi0 = dispersion(values, None, mu0);
    let hat = 1.0 / n;
    let scale = (phi0 * (1.0 - hat)).sqrt();
    let residuals: Vec<f64> = values
        .iter()
        .map(|&y| 1.5 * (y.powf(2.0 / 3.0) * mu0.powf(-1.0 / 6.0) - mu0.sqrt()) / scale)
        .collect();
    let omega = anscombe_weights(&residuals, c);
    let sw: f64 = omega.iter().sum();
    let mu1 = values.iter().zip(&omega).map(|(y, w)| w * y).sum::<f64>() / sw;
    if !positive(mu1) || !mu1.is_finite() {
        return (0.0, 1.0);
    }
    (mu1, dispersion(values, Some(&omega), mu1))
}

/// `max(1, Σ ω (y − μ)² / μ / (n − 1))`.
fn dispersion(values: &[f64], weights: Option<&[f64]>, mu: f64) -> f64 {
    let n = values.len();
    if n < 2 || !positive(mu) {
        return 1.0;
    }
    let pearson: f64 = values
        .iter()
        .enumerate()
        .map(|(i, &y)| {
            let w = weights.and_then(|w| w.get(i).copied()).unwrap_or(1.0);
            w * (y - mu) * (y - mu) / mu
        })
        .sum();
    let phi = pearson / (n - 1) as f64;
    if phi.is_finite() {
        phi.max(1.0)
    } else {
        1.0
    }
}

/// Farrington reweighting (`surveillance::algo.farrington.assign.weights`):
/// residuals `s > c` get `γ·s⁻²`, all others `γ`, with `γ` such that the
/// weights sum to `n`. Residuals equal to 0 (possible only for `c < 0`) and
/// NaN residuals are treated as "not above" to avoid infinite weights;
/// `+∞` gets weight 0, as in R. Falls back to all-ones if γ is not finite.
pub fn anscombe_weights(residuals: &[f64], c: f64) -> Vec<f64> {
    let n = residuals.len();
    if n == 0 {
        return Vec::new();
    }
    let raw: Vec<f64> = residuals
        .iter()
        .map(|&s| {
            if s > c && s != 0.0 {
                if s.is_finite() {
                    1.0 / (s * s)
                } else {
                    0.0
                }
            } else {
                1.0
            }
        })
        .collect();
    let total: f64 = raw.iter().sum();
    let gamma = n as f64 / total;
    if !(gamma.is_finite() && gamma > 0.0) {
        return vec![1.0; n];
    }
    raw.iter().map(|w| gamma * w).collect()
}

/// Smallest integer `u` with `P(Y ≤ u) ≥ prob` for Y ~ NB(mean, size =
/// mean/(dispersion−1)), i.e. variance `dispersion·mean`; Poisson(mean) when
/// `dispersion <= 1` (or NaN). As R's `qnbinom`, `prob` is fuzzed by
/// `1 − 64ε`. Edge cases: `prob <= 0` → 0; `prob >= 1`, NaN `prob`, infinite
/// mean or infinite dispersion → `u64::MAX` (no finite threshold); `mean <= 0`
/// or NaN → 0.
pub fn nb_quantile(mean: f64, dispersion: f64, prob: f64) -> u64 {
    if prob.is_nan() || prob >= 1.0 {
        return u64::MAX;
    }
    if prob <= 0.0 {
        return 0;
    }
    match Dist::new(mean, dispersion) {
        Some(Dist::Degenerate) => 0,
        Some(d) => d.quantile(
            prob * (1.0 - 64.0 * f64::EPSILON),
            mean,
            dispersion.max(1.0),
            prob,
        ),
        None => u64::MAX,
    }
}

/// `P(Y ≥ y)` for the distribution described at [`nb_quantile`]. Infinite
/// mean or dispersion → 1.0 (no evidence); `mean <= 0` → degenerate at 0.
pub fn nb_upper_tail(mean: f64, dispersion: f64, y: u64) -> f64 {
    if y == 0 {
        return 1.0;
    }
    match Dist::new(mean, dispersion) {
        Some(Dist::Degenerate) => 0.0,
        Some(d) => d.sf_ge(y),
        None => 1.0,
    }
}

/// Benjamini–Hochberg adjusted p-values (q-values), as R's
/// `p.adjust(p, "BH")`: `q_(i) = min_{j ≥ i} min(1, m/j · p_(j))`, returned in
/// input order. NaN entries stay NaN and are not counted in `m`; other values
/// are clamped to [0, 1] first.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let mut out = vec![f64::NAN; p.len()];
    let mut idx: Vec<usize> = (0..p.len()).filter(|&i| !p[i].is_nan()).collect();
    let m = idx.len();
    if m == 0 {
        return out;
    }
    // Sort by p ascending; ties by index for determinism.
    idx.sort_by(|&a, &b| p[a].total_cmp(&p[b]).then(a.cmp(&b)));
    let mut running = 1.0f64;
    for rank in (1..=m).rev() {
        let i = idx[rank - 1];
        let pi = p[i].clamp(0.0, 1.0);
        let adj = (pi * m as f64 / rank as f64).min(1.0);
        running = running.min(adj);
        out[i] = running;
    }
    out
}

// ---------------------------------------------------------------------------
// Discrete distributions: accurate log-pmf (Loader 2000, as in R's nmath) and
// tail sums.
// ---------------------------------------------------------------------------

const LN_2PI: f64 = 1.837_877_066_409_345_5;
const TAIL_TOL: f64 = 1e-17;
const BLOCK_TOL: f64 = 1e-10;
const MAX_STEPS: u64 = 50_000_000;
const WALK_MAX: u64 = 1_000_000;

/// ln of the binomial-type density with real "successes" `x > 0` and real
/// "failures" `nmx > 0` (n = x + nmx), success probability p, q = 1 − p.
/// This is R's `dbinom_raw` for `0 < x < n`, with `n − x` passed explicitly.
fn ln_dbinom_raw_inner(x: f64, nmx: f64, p: f64, q: f64) -> f64 {
    let n = x + nmx;
    let lc = stirlerr(n) - stirlerr(x) - stirlerr(nmx) - bd0(x, n * p) - bd0(nmx, n * q);
    let lf = LN_2PI + x.ln() + nmx.ln() - n.ln();
    lc - 0.5 * lf
}

/// ln Poisson pmf at real x > 0 (Loader's saddle-point form).
fn poisson_ln_pmf(x: f64, lambda: f64) -> f64 {
    -stirlerr(x) - bd0(x, lambda) - 0.5 * (LN_2PI + x.ln())
}

/// `u − ln(1 + u)` without cancellation for small u.
fn u_minus_ln1p(u: f64) -> f64 {
    if u.abs() < 1e-4 {
        u * u * (0.5 - u * (1.0 / 3.0 - u * (0.25 - u / 5.0)))
    } else {
        u - u.ln_1p()
    }
}

#[derive(Debug, Clone, Copy)]
enum Dist {
    /// All mass at 0.
    Degenerate,
    Poisson {
        lambda: f64,
    },
    /// size ν, mean μ.
    NegBin {
        size: f64,
        mean: f64,
    },
}

impl Dist {
    /// `None` when the distribution is not finite (infinite mean/dispersion).
    fn new(mean: f64, dispersion: f64) -> Option<Dist> {
        if mean.is_nan() || mean <= 0.0 {
            return Some(Dist::Degenerate);
        }
        if !mean.is_finite() || dispersion == f64::INFINITY {
            return None;
        }
        if dispersion.is_nan() || dispersion <= 1.0 {
            return Some(Dist::Poisson { lambda: mean });
        }
        let size = mean / (dispersion - 1.0);
        if !positive(size) {
            return None;
        }
        if !size.is_finite() {
            return Some(Dist::Poisson { lambda: mean });
        }
        Some(Dist::NegBin { size, mean })
    }

    fn ln_pmf(&self, k: u64) -> f64 {
        let x = k as f64;
        match *self {
            Dist::Degenerate => {
                if k == 0 {
                    0.0
                } else {
                    f64::NEG_INFINITY
                }
            }
            Dist::Poisson { lambda } => {
                if k == 0 {
                    -lambda
                } else {
                    poisson_ln_pmf(x, lambda)
                }
            }
            Dist::NegBin { size, mean } => {
                if k == 0 {
                    let l = if size < mean {
                        (size / (size + mean)).ln()
                    } else {
                        (-mean / (size + mean)).ln_1p()
                    };
                    return size * l;
                }
                if x < 1e-10 * size {
                    // Near-Poisson: ln NB = ln Pois(x; μ) + A + B + C with
                    // A = Σ_{j<x} ln(1 + j/ν), B = ν(u − ln(1+u)), C = −x ln(1+u), u = μ/ν.
                    let u = mean / size;
                    let a = x * (x - 1.0) / (2.0 * size)
                        - (x - 1.0) * x * (2.0 * x - 1.0) / (12.0 * size * size);
                    let b = size * u_minus_ln1p(u);
                    let c = -x * u.ln_1p();
                    return poisson_ln_pmf(x, mean) + a + b + c;
                }
                let p = size / (size + mean);
                let q = mean / (size + mean);
                (size / (size + x)).ln() + ln_dbinom_raw_inner(size, x, p, q)
            }
        }
    }

    /// pmf(k+1) / pmf(k).
    fn ratio(&self, k: u64) -> f64 {
        let x = k as f64;
        match *self {
            Dist::Degenerate => 0.0,
            Dist::Poisson { lambda } => lambda / (x + 1.0),
            Dist::NegBin { size, mean } => (x + size) / (x + 1.0) * (mean / (size + mean)),
        }
    }

    /// Upper bound for the limit of `ratio(k)` as k → ∞.
    fn limit_ratio(&self) -> f64 {
        match *self {
            Dist::NegBin { size, mean } => mean / (size + mean),
            _ => 0.0,
        }
    }

    fn mode(&self) -> u64 {
        match *self {
            Dist::Degenerate => 0,
            Dist::Poisson { lambda } => lambda.floor() as u64,
            Dist::NegBin { size, mean } => {
                if size <= 1.0 {
                    0
                } else {
                    ((size - 1.0) * mean / size).floor() as u64
                }
            }
        }
    }

    /// |second difference of ln pmf| at k: |ln ratio(k+1) − ln ratio(k)|.
    fn curvature(&self, k: u64) -> f64 {
        let x = k as f64;
        match *self {
            Dist::Degenerate => f64::INFINITY,
            Dist::Poisson { .. } => (1.0 / (x + 1.0)).ln_1p(),
            Dist::NegBin { size, .. } => {
                ((1.0 / (x + size)).ln_1p() - (1.0 / (x + 1.0)).ln_1p()).abs()
            }
        }
    }

    /// Length of a block starting at `k` (going up or down) over which ln pmf
    /// is linear to within `BLOCK_TOL` (so that summing the block as a
    /// geometric series has relative error ≤ `BLOCK_TOL`); 1 = no blocking.
    fn block_len(&self, k: u64, up: bool) -> u64 {
        let len_for = |c: f64| {
            if c > 0.0 {
                (8.0 * BLOCK_TOL / c).sqrt().min(1e12)
            } else {
                1e12
            }
        };
        let c0 = self.curvature(k);
        let l1 = len_for(c0);
        if l1 < 2.0 {
            return 1;
        }
        let l1 = l1 as u64;
        let other = if up {
            k.saturating_add(l1)
        } else {
            k.saturating_sub(l1)
        };
        let l2 = len_for(c0.max(self.curvature(other)));
        if l2 < 2.0 {
            1
        } else {
            (l2 as u64).min(l1)
        }
    }

    /// Sum of the `len` terms starting with `t` whose logs are linear from
    /// `ln t` to `ln_next` (the log of the term `len` steps away).
    fn block_sum(t: f64, ln_next: f64, len: u64) -> f64 {
        let n = len as f64;
        let g = (ln_next - t.ln()) / n;
        if g == 0.0 || !g.is_finite() {
            if g == f64::NEG_INFINITY {
                return t;
            }
            return t * n;
        }
        t * (g * n).exp_m1() / g.exp_m1()
    }

    /// Σ_{k ≥ start} pmf(k); `start` should be at or beyond the mode (the
    /// terms then decrease). Exact term-by-term summation (ratio recurrence)
    /// while the pmf is strongly curved; geometric blocks once it is nearly
    /// log-linear, so the work stays bounded for any parameters.
    fn sum_up(&self, start: u64) -> f64 {
        let mut t = self.ln_pmf(start).exp();
        if !positive(t) {
            return 0.0;
        }
        let mut s = 0.0;
        let mut k = start;
        let mut until_check: u32 = 0;
        for _ in 0..MAX_STEPS {
            let mut len = 1;
            if until_check == 0 {
                len = self.block_len(k, true);
                until_check = if len > 1 { 0 } else { 64 };
            } else {
                until_check -= 1;
            }
            if len > 1 {
                let next = k.saturating_add(len);
                if next == k {
                    break;
                }
                let ln_next = self.ln_pmf(next);
                s += Self::block_sum(t, ln_next, next - k);
                k = next;
                t = ln_next.exp();
            } else {
                s += t;
                if k == u64::MAX {
                    return s;
                }
                t *= self.ratio(k);
                k += 1;
            }
            if !positive(t) {
                return s;
            }
            let bound = self.ratio(k).max(self.limit_ratio());
            if bound < 1.0 && t / (1.0 - bound) <= s * TAIL_TOL {
                break;
            }
        }
        s + t
    }

    /// Σ_{k ≤ end} pmf(k); `end` should be below the mode (log-concave case,
    /// the terms then decrease going down). Same scheme as `sum_up`.
    fn sum_down(&self, end: u64) -> f64 {
        let mut t = self.ln_pmf(end).exp();
        if !positive(t) {
            return 0.0;
        }
        let mut s = 0.0;
        let mut k = end;
        let mut until_check: u32 = 0;
        for _ in 0..MAX_STEPS {
            let mut len = 1;
            if until_check == 0 {
                len = self.block_len(k, false).min(k);
                until_check = if len > 1 { 0 } else { 64 };
            } else {
                until_check -= 1;
            }
            if len > 1 {
                let next = k - len;
                let ln_next = self.ln_pmf(next);
                s += Self::block_sum(t, ln_next, len);
                k = next;
                t = ln_next.exp();
            } else {
                s += t;
                if k == 0 {
                    return s;
                }
                let up = self.ratio(k - 1);
                if !positive(up) {
                    return s;
                }
                t /= up;
                k -= 1;
            }
            if !positive(t) {
                return s;
            }
            if k == 0 {
                continue;
            }
            let rd = 1.0 / self.ratio(k - 1);
            if rd < 1.0 && t / (1.0 - rd) <= s * TAIL_TOL {
                break;
            }
        }
        s + t
    }

    /// Smallest u with cdf(u) ≥ target: start at the Cornish–Fisher
    /// approximation (as R's `qnbinom`), compute the cdf there once and walk
    /// term by term; fall back to bisection if the walk gets long.
    fn quantile(&self, target: f64, mean: f64, dispersion: f64, prob: f64) -> u64 {
        let sd = (mean * dispersion).sqrt();
        let gamma = (2.0 * dispersion - 1.0) / sd;
        let z = -std::f64::consts::SQRT_2 * erfc_inv(2.0 * prob);
        let guess = mean + sd * (z + gamma * (z * z - 1.0) / 6.0);
        let mut u: u64 = if guess.is_finite() && guess > 0.0 {
            guess.round() as u64
        } else {
            0
        };
        let mut f = self.cdf(u);
        let mut t = self.ln_pmf(u).exp();
        if f >= target {
            for _ in 0..WALK_MAX {
                if u == 0 {
                    return 0;
                }
                if f - t < target {
                    return u;
                }
                f -= t;
                let up = self.ratio(u - 1);
                u -= 1;
                if !positive(up) {
                    return u;
                }
                t /= up;
            }
            self.bisect(target, 0, u)
        } else {
            for _ in 0..WALK_MAX {
                if u == u64::MAX {
                    return u64::MAX;
                }
                t *= self.ratio(u);
                u += 1;
                f += t;
                if f >= target {
                    return u;
                }
            }
            let mut lo = u;
            let mut step = sd.max(1.0).min(u64::MAX as f64) as u64;
            loop {
                let hi = lo.saturating_add(step);
                if self.cdf(hi) >= target {
                    return self.bisect(target, lo, hi);
                }
                if hi == u64::MAX {
                    return u64::MAX;
                }
                lo = hi;
                step = step.saturating_mul(2);
            }
        }
    }

    /// Smallest u in (lo, hi] with cdf(u) ≥ target, given cdf(hi) ≥ target.
    fn bisect(&self, target: f64, mut lo: u64, mut hi: u64) -> u64 {
        if lo == 0 && self.cdf(0) >= target {
            return 0;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.cdf(mid) >= target {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }

    /// P(Y ≤ x).
    fn cdf(&self, x: u64) -> f64 {
        if let Dist::Degenerate = self {
            return 1.0;
        }
        let v = if x < self.mode() {
            self.sum_down(x)
        } else if x == u64::MAX {
            1.0
        } else {
            1.0 - self.sum_up(x + 1)
        };
        v.clamp(0.0, 1.0)
    }

    /// P(Y ≥ y).
    fn sf_ge(&self, y: u64) -> f64 {
        if y == 0 {
            return 1.0;
        }
        if let Dist::Degenerate = self {
            return 0.0;
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
    use statrs::distribution::{DiscreteCDF, NegativeBinomial, Poisson};

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    fn series(v: &[u64]) -> Vec<Option<u64>> {
        v.iter().map(|&x| Some(x)).collect()
    }

    // --- values published with the `surveillance` package's threshold tests
    // (mu0 = 5, alpha = 0.05, y = 11, method "nbPlugin").

    #[test]
    fn package_values_overdispersed() {
        assert_eq!(nb_quantile(5.0, 1.5, 0.95), 10);
        assert!(close(nb_upper_tail(5.0, 1.5, 11), 0.03763657, 1e-7));
        // Old package versions used the 1 - alpha/2 quantile: 11.
        assert_eq!(nb_quantile(5.0, 1.5, 0.975), 11);
    }

    #[test]
    fn package_values_poisson() {
        assert_eq!(nb_quantile(5.0, 1.0, 0.95), 9);
        assert!(close(nb_upper_tail(5.0, 1.0, 11), 0.01369527, 1e-7));
        // dispersion below 1 is treated as Poisson
        assert_eq!(nb_quantile(5.0, 0.7, 0.95), 9);
        assert_eq!(nb_quantile(5.0, 1.0, 0.975), 10);
    }

    #[test]
    fn reweighting_package_example() {
        let s = [0.0, 0.0, 0.0, 0.0, 0.0, 2.0, 2.0, 2.0, 2.0, 2.0];
        let w = anscombe_weights(&s, 0.0);
        let expected = [1.6, 1.6, 1.6, 1.6, 1.6, 0.4, 0.4, 0.4, 0.4, 0.4];
        assert_eq!(w.len(), 10);
        for (a, b) in w.iter().zip(expected) {
            assert!(close(*a, b, 1e-12), "{w:?}");
        }
        // Nothing above the threshold: all weights 1.
        assert_eq!(anscombe_weights(&s, 2.58), vec![1.0; 10]);
        assert!(anscombe_weights(&[], 2.58).is_empty());
        // c < 0 with a zero residual: no infinite weights.
        let w = anscombe_weights(&[0.0, 1.0, -0.5], -1.0);
        assert!(w.iter().all(|x| x.is_finite() && *x > 0.0));
        assert!(close(w.iter().sum::<f64>(), 3.0, 1e-12));
    }

    #[test]
    fn distribution_agrees_with_statrs_for_moderate_values() {
        for &(mu, phi) in &[
            (5.0, 1.5),
            (0.3, 2.0),
            (12.7, 3.1),
            (40.0, 1.05),
            (2.0, 8.0),
            (150.0, 1.7),
        ] {
            let size: f64 = mu / (phi - 1.0);
            let nb = NegativeBinomial::new(size, 1.0 / phi).unwrap();
            for y in 0..(mu as u64 * 4 + 20) {
                let ours = nb_upper_tail(mu, phi, y);
                let theirs = if y == 0 { 1.0 } else { nb.sf(y - 1) };
                assert!(
                    close(ours, theirs, 1e-10),
                    "mu={mu} phi={phi} y={y}: {ours} vs {theirs}"
                );
            }
        }
        for &lambda in &[0.01, 1.0, 5.0, 33.3, 120.0] {
            let po = Poisson::new(lambda).unwrap();
            for y in 1..(lambda as u64 * 3 + 20) {
                let ours = nb_upper_tail(lambda, 1.0, y);
                assert!(close(ours, po.sf(y - 1), 1e-10), "lambda={lambda} y={y}");
            }
        }
    }

    #[test]
    fn quantile_is_smallest_with_cdf_at_least_prob() {
        for &(mu, phi) in &[
            (5.0, 1.5),
            (0.5, 1.0),
            (17.0, 2.5),
            (300.0, 1.2),
            (1e5, 4.0),
            (3.0, 30.0),
        ] {
            for &prob in &[0.5, 0.9, 0.95, 0.99, 0.999] {
                let u = nb_quantile(mu, phi, prob);
                // cdf(u) = 1 - P(Y >= u+1)
                assert!(1.0 - nb_upper_tail(mu, phi, u + 1) >= prob * (1.0 - 64.0 * f64::EPSILON));
                if u > 0 {
                    assert!(
                        1.0 - nb_upper_tail(mu, phi, u) < prob,
                        "mu={mu} phi={phi} prob={prob} u={u}"
                    );
                }
            }
        }
    }

    #[test]
    fn large_counts_stay_accurate() {
        // Poisson(1e6): P(Y >= 1e6 + 3000) ~ upper normal tail at 3 sd (with skew).
        let p = nb_upper_tail(1e6, 1.0, 1_003_000);
        assert!(p > 1.2e-3 && p < 1.5e-3, "{p}");
        // Symmetry sanity: a quantile near the mean for a huge mean.
        let u = nb_quantile(1e6, 1.0, 0.5);
        assert!((999_990..=1_000_010).contains(&u), "{u}");
        // Nearly-Poisson negative binomial (size 5e13 resp. 1e27) agrees with Poisson.
        for y in [1u64, 30, 50, 70, 100] {
            let a = nb_upper_tail(50.0, 1.0 + 1e-12, y);
            let b = nb_upper_tail(50.0, 1.0, y);
            assert!((a - b).abs() <= 1e-9 * b, "y={y}: {a} vs {b}");
        }
        let mu = 1e15f64;
        let q = nb_quantile(mu, 1.0 + 1e-12, 0.95) as f64;
        let normal = mu + 1.644_853_626_951_472_2 * mu.sqrt();
        assert!((q - normal).abs() < 10.0, "{q} vs {normal}");
        // Normalisation: tails at the mode add up.
        let d = Dist::new(2.5e5, 3.0).unwrap();
        let m = d.mode();
        let total = d.sum_down(m) + d.sum_up(m + 1);
        assert!(close(total, 1.0, 1e-9), "{total}");
    }

    #[test]
    fn blocked_summation_matches_wilson_hilferty() {
        // λ = 1e11 is in the blocked regime (curvature 1/k < 2e-10 from k ≈ 5e9).
        let lambda = 1e11f64;
        let sd = lambda.sqrt();
        for zz in [-3.0, -1.0, 0.5, 2.0, 5.0] {
            let y = (lambda + zz * sd).round();
            let ours = nb_upper_tail(lambda, 1.0, y as u64);
            // P(Y ≥ y) = P(Gamma(y, 1) ≤ λ), Wilson–Hilferty (error O(1/y)).
            let x = ((lambda / y).cbrt() - 1.0 + 1.0 / (9.0 * y)) * 3.0 * y.sqrt();
            let wh = 0.5 * statrs::function::erf::erfc(-x / std::f64::consts::SQRT_2);
            assert!(
                (ours - wh).abs() <= 1e-7 * wh.max(1e-300) + 1e-12,
                "z={zz}: {ours} vs {wh}"
            );
        }
        let d = Dist::new(lambda, 1.0).unwrap();
        let m = d.mode();
        assert!(close(d.sum_down(m) + d.sum_up(m + 1), 1.0, 1e-8));
        // Heavy tail (φ = 1e9): geometric blocks keep this fast.
        let d = Dist::new(50.0, 1e9).unwrap();
        let total = d.ln_pmf(0).exp() + d.sum_up(1);
        assert!(close(total, 1.0, 1e-8), "{total}");
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert_eq!(nb_quantile(0.0, 1.0, 0.95), 0);
        assert_eq!(nb_quantile(-3.0, 2.0, 0.95), 0);
        assert_eq!(nb_quantile(f64::NAN, 2.0, 0.95), 0);
        assert_eq!(nb_quantile(5.0, 2.0, 1.0), u64::MAX);
        assert_eq!(nb_quantile(5.0, 2.0, f64::NAN), u64::MAX);
        assert_eq!(nb_quantile(5.0, 2.0, 0.0), 0);
        assert_eq!(nb_quantile(f64::INFINITY, 2.0, 0.95), u64::MAX);
        assert_eq!(nb_quantile(5.0, f64::INFINITY, 0.95), u64::MAX);
        assert_eq!(nb_quantile(5.0, f64::NAN, 0.95), 9);
        assert_eq!(nb_upper_tail(0.0, 1.0, 0), 1.0);
        assert_eq!(nb_upper_tail(0.0, 1.0, 1), 0.0);
        assert_eq!(nb_upper_tail(5.0, f64::INFINITY, 3), 1.0);
        assert!(nb_upper_tail(1e-300, 1e300, 1) <= 1.0);
        let _ = nb_quantile(1e-12, 1e12, 0.95);
        let _ = nb_quantile(1e15, 1.0 + 1e-12, 0.95);
        let _ = nb_upper_tail(u64::MAX as f64, 2.0, u64::MAX);
    }

    // --- full-series behaviour

    /// Four years of quarterly counts around 5, then the evaluated quarter.
    fn flat_history() -> Vec<u64> {
        vec![5, 4, 6, 5, 5, 6, 4, 5, 4, 5, 5, 6, 6, 5, 4, 5]
    }

    #[test]
    fn spike_raises_alarm() {
        let mut v = flat_history();
        v.push(20);
        let s = series(&v);
        let e = evaluate(&s, 16, &DetectorConfig::quarterly()).unwrap();
        assert_eq!(e.reference_years, 3);
        assert_eq!(e.reference_values, 9);
        assert!(e.expected > 4.0 && e.expected < 6.0, "{e:?}");
        assert_eq!(e.dispersion, 1.0); // under-dispersed reference values
        assert_eq!(e.threshold, nb_quantile(e.expected, 1.0, 0.95));
        assert!(e.alarm, "{e:?}");
        assert!(e.p_value < 1e-5);
        assert_eq!(e.observed, 20);
        assert_eq!(e.recent_sum, 5 + 4 + 5 + 20);
    }

    #[test]
    fn ordinary_value_no_alarm() {
        let mut v = flat_history();
        v.push(6);
        let s = series(&v);
        let e = evaluate(&s, 16, &DetectorConfig::quarterly()).unwrap();
        assert!(!e.alarm, "{e:?}");
        assert!(e.threshold >= 8);
        assert!(e.p_value > 0.2);
    }

    #[test]
    fn exact_reference_fit_by_hand() {
        // Reference values for t = 9, f = 4, w = 1, b = 2: indices 4,5,6 and 0,1,2.
        // values 5,5,5,5,5,5 → μ = 5, φ = max(1, 0) = 1, all residuals 0.
        let s = series(&[5, 5, 5, 99, 5, 5, 5, 99, 99, 10]);
        let e = evaluate(&s, 9, &DetectorConfig::quarterly()).unwrap();
        assert_eq!(e.reference_years, 2);
        assert_eq!(e.reference_values, 6);
        assert_eq!(e.expected, 5.0);
        assert_eq!(e.dispersion, 1.0);
        assert_eq!(e.threshold, 9);
        assert!(close(e.p_value, Poisson::new(5.0).unwrap().sf(9), 1e-12));
        assert!(e.alarm);
    }

    /// 22 quarters of 50 with a moderate past outbreak (79) at index 9, which
    /// is a reference value (year 3, k = 0) for t = 21 (b = 5, n = 15).
    fn outbreak_history() -> Vec<Option<u64>> {
        let mut v = vec![50u64; 22];
        v[9] = 79;
        v[21] = 52;
        series(&v)
    }

    #[test]
    fn reweighting_downweights_past_outbreak() {
        let s = outbreak_history();
        let cfg = DetectorConfig::quarterly();
        let e = evaluate(&s, 21, &cfg).unwrap();
        let plain_mean = (14.0 * 50.0 + 79.0) / 15.0;
        assert_eq!(e.reference_years, 5);
        assert_eq!(e.reference_values, 15);
        assert!(e.expected < plain_mean - 0.5, "{e:?}");
        // No reweighting when the threshold is infinite.
        let cfg_inf = DetectorConfig {
            reweight_threshold: f64::INFINITY,
            ..cfg
        };
        let e2 = evaluate(&s, 21, &cfg_inf).unwrap();
        assert!(close(e2.expected, plain_mean, 1e-12));
        assert!(e2.dispersion > 1.0);
        assert!(e2.threshold > e.threshold);
    }

    #[test]
    fn large_outlier_masks_itself() {
        // Documented property of the intercept-only fit: a very large outlier
        // inflates φ̂ so much that its own standardised residual stays below
        // 2.58 (the limit for n = 15 is 1.5·15^(1/6)·sqrt(14/15) ≈ 2.27), so it
        // is not down-weighted; φ̂ absorbs it instead.
        let mut v = vec![50u64; 22];
        v[9] = 5000;
        let e = evaluate(&series(&v), 21, &DetectorConfig::quarterly()).unwrap();
        let plain_mean = (14.0 * 50.0 + 5000.0) / 15.0;
        assert!(close(e.expected, plain_mean, 1e-9), "{e:?}");
        assert!(e.dispersion > 100.0);
    }

    #[test]
    fn hand_computed_weighted_fit() {
        let s = outbreak_history();
        let e = evaluate(&s, 21, &DetectorConfig::quarterly()).unwrap();
        // Reference values: 14 × 50 and one 79.
        let mut y = vec![50.0f64; 14];
        y.push(79.0);
        let n = 15.0;
        let mu0 = y.iter().sum::<f64>() / n;
        let phi0 = (y.iter().map(|v| (v - mu0).powi(2) / mu0).sum::<f64>() / (n - 1.0)).max(1.0);
        let scale = (phi0 * (1.0 - 1.0 / n)).sqrt();
        let r: Vec<f64> = y
            .iter()
            .map(|v: &f64| 1.5 * (v.powf(2.0 / 3.0) * mu0.powf(-1.0 / 6.0) - mu0.sqrt()) / scale)
            .collect();
        assert!(r[14] > 2.58 && r[0] < 2.58, "{r:?}");
        let w = anscombe_weights(&r, 2.58);
        // γ = n / (14 + r⁻²), outlier weight γ·r⁻²
        let gamma = n / (14.0 + 1.0 / (r[14] * r[14]));
        assert!(close(w[0], gamma, 1e-12) && close(w[14], gamma / (r[14] * r[14]), 1e-12));
        let mu1: f64 = y.iter().zip(&w).map(|(a, b)| a * b).sum::<f64>() / n;
        let phi1 = (y
            .iter()
            .zip(&w)
            .map(|(a, b)| b * (a - mu1).powi(2) / mu1)
            .sum::<f64>()
            / (n - 1.0))
            .max(1.0);
        assert!(close(e.expected, mu1, 1e-12), "{} vs {mu1}", e.expected);
        assert!(close(e.dispersion, phi1, 1e-12));
        assert_eq!(e.threshold, nb_quantile(mu1, phi1, 0.95));
        assert!(close(e.p_value, nb_upper_tail(mu1, phi1, 52), 1e-15));
        assert!(!e.alarm);
    }

    #[test]
    fn too_short_history_gives_none() {
        let cfg = DetectorConfig::quarterly();
        // t = 8 needs index 8 - 8 - 1 = -1 for year 2 → only one year.
        let s = series(&[5; 9]);
        assert_eq!(evaluate(&s, 8, &cfg), None);
        assert_eq!(evaluate(&s, 3, &cfg), None);
        assert_eq!(evaluate(&s, 0, &cfg), None);
        let s = series(&[5; 10]);
        assert_eq!(evaluate(&s, 9, &cfg).unwrap().reference_years, 2);
        // current out of range / missing
        assert_eq!(evaluate(&s, 10, &cfg), None);
        let mut m = s.clone();
        m[9] = None;
        assert_eq!(evaluate(&m, 9, &cfg), None);
        assert_eq!(evaluate(&[], 0, &cfg), None);
        // monthly needs 2·12 + 2 periods of history
        let s = series(&[3; 40]);
        assert!(evaluate(&s, 25, &DetectorConfig::monthly()).is_none());
        assert_eq!(
            evaluate(&s, 26, &DetectorConfig::monthly())
                .unwrap()
                .reference_years,
            2
        );
        assert_eq!(
            evaluate(&s, 39, &DetectorConfig::monthly())
                .unwrap()
                .reference_values,
            15
        );
    }

    #[test]
    fn reference_years_capped_at_max() {
        let s = series(&[4; 60]);
        let e = evaluate(&s, 59, &DetectorConfig::quarterly()).unwrap();
        assert_eq!(e.reference_years, 5);
        assert_eq!(e.reference_values, 15);
    }

    #[test]
    fn missing_reference_values_are_skipped() {
        let mut s = series(&[5; 17]);
        s[12] = None;
        s[3] = None;
        let e = evaluate(&s, 16, &DetectorConfig::quarterly()).unwrap();
        assert_eq!(e.reference_years, 3);
        assert_eq!(e.reference_values, 7);
        // all reference values missing → None
        let mut s = vec![None; 17];
        s[16] = Some(4);
        assert_eq!(evaluate(&s, 16, &DetectorConfig::quarterly()), None);
    }

    #[test]
    fn recent_sum_rule_blocks_small_alarms() {
        // All-zero history: μ = 0, threshold 0; a single 3 exceeds it but the
        // last four periods sum to 3 < 5.
        let mut v = vec![0u64; 16];
        v.push(3);
        let e = evaluate(&series(&v), 16, &DetectorConfig::quarterly()).unwrap();
        assert_eq!(e.expected, 0.0);
        assert_eq!(e.threshold, 0);
        assert_eq!(e.p_value, 0.0);
        assert!(!e.alarm);
        let mut v = vec![0u64; 15];
        v.extend([2, 3]);
        let e = evaluate(&series(&v), 16, &DetectorConfig::quarterly()).unwrap();
        assert!(e.alarm);
        assert_eq!(e.recent_sum, 5);
    }

    #[test]
    fn invalid_config_gives_none() {
        let s = series(&[5; 30]);
        let bad = [
            DetectorConfig {
                periods_per_year: 0,
                ..DetectorConfig::quarterly()
            },
            DetectorConfig {
                window: 4,
                ..DetectorConfig::quarterly()
            },
            DetectorConfig {
                max_years: 1,
                ..DetectorConfig::quarterly()
            },
            DetectorConfig {
                alpha: 0.0,
                ..DetectorConfig::quarterly()
            },
            DetectorConfig {
                alpha: f64::NAN,
                ..DetectorConfig::quarterly()
            },
        ];
        for cfg in &bad {
            assert_eq!(evaluate(&s, 29, cfg), None, "{cfg:?}");
        }
        assert_eq!(DetectorConfig::default(), DetectorConfig::quarterly());
    }

    #[test]
    fn bh_hand_computed() {
        // sorted: 0.005(i=3), 0.01(i=0), 0.03(i=2), 0.04(i=1); m = 4
        // raw: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04
        let q = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005]);
        let expected = [0.02, 0.04, 0.04, 0.02];
        for (a, b) in q.iter().zip(expected) {
            assert!(close(*a, b, 1e-15), "{q:?}");
        }
        // monotonicity step: raw 0.08 for the smaller p is lowered to 0.041
        let q = benjamini_hochberg(&[0.04, 0.041]);
        assert!(
            close(q[0], 0.041, 1e-15) && close(q[1], 0.041, 1e-15),
            "{q:?}"
        );
        // cap at 1
        let q = benjamini_hochberg(&[0.9, 0.8, 0.7]);
        assert!(q.iter().all(|&x| x <= 1.0));
        assert!(close(q[0], 0.9, 1e-15) && close(q[2], 0.9, 1e-15), "{q:?}");
        // NaN kept, not counted
        let q = benjamini_hochberg(&[0.01, f64::NAN, 0.02]);
        assert!(q[1].is_nan());
        assert!(
            close(q[0], 0.02, 1e-15) && close(q[2], 0.02, 1e-15),
            "{q:?}"
        );
        assert!(benjamini_hochberg(&[]).is_empty());
    }

    proptest::proptest! {
        #[test]
        fn evaluate_never_panics(
            v in proptest::collection::vec(proptest::option::weighted(0.9, 0u64..500), 0..70),
            cur in 0usize..80,
            monthly in proptest::bool::ANY,
        ) {
            let cfg = if monthly { DetectorConfig::monthly() } else { DetectorConfig::quarterly() };
            if let Some(e) = evaluate(&v, cur, &cfg) {
                proptest::prop_assert!(e.dispersion >= 1.0);
                proptest::prop_assert!((0.0..=1.0).contains(&e.p_value));
                proptest::prop_assert!(e.reference_years >= 2);
                proptest::prop_assert_eq!(e.alarm, e.observed > e.threshold && e.recent_sum >= 5);
            }
        }

        #[test]
        fn bh_is_monotone_and_bounded(p in proptest::collection::vec(0.0f64..=1.0, 0..40)) {
            let q = benjamini_hochberg(&p);
            for i in 0..p.len() {
                proptest::prop_assert!(q[i] >= p[i] - 1e-15 && q[i] <= 1.0);
                for j in 0..p.len() {
                    if p[i] < p[j] { proptest::prop_assert!(q[i] <= q[j]); }
                }
            }
        }
    }
}

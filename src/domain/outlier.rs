//! Outlier warnings on entry: a count far above what the agency's own history for that
//! misuse type predicts. Non-blocking: the user is asked to confirm, never refused.

use super::message::Msg;
use super::signals::nb_quantile;

/// How many earlier periods of the same kind form the history.
pub const HISTORY_PERIODS: usize = 8;
/// At least this many periods of history before any warning.
pub const MIN_HISTORY: usize = 4;
/// The upper bound is this quantile of the fitted distribution.
pub const QUANTILE: f64 = 0.99;
/// … or the count is more than this many times the median.
pub const MEDIAN_FACTOR: f64 = 5.0;
/// Small counts never warn: a jump from 0 to 3 is not worth a question.
pub const MIN_COUNT: i64 = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct OutlierWarning {
    pub line: u32,
    pub misuse_type: String,
    pub count: i64,
    /// The 99 % upper bound from the history.
    pub expected_max: i64,
    pub median: f64,
    /// What to tell the user, in their language where it is shown.
    pub message: Msg,
}

/// Checks a period's total for one misuse type against the history (earlier periods'
/// totals, newest first; missing periods left out). `labels` are the misuse type's
/// Swedish and English labels (taxonomy data), for the message.
pub fn check(
    line: u32,
    misuse_type: &str,
    labels: (&str, &str),
    count: i64,
    history: &[i64],
) -> Option<OutlierWarning> {
    if history.len() < MIN_HISTORY || count < MIN_COUNT {
        return None;
    }
    let n = history.len() as f64;
    let mean = history.iter().sum::<i64>() as f64 / n;
    let var = history
        .iter()
        .map(|&y| (y as f64 - mean).powi(2))
        .sum::<f64>()
        / (n - 1.0);
    let dispersion = if mean > 0.0 {
        (var / mean).max(1.0)
    } else {
        1.0
    };
    let upper = nb_quantile(mean, dispersion, QUANTILE) as i64;
    let mut sorted = history.to_vec();
    sorted.sort_unstable();
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2] as f64
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) as f64 / 2.0
    };
    let above_bound = count > upper;
    let above_median = median > 0.0 && count as f64 > MEDIAN_FACTOR * median;
    (above_bound || above_median).then(|| OutlierWarning {
        line,
        misuse_type: misuse_type.to_string(),
        count,
        expected_max: upper,
        median,
        // The label is data in both languages; each catalogue uses its own.
        message: Msg::new("submissions-outlier")
            .arg("misuse_type_sv", labels.0.to_lowercase())
            .arg("misuse_type_en", labels.1.to_lowercase())
            .arg("count", count)
            .arg("expected_max", upper),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_match_known_values() {
        // Poisson(5): P(Y ≤ 9) = 0.968, P(Y ≤ 10) = 0.986, P(Y ≤ 11) = 0.9945.
        assert_eq!(nb_quantile(5.0, 1.0, 0.95), 9);
        assert_eq!(nb_quantile(5.0, 1.0, 0.99), 11);
        // Negative binomial, mean 5, variance 7.5 (surveillance's published example).
        assert_eq!(nb_quantile(5.0, 1.5, 0.95), 10);
        assert_eq!(nb_quantile(0.0, 1.0, 0.99), 0);
        // Large means do not underflow.
        let q = nb_quantile(10_000.0, 1.5, 0.99);
        assert!((10_250..10_400).contains(&q), "{q}");
    }

    #[test]
    fn a_count_far_above_history_warns_and_an_ordinary_one_does_not() {
        let history = [20, 22, 19, 25, 21, 18, 23, 20];
        let labels = ("Falsk identitet", "False identity");
        assert!(check(1, "false_identity", labels, 24, &history).is_none());
        let w = check(3, "false_identity", labels, 200, &history).unwrap();
        assert_eq!(w.line, 3);
        assert!(w.message.text_sv().contains("falsk identitet (200)"));
        assert!(w.expected_max < 40);
    }

    #[test]
    fn too_little_history_or_a_small_count_never_warns() {
        assert!(check(1, "x", ("X", "X"), 1_000, &[1, 2, 3]).is_none());
        assert!(check(1, "x", ("X", "X"), 4, &[0, 0, 0, 0, 0]).is_none());
    }

    #[test]
    fn five_times_the_median_warns_even_with_wide_spread() {
        let history = [2, 3, 2, 200, 3, 2];
        let w = check(1, "x", ("X", "X"), 40, &history);
        assert!(w.is_some());
    }
}

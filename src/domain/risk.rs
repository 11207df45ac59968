//! Rising series: the "consequences of measures not taken" start from here.

/// Whether each of the last `run` periods (ending at `current`) lies above the mean of the
/// `baseline` periods before them. Any missing period in either window means no verdict.
pub fn sustained_rise(series: &[Option<u64>], current: usize, run: usize, baseline: usize) -> bool {
    if run == 0 || baseline == 0 || current + 1 < run + baseline || current >= series.len() {
        return false;
    }
    let run_start = current + 1 - run;
    let base: Option<Vec<u64>> = series[run_start - baseline..run_start]
        .iter()
        .copied()
        .collect();
    let recent: Option<Vec<u64>> = series[run_start..=current].iter().copied().collect();
    match (base, recent) {
        (Some(base), Some(recent)) => {
            let mean = base.iter().sum::<u64>() as f64 / base.len() as f64;
            recent.iter().all(|&y| y as f64 > mean) && recent.iter().sum::<u64>() >= 5
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[u64]) -> Vec<Option<u64>> {
        v.iter().map(|x| Some(*x)).collect()
    }

    #[test]
    fn three_periods_above_the_baseline_is_a_sustained_rise() {
        assert!(sustained_rise(&s(&[10, 10, 10, 10, 12, 13, 15]), 6, 3, 4));
        assert!(!sustained_rise(&s(&[10, 10, 10, 10, 12, 9, 15]), 6, 3, 4));
        assert!(!sustained_rise(&s(&[10, 10, 15]), 2, 3, 4), "too short");
        let mut gap = s(&[10, 10, 10, 10, 12, 13, 15]);
        gap[1] = None;
        assert!(!sustained_rise(&gap, 6, 3, 4), "missing is not zero");
        assert!(
            !sustained_rise(&s(&[0, 0, 0, 0, 1, 1, 1]), 6, 3, 4),
            "tiny counts are noise"
        );
    }
}

//! The API's rate limit per bearer token: a token bucket per token, held in this process's
//! memory. With several instances behind a load balancer each instance counts on its own,
//! so a client may reach the limit once per instance.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// Token buckets keyed by the token's digest (never the secret itself).
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<String, Bucket>>,
}

struct Bucket {
    /// Calls left, refilled continuously at `per_minute / 60` per second up to `per_minute`.
    allowance: f64,
    updated: Instant,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute: per_minute.max(1),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Counts one call for `key`. `Err(seconds)`: refused; the next call is allowed in
    /// that many whole seconds (at least 1).
    pub fn check(&self, key: &str) -> Result<(), u64> {
        self.check_at(key, Instant::now())
    }

    fn check_at(&self, key: &str, now: Instant) -> Result<(), u64> {
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let bucket = buckets.entry(key.to_string()).or_insert(Bucket {
            allowance: capacity,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.allowance = (bucket.allowance + elapsed * per_second).min(capacity);
        bucket.updated = now;
        if bucket.allowance >= 1.0 {
            bucket.allowance -= 1.0;
            Ok(())
        } else {
            // The tolerance keeps float noise from adding a whole second.
            let wait = ((1.0 - bucket.allowance) / per_second - 1e-9).ceil();
            Err((wait as u64).max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_full_bucket_allows_the_rate_then_refuses_until_it_refills() {
        let limiter = RateLimiter::new(60);
        let t0 = Instant::now();
        for _ in 0..60 {
            assert!(limiter.check_at("a", t0).is_ok());
        }
        assert_eq!(
            limiter.check_at("a", t0),
            Err(1),
            "one call per second refills"
        );
        assert!(
            limiter.check_at("b", t0).is_ok(),
            "each token has its own bucket"
        );
        assert!(limiter.check_at("a", t0 + Duration::from_secs(1)).is_ok());
        assert!(limiter.check_at("a", t0 + Duration::from_secs(1)).is_err());
    }

    #[test]
    fn retry_after_says_how_long_to_wait() {
        let limiter = RateLimiter::new(2);
        let t0 = Instant::now();
        assert!(limiter.check_at("a", t0).is_ok());
        assert!(limiter.check_at("a", t0).is_ok());
        assert_eq!(limiter.check_at("a", t0), Err(30));
        assert_eq!(limiter.check_at("a", t0 + Duration::from_secs(20)), Err(10));
        assert!(limiter.check_at("a", t0 + Duration::from_secs(30)).is_ok());
    }
}

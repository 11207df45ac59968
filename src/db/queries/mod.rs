//! Queries grouped by table. Every function takes the connection and returns rows;
//! the use-cases in `services` combine them.

pub mod agencies;
pub mod aggregates;
pub mod audit;
pub mod changes;
pub mod forum;
pub mod measures;
pub mod notices;
pub mod notifications;
pub mod periods;
pub mod references;
pub mod reports;
pub mod rollup;
pub mod submissions;
pub mod taxonomy;
pub mod throttle;
pub mod tokens;
pub mod users;

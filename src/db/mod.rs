//! Database access: one codebase on SQLite and PostgreSQL.
//!
//! `DbConnection` is diesel's `MultiConnection` enum; the backend is chosen from the URL
//! scheme (never by trying each in turn, which hides the real error). The few statements
//! `MultiConnection` cannot express (RETURNING, batch inserts) use [`with_backend!`], and
//! that dispatch never leaves this module tree.

pub mod backup;
pub mod models;
pub mod queries;
pub mod schema;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::configuration::DatabaseUrl;
use crate::error::{AppError, AppResult};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// Runs `$body` with `$c` bound to the concrete connection of whichever backend is in use.
/// The body is compiled once per backend, so it may use backend-specific diesel features.
#[macro_export]
macro_rules! with_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Postgres($c) => $body,
            $crate::db::DbConnection::Sqlite($c) => $body,
        }
    };
}

/// Opens connections of the backend that the URL names.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DatabaseUrl,
}

/// SQLite settings for every connection. `busy_timeout` must come first: switching to WAL
/// needs a lock, and several pooled connections open at once.
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; \
     PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON;";

impl ConnectionManager {
    pub fn new(url: DatabaseUrl) -> Self {
        Self { url }
    }

    pub fn establish(&self) -> Result<DbConnection, ConnectionError> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let mut conn = establish_postgres(url)?;
                conn.batch_execute("SET TIME ZONE 'UTC'")
                    .map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Postgres(conn))
            }
        }
    }
}

/// Opens a PostgreSQL connection. Every PostgreSQL connection (the application's, and the
/// tests' own) is opened here, so that OpenSSL is set up as `init_openssl` says before
/// libpq first uses it.
pub fn establish_postgres(url: &str) -> Result<PgConnection, ConnectionError> {
    init_openssl();
    PgConnection::establish(url)
}

/// Initialises OpenSSL (libpq's TLS) once, with `OPENSSL_INIT_NO_ATEXIT`.
///
/// Left to itself, OpenSSL registers `OPENSSL_cleanup` with `atexit` the first time libpq
/// opens a TLS connection. At process exit that handler frees the OpenSSL state of every
/// thread without a lock, assuming the process is single-threaded by then. It is not:
/// threads that used libpq (the pool's `r2d2-worker`s, actix workers and their blocking
/// threads) may still be ending, and their thread-exit destructor frees the same memory.
/// That double free aborted the PostgreSQL test run after every test had passed
/// (`free(): invalid pointer`, SIGABRT). Without the handler the memory simply goes with
/// the process. The first initialisation decides, so this must run before any PostgreSQL
/// connection is opened.
fn init_openssl() {
    // OPENSSL_init_ssl(… | OPENSSL_INIT_NO_ATEXIT) for OpenSSL >= 1.1.1b, once per process.
    openssl_sys::init();
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        self.establish().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        use diesel::r2d2::R2D2Connection;
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::r2d2::R2D2Connection;
        conn.is_broken()
    }
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

/// The application's handle to its database: a pool plus the knowledge of which backend.
#[derive(Clone)]
pub struct Database {
    pool: Pool,
    url: DatabaseUrl,
}

impl Database {
    /// Connects (failing with the real error in one line), then runs pending migrations.
    pub fn connect_and_migrate(url: &DatabaseUrl, pool_size: u32) -> AppResult<Self> {
        if let DatabaseUrl::Sqlite(path) = url {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| {
                    AppError::Config(format!(
                        "Kan inte skapa mappen {} för databasen: {e}",
                        dir.display()
                    ))
                })?;
            }
        }
        let manager = ConnectionManager::new(url.clone());
        // Open one connection first so a bad URL fails with the database's own message.
        let mut first = manager.establish().map_err(|e| {
            AppError::Config(format!(
                "Kan inte ansluta till databasen ({}): {}",
                url.backend_name(),
                one_line(&e.to_string())
            ))
        })?;
        run_migrations(&mut first)?;
        drop(first);
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .connection_timeout(Duration::from_secs(10))
            .build(manager)
            .map_err(|e| AppError::Config(format!("Kan inte öppna databaspoolen: {e}")))?;
        Ok(Self {
            pool,
            url: url.clone(),
        })
    }

    pub fn backend_name(&self) -> &'static str {
        self.url.backend_name()
    }

    /// The database this handle was opened on (for running the command line against it).
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// The pool's usage now: (open connections, idle connections, configured size).
    pub fn pool_usage(&self) -> (u32, u32, u32) {
        let s = self.pool.state();
        (s.connections, s.idle_connections, self.pool.max_size())
    }

    /// A connection for synchronous callers (the CLI, tests).
    pub fn conn(&self) -> AppResult<PooledConnection> {
        Ok(self.pool.get()?)
    }

    /// Runs blocking database work on tokio's blocking pool, never on the async reactor.
    pub async fn run<F, T>(&self, f: F) -> AppResult<T>
    where
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        // Log lines from the blocking work keep the request's span (its request id).
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await
        .map_err(AppError::internal)?
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs the embedded migrations of the connection's backend. On PostgreSQL an advisory
/// lock keeps several instances starting at once from migrating concurrently.
pub fn run_migrations(conn: &mut DbConnection) -> AppResult<()> {
    let migrate_err = |e: Box<dyn std::error::Error + Send + Sync>| {
        AppError::Config(format!("Databasmigreringen misslyckades: {e}"))
    };
    match conn {
        DbConnection::Sqlite(c) => {
            c.run_pending_migrations(SQLITE_MIGRATIONS)
                .map_err(migrate_err)?;
        }
        DbConnection::Postgres(c) => {
            const LOCK_KEY: i64 = 0x4c41_4745_5342; // "LAGESB"
            c.batch_execute(&format!("SELECT pg_advisory_lock({LOCK_KEY})"))?;
            let result = c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|_| ());
            c.batch_execute(&format!("SELECT pg_advisory_unlock({LOCK_KEY})"))?;
            result.map_err(migrate_err)?;
        }
    }
    Ok(())
}

/// Converts a stored 0/1 flag.
pub fn flag(v: i32) -> bool {
    v != 0
}

/// Runs `f` in one database transaction, with the application's error type.
///
/// On SQLite the outermost transaction starts with `BEGIN IMMEDIATE`: it takes the write
/// lock at once (waiting up to `busy_timeout` for it). A deferred transaction that reads
/// first and writes later cannot wait: in WAL mode, when another connection has committed
/// in between, the upgrade fails at once with SQLITE_BUSY ("database is locked"), and
/// `busy_timeout` does not help. Every caller of this function writes, so nothing is
/// lost by taking the lock up front; plain reads outside it never block writers (WAL).
/// Nested calls become savepoints, as before. PostgreSQL keeps its default (READ
/// COMMITTED); the statements that must not race there check their row's state in the
/// `UPDATE … WHERE` itself.
pub fn transaction<T>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> AppResult<T>,
) -> AppResult<T> {
    use diesel::connection::TransactionManager;
    type Manager = <DbConnection as Connection>::TransactionManager;

    let begun = match conn {
        DbConnection::Sqlite(c) => begin_immediate(c),
        DbConnection::Postgres(_) => Ok(false),
    };
    if !begun? {
        // PostgreSQL, or already inside a transaction: diesel's begin (or a savepoint).
        Manager::begin_transaction(conn)?;
    }
    match f(conn) {
        Ok(value) => {
            Manager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(e) => match Manager::rollback_transaction(conn) {
            Ok(()) | Err(diesel::result::Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(rollback.into()),
        },
    }
}

/// How many times `BEGIN IMMEDIATE` waits a full `busy_timeout` for the write lock before
/// the request fails. SQLite's busy handler polls (at last every 100 ms) rather than
/// queueing, so under a sustained write load one unlucky waiter can keep missing the
/// lock; starting over is safe here because the transaction has not done anything yet.
const BEGIN_IMMEDIATE_ATTEMPTS: u32 = 6;

/// Starts the outermost SQLite transaction with the write lock. `Ok(false)`: a
/// transaction is already open (the caller makes a savepoint instead).
fn begin_immediate(c: &mut SqliteConnection) -> QueryResult<bool> {
    use diesel::connection::AnsiTransactionManager;
    use diesel::result::Error;
    let mut attempt = 1;
    loop {
        match AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE") {
            Ok(()) => return Ok(true),
            Err(Error::AlreadyInTransaction) => return Ok(false),
            Err(Error::DatabaseError(_, info))
                if attempt < BEGIN_IMMEDIATE_ATTEMPTS
                    && info.message().contains("database is locked") =>
            {
                tracing::warn!(attempt, "SQLite write lock still busy; waiting again");
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Whether every embedded migration has been applied (for `/readyz`).
pub fn migrations_current(conn: &mut DbConnection) -> AppResult<bool> {
    let pending = match conn {
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
        DbConnection::Postgres(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
    };
    pending
        .map(|p| !p)
        .map_err(|e| AppError::Unavailable(e.to_string()))
}

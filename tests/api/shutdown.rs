//! Graceful shutdown of the real binary: SIGTERM lets a request in flight finish (for up
//! to LAGESBILD_SHUTDOWN_TIMEOUT_SECS), then the process exits 0.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use lagesbild::configuration::DatabaseUrl;
use lagesbild::db::Database;
use lagesbild::domain::period::Period;
use lagesbild::services::{periods, tokens};

use crate::helpers::backend;

/// `lagesbild serve` on a fresh SQLite file, with its output lines on a channel.
struct Served {
    _dir: tempfile::TempDir,
    path: PathBuf,
    child: Child,
    addr: String,
    token: String,
    lines: mpsc::Receiver<String>,
}

impl Served {
    fn start(shutdown_timeout_secs: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shutdown.db");
        let token = {
            let db = Database::connect_and_migrate(&DatabaseUrl::Sqlite(path.clone()), 1).unwrap();
            let mut c = db.conn().unwrap();
            periods::open_period(&mut c, None, Period::parse("2026-Q3").unwrap(), None).unwrap();
            tokens::create_agency_token(&mut c, None, "SKV").unwrap()
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_lagesbild"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("DATABASE_URL", &path)
            .env("LAGESBILD_LOG", "info")
            .env("LAGESBILD_SHUTDOWN_TIMEOUT_SECS", shutdown_timeout_secs)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Standard output carries the address line and the log (with actix's notices).
        let (tx, lines) = mpsc::channel::<String>();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx2.send(line);
            }
        });
        let mut served = Self {
            _dir: dir,
            path,
            child,
            addr: String::new(),
            token,
            lines,
        };
        let line = served.wait_for("körs på http://");
        served.addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap()
            .to_string();
        // SIGTERM before the server has installed its handler would simply kill it; wait
        // until the kernel reports the signal as caught.
        let pid = served.child.id();
        assert!(
            (0..600).any(|_| {
                let caught = catches_sigterm(pid);
                if !caught {
                    std::thread::sleep(Duration::from_millis(50));
                }
                caught
            }),
            "the server never installed its SIGTERM handler"
        );
        served
    }

    fn wait_for(&self, needle: &str) -> String {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|e| panic!("the server never printed “{needle}”: {e}"));
            if line.contains(needle) {
                return line;
            }
        }
    }

    /// Sends a submission's headers and the first half of its body; returns the stream
    /// and the rest of the body.
    fn half_sent_submission(&self) -> (TcpStream, Vec<u8>) {
        let body = serde_json::json!({"period": "2026-Q3", "submit": true, "lines": [
            {"misuse_type": "false_identity", "document_type": "eu_passport", "count": 17,
             "description": "Ökning av manipulerade pass."}
        ]})
        .to_string();
        let (first, rest) = body.as_bytes().split_at(body.len() / 2);
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        write!(
            stream,
            "POST /api/v1/submissions HTTP/1.1\r\nHost: {}\r\nAuthorization: Bearer {}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            self.token,
            body.len()
        )
        .unwrap();
        stream.write_all(first).unwrap();
        stream.flush().unwrap();
        // Let the server accept the connection and start on the request: on a loaded
        // machine SIGTERM could otherwise arrive before the accept, and a connection that
        // was never accepted is not in flight. (A pause for ordering, not a timing check.)
        std::thread::sleep(Duration::from_millis(500));
        (stream, rest.to_vec())
    }

    /// Sends SIGTERM and waits until the server says it has begun a graceful shutdown.
    fn sigterm(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        self.wait_for("SIGTERM received; starting graceful shutdown");
    }
}

#[test]
fn sigterm_lets_a_request_in_flight_finish_and_the_process_exits_0() {
    if backend() != "sqlite" {
        println!("SKIPPED (graceful shutdown): drives the binary on its own SQLite file");
        return;
    }
    let mut served = Served::start("30");
    let (mut stream, rest) = served.half_sent_submission();
    served.sigterm();
    // Shutdown has begun while the request is half sent: no new connections...
    let refused = (0..200).any(|_| {
        let r = TcpStream::connect(&served.addr).is_err();
        if !r {
            std::thread::sleep(Duration::from_millis(50));
        }
        r
    });
    assert!(
        refused,
        "new connections are refused once shutdown has begun"
    );

    // ...but the request in flight completes with a whole response.
    stream.write_all(&rest).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, json) = response
        .split_once("\r\n\r\n")
        .expect("a complete response");
    assert!(head.starts_with("HTTP/1.1 201"), "{response}");
    let v: serde_json::Value = serde_json::from_str(json).expect("the whole JSON body");
    assert_eq!(v["status"], "submitted", "{v}");
    let id = v["id"].as_i64().unwrap();

    let status = served.child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "exit status after SIGTERM");

    // And it is stored.
    let db = Database::connect_and_migrate(&DatabaseUrl::Sqlite(served.path.clone()), 1).unwrap();
    let mut c = db.conn().unwrap();
    let stored = lagesbild::db::queries::submissions::by_id(&mut c, id)
        .unwrap()
        .expect("the submission is stored");
    assert_eq!(stored.status, "submitted");
}

/// Whether the process has a handler for SIGTERM (signal 15: bit 14 of `SigCgt`).
fn catches_sigterm(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let mask = status.lines().find_map(|l| l.strip_prefix("SigCgt:"))?;
            u64::from_str_radix(mask.trim(), 16).ok()
        })
        .is_some_and(|mask| mask & (1 << 14) != 0)
}

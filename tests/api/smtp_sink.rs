//! A tiny SMTP server for the tests: listens on a port of its own on 127.0.0.1, speaks
//! enough SMTP for lettre (EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT) and
//! keeps every message it receives. It can be created "down" (a port nobody listens on)
//! and started later, to test what happens while the mail server is unreachable.

use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One message as received.
#[derive(Debug, Clone)]
pub struct Mail {
    /// The envelope sender and recipients.
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent (after dot-unstuffing), lines ending in CRLF.
    pub raw: String,
}

impl Mail {
    fn split(&self) -> (&str, &str) {
        self.raw
            .split_once("\r\n\r\n")
            .unwrap_or((self.raw.as_str(), ""))
    }

    /// The headers with folded lines joined.
    pub fn headers(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for line in self.split().0.split("\r\n") {
            if line.starts_with([' ', '\t']) {
                if let Some(last) = out.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                out.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        out
    }

    /// The first header of this name (case-insensitive), folded lines joined.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers()
            .into_iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// The subject with RFC 2047 encoded words decoded.
    pub fn subject(&self) -> String {
        decode_words(&self.header("Subject").unwrap_or_default())
    }

    /// The body decoded from its Content-Transfer-Encoding.
    pub fn body(&self) -> String {
        let raw = self.split().1;
        let cte = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        match cte.as_str() {
            "base64" => {
                let compact: String = raw.split_whitespace().collect();
                String::from_utf8(
                    base64::engine::general_purpose::STANDARD
                        .decode(compact)
                        .expect("base64 body"),
                )
                .expect("UTF-8 body")
            }
            "quoted-printable" => decode_qp(raw),
            _ => raw.to_string(),
        }
        .replace("\r\n", "\n")
    }
}

fn decode_qp(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if bytes.get(i + 1..i + 3) == Some(b"\r\n") {
                i += 3;
                continue;
            }
            if let Some(hex) = bytes.get(i + 1..i + 3) {
                if let Ok(b) = u8::from_str_radix(std::str::from_utf8(hex).unwrap_or("zz"), 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 body")
}

/// `=?utf-8?b?…?=` and `=?utf-8?q?…?=` words; whitespace between two encoded words goes.
fn decode_words(s: &str) -> String {
    let mut out = String::new();
    let mut last_encoded = false;
    for (i, word) in s.split_whitespace().enumerate() {
        let decoded = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .and_then(|w| {
                let mut parts = w.splitn(3, '?');
                let (_charset, enc, text) = (parts.next()?, parts.next()?, parts.next()?);
                match enc.to_ascii_lowercase().as_str() {
                    "b" => base64::engine::general_purpose::STANDARD
                        .decode(text)
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok()),
                    "q" => Some(decode_qp(&text.replace('_', " "))),
                    _ => None,
                }
            });
        match decoded {
            Some(d) => {
                if i > 0 && !last_encoded {
                    out.push(' ');
                }
                out.push_str(&d);
                last_encoded = true;
            }
            None => {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
                last_encoded = false;
            }
        }
    }
    out
}

pub struct SmtpSink {
    port: u16,
    mails: Arc<Mutex<Vec<Mail>>>,
    task: Option<JoinHandle<()>>,
}

impl SmtpSink {
    /// A sink that is up.
    pub async fn start() -> Self {
        let mut sink = Self::down();
        sink.listen().await;
        sink
    }

    /// A sink that is down: a free port that nothing listens on yet (`listen` starts it).
    pub fn down() -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("a free port")
            .local_addr()
            .unwrap()
            .port();
        Self {
            port,
            mails: Arc::default(),
            task: None,
        }
    }

    /// Starts answering on the sink's port.
    pub async fn listen(&mut self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .await
            .expect("the sink's port");
        let mails = self.mails.clone();
        self.task = Some(tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let mails = mails.clone();
                tokio::spawn(async move {
                    let _ = session(stream, mails).await;
                });
            }
        }));
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }

    /// The messages whose envelope names `address`.
    pub fn to(&self, address: &str) -> Vec<Mail> {
        self.mails()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(address)))
            .collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        if let Some(t) = &self.task {
            t.abort();
        }
    }
}

fn address_in(arg: &str) -> String {
    let start = arg.find('<').map(|i| i + 1).unwrap_or(0);
    let end = arg[start..]
        .find('>')
        .map(|i| i + start)
        .unwrap_or(arg.len());
    arg[start..end].trim().to_string()
}

async fn session(stream: TcpStream, mails: Arc<Mutex<Vec<Mail>>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    write.write_all(b"220 sink ESMTP test sink\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let cmd = line.trim_end();
        let upper = cmd.to_ascii_uppercase();
        if upper.starts_with("EHLO") {
            write
                .write_all(b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                .await?;
        } else if upper.starts_with("HELO") {
            write.write_all(b"250 sink\r\n").await?;
        } else if upper.starts_with("MAIL FROM:") {
            from = address_in(&cmd[10..]);
            to.clear();
            write.write_all(b"250 OK\r\n").await?;
        } else if upper.starts_with("RCPT TO:") {
            to.push(address_in(&cmd[8..]));
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "DATA" {
            write
                .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                .await?;
            let mut raw = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                let l = line.strip_prefix('.').unwrap_or(&line);
                raw.push_str(l);
            }
            mails.lock().unwrap().push(Mail {
                from: from.clone(),
                to: std::mem::take(&mut to),
                raw,
            });
            write.write_all(b"250 OK queued\r\n").await?;
        } else if upper == "RSET" || upper == "NOOP" {
            write.write_all(b"250 OK\r\n").await?;
        } else if upper == "QUIT" {
            write.write_all(b"221 Bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"502 Command not implemented\r\n").await?;
        }
    }
}

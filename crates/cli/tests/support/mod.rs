//! What the process-level tests share: running `tandoo`, a server process on a free port,
//! and a minimal HTTP/1.1 client (one request per connection) to talk to it.

#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

pub const PASSWORD: &str = "a long enough password";

pub fn tandoo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandoo"))
        .args(args)
        .output()
        .expect("tandoo runs")
}

pub fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// One demo record for the tests of a test binary that only read it (one per binary);
/// tests that change a record copy it.
pub fn demo_record() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.sqlite");
        let output = tandoo(&["demo", "--db", path.to_str().unwrap(), "--no-serve"]);
        assert!(output.status.success(), "{}", text(&output));
        (dir, path)
    });
    path
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs tandoo, asserting success; its output.
pub fn ok(args: &[&str]) -> String {
    let output = tandoo(args);
    assert!(output.status.success(), "{args:?}: {}", text(&output));
    text(&output)
}

/// Runs tandoo, asserting that it reports a failed check (exit code 1); its output.
pub fn failed(args: &[&str]) -> String {
    let output = tandoo(args);
    assert_eq!(output.status.code(), Some(1), "{args:?}: {}", text(&output));
    text(&output)
}

/// Writes the story's set-up (commissions, stations, candidates) into the record at `db` (a
/// SQLite file path or a PostgreSQL address), and accounts for two operators of the CEC (who
/// may enter any constituency's protocols).
pub fn prepare_record(db: &str, dir: &Path) {
    let setup = &tandoo_demo::story()[0];
    let lines: Vec<String> = setup
        .submissions
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    let file = dir.join("setup.jsonl");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let output = tandoo(&["apply", "--create", "--db", db, file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output));
    for (user, role) in [("op1", "operator"), ("op2", "operator")] {
        let output = Command::new(env!("CARGO_BIN_EXE_tandoo"))
            .args([
                "user",
                "add",
                "--db",
                db,
                "--user",
                user,
                "--role",
                role,
                "--commission",
                "CEC",
            ])
            .env("TANDOO_PASSWORD", PASSWORD)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output));
    }
}

/// A `tandoo serve` process.
pub struct Server {
    pub child: Child,
    pub address: String,
}

impl Server {
    pub fn start(db: &str) -> Server {
        Server::start_with(db, &[])
    }

    /// A server given more flags.
    pub fn start_with(db: &str, flags: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tandoo"))
            .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("tandoo serve starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let address = loop {
            let line = lines
                .next()
                .expect("the server says where it listens")
                .unwrap();
            if let Some(rest) = line.split("on http://").nth(1) {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        // Keep reading its output so that it never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, address }
    }

    /// Ends the process at once, as a power cut would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: status and JSON body.
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub set_cookie: Option<String>,
}

/// One request; `None` if the connection failed or broke before a whole answer came.
pub fn request(
    address: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Option<Answer> {
    let mut stream = TcpStream::connect(address).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body.as_bytes()).ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let set_cookie = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .map(|l| {
            l["set-cookie:".len()..]
                .trim()
                .split(';')
                .next()
                .unwrap_or("")
                .to_string()
        });
    let length = head
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("content-length:"))
        .and_then(|l| l["content-length:".len()..].trim().parse::<usize>().ok());
    if length.is_some_and(|n| n != body.len()) {
        return None;
    }
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).ok()?
    };
    Some(Answer {
        status,
        body,
        set_cookie,
    })
}

/// A logged-in client: its cookie and CSRF token.
pub struct Client {
    pub address: String,
    cookie: String,
    csrf: String,
}

impl Client {
    pub fn login(address: &str, user: &str) -> Client {
        let body = serde_json::json!({"user": user, "password": PASSWORD}).to_string();
        let answer = request(address, "POST", "/api/session", &[], &body).expect("login answered");
        assert_eq!(answer.status, 200, "{}", answer.body);
        Client {
            address: address.into(),
            cookie: answer.set_cookie.expect("a session cookie"),
            csrf: answer.body["csrf_token"].as_str().unwrap().into(),
        }
    }

    /// The same session, used on another server of the same record (sessions are shared).
    pub fn on(&self, address: &str) -> Client {
        Client {
            address: address.into(),
            cookie: self.cookie.clone(),
            csrf: self.csrf.clone(),
        }
    }

    pub fn command(&self, date: &str, command: &Value) -> Option<Answer> {
        let body = serde_json::json!({"date": date, "command": command}).to_string();
        request(
            &self.address,
            "POST",
            "/api/commands",
            &[("Cookie", &self.cookie), ("X-CSRF-Token", &self.csrf)],
            &body,
        )
    }
}

/// Every entry of the record at `db` (via `tandoo export`), as JSON.
pub fn exported(db: &str, dir: &Path) -> Vec<Value> {
    let file = dir.join("export.jsonl");
    let output = tandoo(&["export", "--db", db, "--out", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", text(&output));
    std::fs::read_to_string(&file)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The demo's voting-day entries by the first operator of every district commission, as
/// API commands.
pub fn protocol_commands() -> Vec<Value> {
    tandoo_demo::story()[1]
        .submissions
        .iter()
        .filter(|s| s.actor.user.ends_with(".operator1"))
        .map(|s| serde_json::to_value(&s.command).unwrap())
        .collect()
}

/// The head a server reports at `GET /api/health`: its number and hash.
pub fn health(address: &str) -> (u64, String) {
    let answer = request(address, "GET", "/api/health", &[], "").expect("health answered");
    assert_eq!(answer.status, 200, "{}", answer.body);
    let head = &answer.body["head"];
    (
        head["seq"].as_u64().unwrap(),
        head["hash"].as_str().unwrap().to_string(),
    )
}

/// The environment variable holding the address of a PostgreSQL server to test against,
/// e.g. `postgres://postgres@127.0.0.1:5432/postgres`. Each test creates a database of its
/// own there and drops it at the end.
pub const POSTGRES_ENV: &str = "TANDOO_TEST_POSTGRES";

/// The server address from the environment. Unset: fail in CI, skip (with a notice)
/// elsewhere.
pub fn postgres_server() -> Option<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("CI").is_some() => panic!(
            "{POSTGRES_ENV} is not set, but CI is: the PostgreSQL tests must run in CI. \
             Set {POSTGRES_ENV} to a server address such as \
             postgres://postgres@127.0.0.1:5432/postgres"
        ),
        _ => {
            eprintln!(
                "notice: PostgreSQL variant skipped; set {POSTGRES_ENV}=postgres://user@host:port/db to run it"
            );
            None
        }
    }
}

/// A fresh PostgreSQL database for one test, dropped (with any connection still open to
/// it) when this is dropped.
pub struct TestDatabase {
    server: String,
    pub name: String,
    /// Its address, for `--db`.
    pub url: String,
}

impl TestDatabase {
    /// A fresh database on the server named by [`POSTGRES_ENV`], or `None` if the test is
    /// to be skipped (see [`postgres_server`]).
    pub fn fresh() -> Option<TestDatabase> {
        let server = postgres_server()?;
        let name = format!("tandoo_test_{:016x}", random_u64());
        let sql = format!("CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0");
        postgres_exec(&server, &sql)
            .unwrap_or_else(|e| panic!("cannot create a database on {POSTGRES_ENV}: {e}"));
        Some(TestDatabase {
            url: with_database(&server, &name),
            server,
            name,
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let _ = postgres_exec(&self.server, &sql);
    }
}

/// Runs one statement on the PostgreSQL server at `url`.
pub fn postgres_exec(url: &str, sql: &str) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let mut conn = sqlx::postgres::PgConnection::connect(url).await?;
        sqlx::query(sql).execute(&mut conn).await?;
        conn.close().await
    })
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    format!("{}/{name}{query}", &base[..path_start])
}

/// 64 bits no other test process will draw: the standard library's randomly seeded hasher,
/// over the process id and the time.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    hasher.write_u128(now.as_nanos());
    hasher.finish()
}

/// One GET; its status, headers (names in lower case) and body as bytes.
pub fn get_bytes(address: &str, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(address).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let head = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a whole answer");
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let body = raw[end + 4..].to_vec();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked { unchunked(&body) } else { body };
    (status, headers, body)
}

/// The body of a chunked answer: each chunk's size in hex, CRLF, its bytes, CRLF; a chunk
/// of size 0 ends it.
fn unchunked(mut raw: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let end = raw
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a chunk size");
        let size = std::str::from_utf8(&raw[..end]).unwrap();
        let size = usize::from_str_radix(size.split(';').next().unwrap().trim(), 16).unwrap();
        raw = &raw[end + 2..];
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

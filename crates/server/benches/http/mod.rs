//! The benchmarks' HTTP client: a keep-alive HTTP/1.1 connection, one request at a time,
//! written out by hand so that what is measured is the server, not a client library.

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

pub struct Http {
    address: String,
    stream: BufReader<TcpStream>,
    /// The cookie of the last `Set-Cookie` answered, without its attributes.
    pub set_cookie: Option<String>,
}

impl Http {
    pub async fn open(address: &str) -> Http {
        let stream = TcpStream::connect(address).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Http {
            address: address.to_string(),
            stream: BufReader::new(stream),
            set_cookie: None,
        }
    }

    /// A JSON request; the answer's body as JSON (`Null` when it is not).
    #[allow(dead_code)]
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, Value) {
        let (status, bytes) = self
            .request(method, path, "application/json", headers, body)
            .await;
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// Any request; the answer's status and body.
    pub async fn request(
        &mut self,
        method: &str,
        path: &str,
        content_type: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, Vec<u8>) {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
            self.address,
            body.len()
        );
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(body);
        self.stream
            .get_mut()
            .write_all(head.as_bytes())
            .await
            .unwrap();
        let mut line = String::new();
        self.stream.read_line(&mut line).await.unwrap();
        let status: u16 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        let mut length = 0;
        loop {
            line.clear();
            self.stream.read_line(&mut line).await.unwrap();
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            let (name, value) = header.split_once(':').unwrap();
            let value = value.trim();
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.parse().unwrap(),
                "set-cookie" => {
                    self.set_cookie = Some(value.split(';').next().unwrap().to_string())
                }
                _ => {}
            }
        }
        let mut bytes = vec![0; length];
        self.stream.read_exact(&mut bytes).await.unwrap();
        (status, bytes)
    }
}

//! Who a request comes from: the peer of the connection, or — when the peer is the reverse
//! proxy the server was told to trust — the address the proxy saw, from the last entry of
//! `X-Forwarded-For` (the one the proxy itself appended; earlier entries are whatever the
//! client chose to send). Any other peer's `X-Forwarded-For` is ignored, so a client cannot
//! choose the address it is throttled under.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

use crate::throttle::ClientAddress;

pub const FORWARDED_FOR: &str = "x-forwarded-for";

/// The client address of a request, given the trusted proxy (if any).
pub fn client_address(parts: &Parts, trusted_proxy: Option<IpAddr>) -> ClientAddress {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| canonical(addr.ip()));
    match (peer, trusted_proxy) {
        (Some(peer), Some(proxy)) if peer == canonical(proxy) => {
            let forwarded = parts
                .headers
                .get_all(FORWARDED_FOR)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .last()
                .and_then(|last| last.trim().parse::<IpAddr>().ok());
            // A proxy that forwards without the header: all its clients count as one.
            ClientAddress(Some(forwarded.map_or(peer, canonical)))
        }
        _ => ClientAddress(peer),
    }
}

/// An IPv4 address seen through an IPv6 socket is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        IpAddr::V4(_) => ip,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Request;

    fn parts(peer: &str, forwarded: Option<&str>) -> Parts {
        let mut request = Request::get("/api/session");
        if let Some(f) = forwarded {
            request = request.header(FORWARDED_FOR, f);
        }
        let (mut parts, ()) = request.body(()).unwrap().into_parts();
        parts
            .extensions
            .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        parts
    }

    #[test]
    fn forwarded_for_is_believed_only_from_the_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let via_proxy = parts("10.0.0.2:5000", Some("6.6.6.6, 203.0.113.9"));
        assert_eq!(
            client_address(&via_proxy, Some(proxy)).key(),
            "203.0.113.9",
            "the entry the proxy appended, not the client's own"
        );
        let direct = parts("198.51.100.7:5000", Some("203.0.113.9"));
        assert_eq!(client_address(&direct, Some(proxy)).key(), "198.51.100.7");
        assert_eq!(client_address(&via_proxy, None).key(), "10.0.0.2");
    }
}

//! The client's address for login throttling. Behind a reverse proxy every connection
//! comes from the proxy, so the address it forwards is used — but only when the
//! connection really comes from a proxy named in `LAGESBILD_TRUSTED_PROXIES`: anyone else
//! could write any `X-Forwarded-For` they like.

use std::net::IpAddr;

use actix_web::HttpRequest;

/// The address a request came from, as login throttling counts it.
pub fn client_address(req: &HttpRequest, trusted: &[IpAddr]) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return String::new();
    };
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    resolve(peer, &forwarded.join(","), trusted).to_string()
}

/// Walks `X-Forwarded-For` from the right (the entry our own proxy appended) past trusted
/// proxies; the first other address is the client. Without a trusted peer the header is
/// ignored; an unreadable entry stops the walk at the last trusted hop.
fn resolve(peer: IpAddr, forwarded_for: &str, trusted: &[IpAddr]) -> IpAddr {
    let mut client = peer;
    if !trusted.contains(&client) {
        return client;
    }
    for entry in forwarded_for
        .rsplit(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        match entry.parse::<IpAddr>() {
            Ok(addr) => {
                client = addr;
                if !trusted.contains(&addr) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_proxy() {
        let proxy = [ip("127.0.0.1")];
        // Directly connected: the header is anyone's to forge.
        assert_eq!(
            resolve(ip("198.51.100.7"), "203.0.113.5", &proxy),
            ip("198.51.100.7")
        );
        assert_eq!(
            resolve(ip("198.51.100.7"), "203.0.113.5", &[]),
            ip("198.51.100.7")
        );
        // Through the proxy: the address it appended.
        assert_eq!(
            resolve(ip("127.0.0.1"), "203.0.113.5", &proxy),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn a_client_cannot_hide_behind_addresses_it_wrote_itself() {
        let proxy = [ip("127.0.0.1")];
        // The client wrote "10.0.0.1"; nginx appended the real address last.
        assert_eq!(
            resolve(ip("127.0.0.1"), "10.0.0.1, 203.0.113.5", &proxy),
            ip("203.0.113.5")
        );
        // Two proxies in a row, both trusted: the walk goes past both.
        let two = [ip("127.0.0.1"), ip("192.0.2.10")];
        assert_eq!(
            resolve(ip("127.0.0.1"), "10.0.0.1, 203.0.113.5, 192.0.2.10", &two),
            ip("203.0.113.5")
        );
    }

    #[test]
    fn rubbish_or_nothing_leaves_the_proxy_itself() {
        let proxy = [ip("127.0.0.1")];
        assert_eq!(resolve(ip("127.0.0.1"), "", &proxy), ip("127.0.0.1"));
        assert_eq!(
            resolve(ip("127.0.0.1"), "not-an-address", &proxy),
            ip("127.0.0.1")
        );
        assert_eq!(
            resolve(ip("127.0.0.1"), "203.0.113.5, unknown", &proxy),
            ip("127.0.0.1")
        );
        assert_eq!(
            resolve(ip("::1"), "2001:db8::1", &[ip("::1")]),
            ip("2001:db8::1")
        );
    }
}

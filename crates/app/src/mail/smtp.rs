//! Delivery through an SMTP server, configured by one URL: `smtp://user:pass@host:587` (STARTTLS
//! required), `smtps://host:465` (TLS from the first byte), `smtp://localhost:25?tls=none` (a
//! local relay, in plain text). Each message is sent on its own connection, within a time limit.

use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use percent_encoding::percent_decode_str;
use std::time::Duration;
use url::{Host, Url};

/// The longest wait for one SMTP command's answer.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(15);
/// The longest a whole delivery (connection, TLS, authentication, message) may take.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);

/// An SMTP server to send through, with the sender of every message.
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The server as shown in logs (never with the credentials).
    server: String,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Smtp")
            .field("server", &self.server)
            .field("from", &self.from.to_string())
            .finish()
    }
}

/// One message as the outbox keeps it.
#[derive(Debug, Clone)]
pub struct Draft {
    pub to: String,
    pub subject: String,
    /// The plain text.
    pub body: String,
    /// An HTML alternative of the same text (a newsletter's issue).
    pub html: Option<String>,
    /// Headers of a list's message: `List-Unsubscribe`, `List-Unsubscribe-Post`.
    pub headers: Vec<(&'static str, String)>,
    pub date: chrono::DateTime<chrono::Utc>,
    pub message_id: String,
}

/// The sender address: `noreply@example.org` or `Ateneu <noreply@example.org>`.
pub fn parse_from(from: &str) -> Result<Mailbox, String> {
    from.trim().parse().map_err(|e| {
        format!("the sender address (ATENEU_MAIL_FROM) \"{from}\" is not an email address: {e}")
    })
}

impl Smtp {
    /// Reads an SMTP URL. `hello` is the name Ateneu gives itself to the server (EHLO).
    pub fn new(url: &str, from: Mailbox, hello: ClientId) -> Result<Smtp, String> {
        let bad = |why: &str| format!("the SMTP URL (ATENEU_SMTP_URL) {why}");
        let parsed = Url::parse(url).map_err(|e| bad(&format!("cannot be read: {e}")))?;
        let shown_host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| bad("names no server, as in smtp://mail.example.org:587"))?;
        let host = shown_host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned();
        let mut tls_choice = None;
        for (key, value) in parsed.query_pairs() {
            match key.as_ref() {
                "tls" => tls_choice = Some(value.into_owned()),
                other => {
                    return Err(bad(&format!(
                        "has an unknown option \"{other}\" (only tls=none)"
                    )));
                }
            }
        }
        let tls_parameters = || {
            TlsParameters::new(host.clone())
                .map_err(|e| bad(&format!("cannot prepare TLS for {host}: {e}")))
        };
        let (tls, port, security) = match (parsed.scheme(), tls_choice.as_deref()) {
            ("smtp", None | Some("required" | "starttls")) => {
                (Tls::Required(tls_parameters()?), 587, "STARTTLS")
            }
            ("smtp", Some("none")) => (Tls::None, 25, "no TLS"),
            ("smtps", None) => (Tls::Wrapper(tls_parameters()?), 465, "TLS"),
            ("smtps", Some(_)) => {
                return Err(bad("uses TLS from the start (smtps://): remove ?tls="));
            }
            ("smtp", Some(other)) => {
                return Err(bad(&format!(
                    "has tls={other}; leave it out (STARTTLS required) or write tls=none for a local relay"
                )));
            }
            (scheme, _) => {
                return Err(bad(&format!(
                    "must start with smtp:// or smtps:// (not {scheme}://)"
                )));
            }
        };
        let port = parsed.port().unwrap_or(port);
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.as_str())
            .port(port)
            .tls(tls)
            .hello_name(hello)
            .timeout(Some(COMMAND_TIMEOUT));
        if !parsed.username().is_empty() {
            let decode = |s: &str| {
                percent_decode_str(s)
                    .decode_utf8()
                    .map(|s| s.into_owned())
                    .map_err(|_| bad("has a user name or password that is not UTF-8"))
            };
            let user = decode(parsed.username())?;
            let password = decode(parsed.password().unwrap_or_default())?;
            builder = builder.credentials(Credentials::new(user, password));
        }
        Ok(Smtp {
            transport: builder.build(),
            from,
            server: format!("{shown_host}:{port} ({security})"),
        })
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    /// Sends one message; says why not when the server refused it or did not answer in time.
    pub async fn send(&self, draft: &Draft) -> Result<(), String> {
        let to: Mailbox = draft
            .to
            .parse()
            .map_err(|e| format!("the recipient {} is not an address: {e}", draft.to))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(draft.subject.clone())
            .date(draft.date.into())
            .message_id(Some(draft.message_id.clone()));
        for (name, value) in &draft.headers {
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str(name),
                value.clone(),
            ));
        }
        let message = match &draft.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                draft.body.clone(),
                html.clone(),
            )),
            None => {
                let body = Body::new_with_encoding(
                    draft.body.clone(),
                    ContentTransferEncoding::QuotedPrintable,
                )
                .map_err(|_| "the message cannot be encoded".to_owned())?;
                builder.header(ContentType::TEXT_PLAIN).body(body)
            }
        }
        .map_err(|e| format!("the message cannot be built: {e}"))?;
        match tokio::time::timeout(SEND_TIMEOUT, self.transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(error)) => Err(with_causes(&error)),
            Err(_) => Err(format!(
                "{} did not finish within {} seconds",
                self.server,
                SEND_TIMEOUT.as_secs()
            )),
        }
    }
}

/// An error and what caused it, on one line.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text.replace(['\r', '\n'], " ")
}

/// The name Ateneu gives itself in EHLO: the host people reach it at.
pub fn hello_name(base_url: &str) -> ClientId {
    match Url::parse(base_url)
        .ok()
        .and_then(|u| u.host().map(|h| h.to_owned()))
    {
        Some(Host::Domain(domain)) => ClientId::Domain(domain),
        Some(Host::Ipv4(address)) => ClientId::Ipv4(address),
        Some(Host::Ipv6(address)) => ClientId::Ipv6(address),
        None => ClientId::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn smtp(url: &str) -> Result<Smtp, String> {
        let from = parse_from("Ateneu <noreply@example.org>")?;
        Smtp::new(url, from, ClientId::Domain("ateneu.example.org".into()))
    }

    #[test]
    fn the_url_says_server_port_and_tls() {
        let server = |url: &str| smtp(url).map(|s| s.server).unwrap_or_else(|e| e);
        assert_eq!(
            server("smtp://u:p@mail.example.org"),
            "mail.example.org:587 (STARTTLS)"
        );
        assert_eq!(
            server("smtp://mail.example.org:2525"),
            "mail.example.org:2525 (STARTTLS)"
        );
        assert_eq!(
            server("smtps://mail.example.org"),
            "mail.example.org:465 (TLS)"
        );
        assert_eq!(server("smtp://localhost?tls=none"), "localhost:25 (no TLS)");
        assert_eq!(server("smtp://[::1]:1025?tls=none"), "[::1]:1025 (no TLS)");
    }

    #[test]
    fn bad_urls_say_what_is_wrong() {
        let error = |url: &str| smtp(url).err().unwrap_or_default();
        assert!(error("http://mail.example.org").contains("smtp:// or smtps://"));
        assert!(error("smtp://mail.example.org?tls=maybe").contains("tls=maybe"));
        assert!(error("smtps://mail.example.org?tls=none").contains("remove ?tls="));
        assert!(error("smtp://mail.example.org?port=1").contains("unknown option"));
        assert!(error("smtp:///nohost").contains("names no server"));
        assert!(error("not a url").contains("cannot be read"));
        assert!(parse_from("not an address").is_err());
    }

    #[test]
    fn credentials_never_show() {
        let smtp = smtp("smtp://ana:s%40cret@mail.example.org").unwrap_or_else(|e| panic!("{e}"));
        assert!(!format!("{smtp:?}").contains("cret"));
    }

    #[test]
    fn the_hello_name_comes_from_the_base_url() {
        assert_eq!(
            hello_name("https://ateneu.example.org/"),
            ClientId::Domain("ateneu.example.org".into())
        );
        assert_eq!(
            hello_name("http://127.0.0.1:8080"),
            ClientId::Ipv4([127, 0, 0, 1].into())
        );
    }
}

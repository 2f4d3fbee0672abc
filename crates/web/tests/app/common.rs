//! The test harness: a fresh application on a fresh database per test (SQLite in a temporary
//! folder, or a new PostgreSQL database when ATENEU_TEST_POSTGRES names a server), driven
//! in-process through the router, with a cookie jar like a browser's.

use ateneu_db::Db;
use ateneu_db::audit::Who;
use ateneu_domain::accounts::{Email, Grant, Role};
use ateneu_domain::ids::CityId;
use ateneu_web::{AppState, Config};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use std::collections::BTreeMap;
use tower::ServiceExt;

pub struct TestApp {
    pub state: AppState,
    router: Router,
    jar: BTreeMap<String, String>,
    /// The database's address (a second server connects to it on its own).
    db_url: String,
    _dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body as sent (files).
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn database(dir: &std::path::Path) -> (Db, String) {
    match std::env::var("ATENEU_TEST_POSTGRES") {
        Ok(server) if !server.is_empty() => {
            let server = server.trim_end_matches('/');
            let admin = Db::connect(&format!("{server}/postgres"))
                .await
                .expect("PostgreSQL answers");
            let name = format!(
                "ateneu_t_{}",
                ateneu_web::security::new_token()
                    .to_lowercase()
                    .replace(['-', '_'], "")[..16]
                    .to_owned()
            );
            use sea_orm::ConnectionTrait;
            admin
                .conn
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("creates a test database");
            admin.close().await.expect("closes");
            let url = format!("{server}/{name}");
            let db = Db::connect(&url)
                .await
                .expect("connects to the test database");
            (db, url)
        }
        _ => {
            let url = format!("sqlite://{}?mode=rwc", dir.join("test.db").display());
            (Db::connect(&url).await.expect("opens SQLite"), url)
        }
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        TestApp::configured(|_| {}).await
    }

    /// A fresh application whose settings `configure` may change (base URL, SMTP…).
    pub async fn configured(configure: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temporary folder");
        let (db, db_url) = database(dir.path()).await;
        ateneu_db::migrations::migrate(&db).await.expect("migrates");
        let reference = ateneu_db::reference::bundled().expect("bundled reference data");
        ateneu_db::reference::load(&db, &reference)
            .await
            .expect("loads reference data");
        ateneu_db::frameworks::load_bundled(&db)
            .await
            .expect("loads the bundled frameworks");
        ateneu_db::practices::load_bundled_thesaurus(&db)
            .await
            .expect("loads the bundled thesaurus");
        let mut config = Config {
            data_dir: dir.path().to_owned(),
            base_url: "http://127.0.0.1:8080".into(),
            smtp_url: None,
            mail_from: None,
            search_index: ateneu_web::IndexPlace::Memory,
            page_cache: true,
            server_timing: false,
        };
        configure(&mut config);
        let state = AppState::new(db, config).await.expect("state");
        TestApp {
            router: ateneu_web::router(state.clone()),
            state,
            jar: BTreeMap::new(),
            db_url,
            _dir: dir,
        }
    }

    pub async fn with_demo() -> TestApp {
        let app = TestApp::new().await;
        ateneu_db::demo::load(&app.state.db, &app.state.reference)
            .await
            .expect("demo loads");
        app.state.set_demo_content();
        app
    }

    /// The same application seen from another browser (an empty cookie jar).
    pub fn fresh_browser(&self) -> TestApp {
        TestApp {
            state: self.state.clone(),
            router: self.router.clone(),
            jar: BTreeMap::new(),
            db_url: self.db_url.clone(),
            _dir: tempfile::tempdir().expect("folder"),
        }
    }

    /// A second server on the same database, as another process would be: its own connection
    /// pool, caches and search index.
    pub async fn second_server(&self) -> TestApp {
        let db = Db::connect(&self.db_url).await.expect("connects again");
        let config = self.state.config.as_ref().clone();
        let state = AppState::new(db, config).await.expect("state");
        TestApp {
            router: ateneu_web::router(state.clone()),
            state,
            jar: BTreeMap::new(),
            db_url: self.db_url.clone(),
            _dir: tempfile::tempdir().expect("folder"),
        }
    }

    fn cookie_header(&self) -> Option<String> {
        (!self.jar.is_empty()).then(|| {
            self.jar
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    pub async fn send(&mut self, mut request: Request<Body>) -> Reply {
        if let Some(cookies) = self.cookie_header() {
            request
                .headers_mut()
                .insert(header::COOKIE, cookies.parse().expect("cookie header"));
        }
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router answers");
        for value in response.headers().get_all(header::SET_COOKIE) {
            let text = value.to_str().expect("ascii cookie");
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').expect("name=value");
            if attributes.contains("Max-Age=0") {
                self.jar.remove(name);
            } else {
                self.jar.insert(name.to_owned(), value.to_owned());
            }
        }
        reply(response).await
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// This browser's session cookie (empty when signed out).
    pub fn session_cookie(&self) -> String {
        self.jar.get("ateneu_session").cloned().unwrap_or_default()
    }

    /// The anti-forgery token that a form gives this browser now, read from a page as a browser
    /// reads it (the sign-in form has one for everyone).
    pub async fn csrf(&mut self) -> String {
        let page = self.get("/en/sign-in").await;
        form_token(&page.body)
    }

    /// Posts a form as a browser would (with the token a page just gave it).
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let csrf = self.csrf().await;
        // The serializer is not `Send`: it is gone before the request is sent (browser tests
        // post forms from a spawned task).
        let body = {
            let mut body = form_urlencoded::Serializer::new(String::new());
            body.append_pair("csrf", &csrf);
            for (k, v) in fields {
                body.append_pair(k, v);
            }
            body.finish()
        };
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    /// A JSON API call with an optional Bearer token (no cookies).
    pub async fn api(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        token: Option<&str>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let body = match body {
            Some(json) => {
                request = request.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        let response = self
            .router
            .clone()
            .oneshot(request.body(body).expect("request"))
            .await
            .expect("answers");
        reply(response).await
    }

    /// Sends a request (with this browser's cookies when `with_cookies`) and returns its status
    /// and headers without reading the body (an event stream never ends).
    pub async fn status_of(
        &self,
        mut request: Request<Body>,
        with_cookies: bool,
    ) -> (StatusCode, axum::http::HeaderMap) {
        if with_cookies && let Some(cookies) = self.cookie_header() {
            request
                .headers_mut()
                .insert(header::COOKIE, cookies.parse().expect("cookie header"));
        }
        let response = self.router.clone().oneshot(request).await.expect("answers");
        (response.status(), response.headers().clone())
    }

    /// Sends a request as it is, without this browser's cookies.
    pub async fn send_unsigned(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.expect("answers");
        reply(response).await
    }

    /// Opens a streamed response (server-sent events) and hands back its body unread.
    pub async fn stream(&self, path: &str, token: &str) -> (StatusCode, Body) {
        let request = Request::get(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .expect("request");
        let response = self.router.clone().oneshot(request).await.expect("answers");
        (response.status(), response.into_body())
    }

    /// Sends a CSV body to an import endpoint.
    pub async fn upload_csv(&self, path: &str, csv: &str, token: &str) -> Reply {
        let request = Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "text/csv")
            .body(Body::from(csv.to_owned()))
            .expect("request");
        let response = self.router.clone().oneshot(request).await.expect("answers");
        reply(response).await
    }

    /// Sends a TOML file (a framework) to an import endpoint.
    pub async fn send_toml(&self, path: &str, toml: &str, token: &str) -> Reply {
        let request = Request::post(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/toml")
            .body(Body::from(toml.to_owned()))
            .expect("request");
        let response = self.router.clone().oneshot(request).await.expect("answers");
        reply(response).await
    }

    /// Creates an account with a password and roles; returns its API token.
    pub async fn user(&self, email: &str, grants: &[Grant]) -> String {
        let email = Email::parse(email).expect("email");
        let hash = ateneu_web::security::hash_password(PASSWORD.into())
            .await
            .expect("hash");
        let who = Who::system("test");
        let txn = self.state.db.write().await.expect("txn");
        let user = ateneu_db::accounts::create_user(&txn, &who, &email, "", Some(hash))
            .await
            .expect("user");
        for grant in grants {
            ateneu_db::accounts::add_grant(&txn, &who, user.id, grant)
                .await
                .expect("grant");
        }
        txn.commit().await.expect("commit");
        let request = ateneu_domain::accounts::TokenRequest::parse("test", "write", "")
            .expect("token request");
        ateneu_web::accounts::create_api_token(&self.state, &who, user.id, &request)
            .await
            .expect("token")
    }

    pub async fn sign_in(&mut self, email: &str) -> Reply {
        self.post_form("/en/sign-in", &[("email", email), ("password", PASSWORD)])
            .await
    }

    pub async fn city_id(&self, slug: &str) -> CityId {
        ateneu_db::cities::by_slug(&self.state.db.conn, slug)
            .await
            .expect("query")
            .expect("city exists")
            .id
    }
}

/// The anti-forgery token in a page's form.
pub fn form_token(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    html.find(marker)
        .map(|at| {
            let rest = &html[at + marker.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_owned()
        })
        .unwrap_or_default()
}

async fn reply(response: axum::response::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

pub const PASSWORD: &str = "a long enough password";

pub fn admin() -> Grant {
    Grant::new(Role::PlatformAdmin, None, None).expect("grant")
}

pub fn secretariat(network: &str) -> Grant {
    Grant::new(Role::Secretariat, Some(network.into()), None).expect("grant")
}

pub fn editor(city: CityId) -> Grant {
    Grant::new(Role::Editor, None, Some(city)).expect("grant")
}

pub fn expert(network: Option<&str>) -> Grant {
    Grant::new(Role::Expert, network.map(str::to_owned), None).expect("grant")
}

/// A city body for the API.
pub fn city_json(name: &str, country: &str, region: &str) -> Value {
    serde_json::json!({"source_lang": "en", "name_en": name, "country": country, "region": region})
}

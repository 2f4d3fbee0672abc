//! One browser scenario's world: a fresh application (the same test database helper as the
//! request tests) served on a free port, Debian's chromedriver on another, and a headless
//! Chromium session driven over WebDriver (and more, one per person, when a scenario needs
//! several people). The browsers are always closed and chromedriver stopped, whether the
//! scenario passes or panics.

use crate::common::TestApp;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::collections::HashSet;
use std::future::Future;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// The longest wait for a page to reach an expected state.
const PATIENCE: Duration = Duration::from_secs(20);

/// One scenario at a time: each starts a whole browser, and the machine may be small.
static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The sessions opened for other people during a scenario, with their profile folders.
type Others = Arc<Mutex<Vec<(Client, tempfile::TempDir)>>>;

/// What a scenario works with.
pub struct Browser {
    pub client: Client,
    pub app: TestApp,
    /// The application's address, "http://127.0.0.1:PORT".
    pub base: String,
    driver_port: u16,
    others: Others,
    /// The addresses audited in this scenario (by any person's browser).
    audited: Arc<Mutex<HashSet<String>>>,
    /// The heaviest page audited: its weight in bytes and its address.
    pub(crate) heaviest: Arc<Mutex<(u64, String)>>,
}

/// chromedriver, stopped when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

async fn start_chromedriver() -> (Driver, u16) {
    for program in [CHROMEDRIVER, CHROMIUM] {
        assert!(
            Path::new(program).exists(),
            "{program} is missing: the browser tests drive Debian's Chromium through chromedriver. \
             Install them with `apt-get install -y chromium chromium-driver` (.ci/run does this)."
        );
    }
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {CHROMEDRIVER}: {e}"));
    let driver = Driver(child);
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < PATIENCE,
            "{CHROMEDRIVER} did not listen on port {port} within {PATIENCE:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (driver, port)
}

async fn open_session(port: u16, profile: &Path) -> Client {
    let capabilities = serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                format!("--user-data-dir={}", profile.display()),
            ],
        },
    });
    let serde_json::Value::Object(capabilities) = capabilities else {
        unreachable!("a JSON object")
    };
    ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .unwrap_or_else(|e| panic!("chromedriver cannot start Chromium: {e}"))
}

/// Runs a scenario against a fresh application (with the example network when `demo`) and a
/// fresh browser; a failing scenario fails the test after the browser is closed.
pub async fn run<F, Fut>(demo: bool, scenario: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _turn = TURN.lock().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let app = TestApp::configured(|config| config.base_url = base.clone()).await;
    if demo {
        ateneu_db::demo::load(&app.state.db, &app.state.reference)
            .await
            .expect("the example network loads");
        app.state.set_demo_content();
    }
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(ateneu_web::serve(listener, app.state.clone(), async {
        let _ = stopped.await;
    }));

    let (driver, port) = start_chromedriver().await;
    let profile = tempfile::tempdir().expect("a profile folder");
    let client = open_session(port, profile.path()).await;
    let others = Others::default();
    let audited: Arc<Mutex<HashSet<String>>> = Arc::default();
    let heaviest: Arc<Mutex<(u64, String)>> = Arc::default();
    let outcome = tokio::spawn(scenario(Browser {
        client: client.clone(),
        app,
        base,
        driver_port: port,
        others: others.clone(),
        audited: audited.clone(),
        heaviest: heaviest.clone(),
    }))
    .await;
    let opened = std::mem::take(&mut *others.lock().unwrap_or_else(|e| e.into_inner()));
    for (other, _profile) in opened {
        if let Err(error) = other.close().await {
            eprintln!("closing another person's browser: {error}");
        }
    }
    if let Err(error) = client.close().await {
        eprintln!("closing the browser: {error}");
    }
    drop(driver);
    {
        let pages = audited.lock().map(|a| a.len()).unwrap_or(0);
        let heaviest = heaviest.lock().map(|h| h.clone()).unwrap_or_default();
        println!(
            "audited {pages} pages with axe-core; the heaviest, {} bytes: {}",
            heaviest.0, heaviest.1
        );
    }
    let _ = stop.send(());
    let _ = server.await;
    if let Err(error) = outcome {
        match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("the scenario did not finish: {error}"),
        }
    }
}

impl Browser {
    /// Another person's browser on the same application: its own window, profile and cookies
    /// (closed with the scenario's).
    pub async fn another_person(&self) -> Browser {
        let profile = tempfile::tempdir().expect("a profile folder");
        let client = open_session(self.driver_port, profile.path()).await;
        self.others
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((client.clone(), profile));
        Browser {
            client,
            app: self.app.fresh_browser(),
            base: self.base.clone(),
            driver_port: self.driver_port,
            others: self.others.clone(),
            audited: self.audited.clone(),
            heaviest: self.heaviest.clone(),
        }
    }

    /// Signs in through the sign-in page, as `email` (with the tests' password).
    pub async fn sign_in(&self, email: &str) {
        self.goto("/en/sign-in").await;
        self.fill("email", email).await;
        self.fill("password", crate::common::PASSWORD).await;
        self.click("main form.form button[type='submit']").await;
        self.wait_for_path("/en/account").await;
    }

    /// Runs a script in the page and returns its value.
    pub async fn script(&self, source: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client
            .execute(source, args)
            .await
            .unwrap_or_else(|e| panic!("the script failed ({e}): {source}"))
    }

    pub async fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
        self.audit().await;
    }

    /// Whether `url` is audited for the first time in this scenario (it is marked so).
    pub(crate) fn first_visit(&self, url: &str) -> bool {
        let page = url.split('#').next().unwrap_or(url).to_owned();
        self.audited
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(page)
    }

    /// Takes `url` back off the audited addresses (the page went before it was audited).
    pub(crate) fn forget(&self, url: &str) {
        let page = url.split('#').next().unwrap_or(url);
        self.audited
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(page);
    }

    /// The current page's path ("/fr/cities/lyon").
    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("the current address")
            .path()
            .to_owned()
    }

    /// Waits until the browser shows `path` (after a click or a form's submission).
    pub async fn wait_for_path(&self, path: &str) {
        let started = Instant::now();
        loop {
            let now = self.path().await;
            if now == path {
                self.audit().await;
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "expected to reach {path}, still on {now}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The element `css` selects, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(error) => panic!("no element {css} on {}: {error}", self.path().await),
        }
    }

    /// Every element `css` selects now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("cannot look for {css}: {e}"))
    }

    /// The text of the element `css` selects. A page that is being replaced
    /// (after a click that navigates) can drop the element between finding it
    /// and reading it: the element is then found again on the new page.
    pub async fn text(&self, css: &str) -> String {
        let started = Instant::now();
        loop {
            match self.find(css).await.text().await {
                Ok(text) => return text,
                Err(error) if is_stale(&error) && started.elapsed() < PATIENCE => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(error) => panic!("cannot read the text of {css}: {error}"),
            }
        }
    }

    /// An attribute of the element `css` selects, found again if the page
    /// replaced it meanwhile (as [`Self::text`]).
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let started = Instant::now();
        loop {
            match self.find(css).await.attr(name).await {
                Ok(value) => return value,
                Err(error) if is_stale(&error) && started.elapsed() < PATIENCE => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(error) => panic!("cannot read {name} of {css}: {error}"),
            }
        }
    }

    /// The language the page declares (`<html lang>`).
    pub async fn page_lang(&self) -> String {
        self.attr("html", "lang").await.unwrap_or_default()
    }

    /// Types into the form field named `name`, replacing what it held.
    pub async fn fill(&self, name: &str, value: &str) {
        let field = self.find(&format!("main [name='{name}']")).await;
        field.clear().await.expect("clears the field");
        field.send_keys(value).await.expect("types");
    }

    pub async fn choose(&self, name: &str, value: &str) {
        self.find(&format!("main select[name='{name}']"))
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("cannot choose {value} in {name}: {e}"));
    }

    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("clicks");
    }

    /// Presses and releases a key, as a person at the keyboard.
    pub async fn press(&self, key: Key) {
        let key = char::from(key);
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .expect("presses the key");
    }

    /// The element that has the keyboard focus.
    pub async fn focused(&self) -> Element {
        self.client
            .active_element()
            .await
            .expect("a focused element")
    }
}

/// Every message id of the platform with a hyphen in it ("programme-title"): a page that
/// shows one as it is shows a message missing in its language.
fn message_ids() -> Vec<String> {
    ateneu_app::i18n::message_ids(include_str!("../../../app/locales/en.ftl"))
        .into_iter()
        .filter(|id| id.contains('-'))
        .collect()
}

impl Browser {
    /// The field named `name` inside the element `scope` selects (a page with several forms).
    async fn field_in(&self, scope: &str, name: &str) -> Element {
        self.find(&format!("{scope} [name='{name}']")).await
    }

    /// Types into the field named `name` inside `scope`, replacing what it held.
    pub async fn fill_in(&self, scope: &str, name: &str, value: &str) {
        let field = self.field_in(scope, name).await;
        field.clear().await.expect("clears the field");
        field.send_keys(value).await.expect("types");
    }

    /// Chooses the option whose value is `value` in the list named `name` inside `scope`.
    pub async fn choose_in(&self, scope: &str, name: &str, value: &str) {
        self.field_in(scope, name)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("cannot choose {value} in {name}: {e}"));
    }

    /// Chooses the option that reads `text` in the list named `name` inside `scope`.
    pub async fn choose_text_in(&self, scope: &str, name: &str, text: &str) {
        self.field_in(scope, name)
            .await
            .select_by_label(text)
            .await
            .unwrap_or_else(|e| panic!("cannot choose \"{text}\" in {name}: {e}"));
    }

    /// Ticks the box named `name` with the value `value` inside `scope`, by its label.
    pub async fn tick_in(&self, scope: &str, name: &str, value: &str) {
        self.click(&format!(
            "{scope} label:has(input[name='{name}'][value='{value}'])"
        ))
        .await;
    }

    /// Sets the date field named `name` inside `scope` as its picker would: the order in which
    /// a date field takes typed digits follows the browser's locale.
    pub async fn date_in(&self, scope: &str, name: &str, day: &str) {
        let field = self.field_in(scope, name).await;
        let set = "arguments[0].value = arguments[1]; \
                   arguments[0].dispatchEvent(new Event('input', {bubbles: true})); \
                   arguments[0].dispatchEvent(new Event('change', {bubbles: true}));";
        let element = serde_json::to_value(&field).expect("an element reference");
        self.script(set, vec![element, serde_json::json!(day)])
            .await;
        let value = field.prop("value").await.expect("value");
        assert_eq!(value.as_deref(), Some(day), "{name} holds the day");
    }

    /// Opens the folded part (`details`) whose summary reads `summary`, as a person does: the
    /// summary is a control the keyboard reaches (a tab, then Enter).
    pub async fn unfold(&self, summary: &str) {
        let xpath = format!("//main//details[summary[normalize-space()='{summary}']]");
        let details = match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
        {
            Ok(details) => details,
            Err(error) => panic!(
                "no folded part \"{summary}\" on {}: {error}",
                self.path().await
            ),
        };
        if details.attr("open").await.expect("open").is_some() {
            return;
        }
        let element = serde_json::to_value(&details).expect("an element reference");
        self.script(
            "arguments[0].querySelector(':scope > summary').focus();",
            vec![element],
        )
        .await;
        self.press(Key::Enter).await;
        let started = Instant::now();
        while details.attr("open").await.expect("open").is_none() {
            assert!(started.elapsed() < PATIENCE, "\"{summary}\" did not unfold");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sends the form `form` selects with its button, and waits until the page it leads to has
    /// loaded (which may have the same address, after a redirect).
    pub async fn submit(&self, form: &str) {
        self.script("window.beforeSubmit = true;", Vec::new()).await;
        self.click(&format!("{form} button[type='submit']")).await;
        let started = Instant::now();
        loop {
            // While the next page loads the script may fail: that is not yet.
            let loaded = self
                .client
                .execute(
                    "return window.beforeSubmit !== true && document.readyState === 'complete';",
                    Vec::new(),
                )
                .await;
            if loaded.is_ok_and(|l| l == serde_json::json!(true)) {
                self.audit().await;
                return;
            }
            assert!(started.elapsed() < PATIENCE, "{form} led nowhere");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the element `css` selects reads something with `needle` in it; its text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let started = Instant::now();
        loop {
            let text = self.text(css).await;
            if text.contains(needle) {
                return text;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "{css} on {} does not say \"{needle}\": {text}",
                self.path().await
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// What a person sees on the page is sound: every field of every form has a label of its
    /// own with words in it (an id that no other element of the page has, and a `label` for
    /// it, or a label around it), and no message is shown as its id (a message missing in the
    /// page's language).
    pub async fn check_page(&self) {
        let problems = self
            .script(
                r#"
                const problems = [];
                for (const el of document.querySelectorAll('main input, main select, main textarea')) {
                    if (el.type === 'hidden') continue;
                    const around = el.closest('label');
                    if (around) {
                        if (!around.textContent.trim()) problems.push('an empty label around ' + el.name);
                        continue;
                    }
                    if (!el.id) { problems.push('no id: ' + el.name); continue; }
                    if (document.querySelectorAll('#' + CSS.escape(el.id)).length !== 1)
                        problems.push('an id twice on the page: ' + el.id);
                    const labels = document.querySelectorAll('label[for="' + el.id + '"]');
                    if (labels.length !== 1 || !labels[0].textContent.trim())
                        problems.push('no label of its own: ' + el.id);
                }
                const ids = new Set(arguments[0]);
                const text = document.body.innerText;
                for (const word of text.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) || []) {
                    if (ids.has(word)) problems.push('a message shown as its id: ' + word);
                }
                return problems;
                "#,
                vec![serde_json::json!(message_ids())],
            )
            .await;
        assert_eq!(problems, serde_json::json!([]), "on {}", self.path().await);
        self.audit().await;
    }
}

/// Whether WebDriver answered that an element left the page.
/// Whether the element read was dropped by a page being replaced. Chromium
/// says so as a stale reference, or, when the node went between the driver's
/// two inspector calls, as an "unknown error" naming a node that "does not
/// belong to the document".
fn is_stale(error: &fantoccini::error::CmdError) -> bool {
    match error {
        fantoccini::error::CmdError::Standard(e) => {
            e.error == fantoccini::error::ErrorStatus::StaleElementReference
                || (e.error == fantoccini::error::ErrorStatus::UnknownError
                    && e.message.contains("does not belong to the document"))
        }
        _ => false,
    }
}

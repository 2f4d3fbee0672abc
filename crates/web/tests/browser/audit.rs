//! Every page a browser scenario visits, checked as a whole once it has loaded: axe-core's
//! rules (the npm package, vendored in `vendor/axe-core`, injected into the page: nothing is
//! fetched at run time) with no serious or critical violation, and a weight under 100 KB of
//! HTML, CSS and JavaScript (images aside), uncompressed.

use crate::harness::Browser;
use std::time::{Duration, Instant};

/// axe-core 4.14.1 (MPL-2.0), from the npm registry: `npm pack axe-core@4.14.1`.
const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// The most a page may weigh: its HTML, style sheets and scripts, as the browser decoded them.
pub const MOST_BYTES: u64 = 100 * 1024;

/// How long a page may take to finish loading before it is audited.
const LOADING: Duration = Duration::from_secs(20);

/// Runs axe on the page and returns its serious and critical violations, one line each (the
/// rule, its impact, what it asks and the elements concerned).
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(results => done(results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\s+/g, ' ') + ']').join('; '))))
  .catch(e => done({ failed: String(e) }));
"#;

/// What the page weighs: the document and every style sheet and script it loaded, decoded.
const WEIGHT: &str = r#"
const navigation = performance.getEntriesByType('navigation')[0];
let bytes = navigation ? navigation.decodedBodySize : 0;
const parts = [];
for (const r of performance.getEntriesByType('resource')) {
  const path = new URL(r.name).pathname;
  // Style sheets and scripts only: fonts and images a style sheet loads are left aside.
  const code = r.initiatorType === 'script' || /\.(css|js|mjs)$/.test(path);
  if (code) { bytes += r.decodedBodySize; parts.push(path + ' ' + r.decodedBodySize); }
}
return { bytes, parts };
"#;

impl Browser {
    /// Audits the page the browser shows, once per address in a scenario: an HTML page that
    /// has finished loading, checked with axe-core and weighed. Panics with every finding.
    pub async fn audit(&self) {
        let Ok(url) = self.client.current_url().await else {
            return;
        };
        if !url.as_str().starts_with(&self.base) || !self.first_visit(url.as_str()) {
            return;
        }
        let started = Instant::now();
        loop {
            let state = self
                .client
                .execute(
                    "return document.contentType + ' ' + document.readyState;",
                    Vec::new(),
                )
                .await;
            match state.ok().as_ref().and_then(|s| s.as_str()) {
                Some("text/html complete") => break,
                Some(other) if !other.starts_with("text/html") => return,
                _ if started.elapsed() > LOADING => panic!("{url} did not finish loading"),
                _ => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
        let mut findings = Vec::new();
        let Ok(weight) = self.client.execute(WEIGHT, Vec::new()).await else {
            // The page went away meanwhile: the next one is audited when it is reached.
            self.forget(url.as_str());
            return;
        };
        let bytes = weight["bytes"].as_u64().unwrap_or(0);
        {
            let mut heaviest = self.heaviest.lock().unwrap_or_else(|e| e.into_inner());
            if bytes > heaviest.0 {
                *heaviest = (bytes, url.to_string());
            }
        }
        if bytes >= MOST_BYTES {
            findings.push(format!(
                "the page weighs {bytes} bytes of HTML, CSS and JavaScript (at most {MOST_BYTES}): {}",
                weight["parts"]
            ));
        }
        let injected = self
            .client
            .execute(&format!("{AXE}\nreturn typeof axe;"), Vec::new())
            .await;
        if injected.is_err() {
            // The page went away meanwhile (a script or a redirect navigated): the next page
            // is audited when the scenario waits for it.
            self.forget(url.as_str());
            return;
        }
        match self.client.execute_async(RUN_AXE, Vec::new()).await {
            Ok(serde_json::Value::Array(violations)) => findings.extend(
                violations
                    .iter()
                    .map(|v| v.as_str().unwrap_or("?").to_owned()),
            ),
            // axe could not finish (the page changed under it, as htmx swaps a part): the
            // address is audited again when the scenario comes back to it.
            Ok(serde_json::Value::Object(_)) | Err(_) => {
                self.forget(url.as_str());
                return;
            }
            Ok(other) => panic!("axe answered {other} on {url}"),
        }
        assert!(
            findings.is_empty(),
            "{url} fails its audit:\n- {}",
            findings.join("\n- ")
        );
    }
}

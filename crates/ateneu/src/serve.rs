//! `ateneu serve`: its options, the first-start administrator link, the hourly session purge
//! (and search change log pruning), and the server itself until Ctrl+C or SIGTERM.

use crate::cli::Args;
use anyhow::{Context, anyhow};

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    #[arg(long, env = "ATENEU_HOST", default_value = "127.0.0.1")]
    pub host: String,
    #[arg(long, env = "ATENEU_PORT", default_value_t = 8080)]
    pub port: u16,
    /// The address people reach the platform at, for links in emails.
    #[arg(long, env = "ATENEU_BASE_URL")]
    pub base_url: Option<String>,
    /// Send email through this SMTP server: smtp://USER:PASS@HOST:587 (STARTTLS required),
    /// smtps://HOST:465 (TLS), smtp://localhost:25?tls=none (local relay). Default: outbox only.
    #[arg(long, env = "ATENEU_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender of every email, e.g. "Ateneu <noreply@example.org>" (needed with --smtp-url).
    #[arg(long, env = "ATENEU_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// Load the example network at start (on an instance that has none yet).
    #[arg(long)]
    pub demo: bool,
    /// Days the search change log is kept (pruned every hour); a server whose index is older
    /// than that rebuilds it from the database.
    #[arg(long, env = "ATENEU_SEARCH_LOG_DAYS", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub search_log_days: u32,
    /// Render every public page instead of answering anonymous visitors from the page cache
    /// (to measure rendering, or to rule the cache out); every such page then says
    /// `X-Page-Cache: off`.
    #[arg(long, env = "ATENEU_NO_PAGE_CACHE")]
    pub no_page_cache: bool,
    /// Say in every answer's `Server-Timing` header how many database statements it ran and
    /// their time, and the rest (for benchmarks and profiling; off by default, since the count
    /// tells a visitor more than the page does, such as whether a hidden record exists).
    #[arg(long, env = "ATENEU_SERVER_TIMING")]
    pub server_timing: bool,
}

/// Where emailed links point and how email leaves: `serve`'s options, or for one-shot commands
/// that send email (`user add`) the same environment variables.
#[derive(Debug, Default)]
pub struct Outgoing {
    pub base_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
}

impl Outgoing {
    pub fn from_env() -> Outgoing {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        Outgoing {
            base_url: var("ATENEU_BASE_URL"),
            smtp_url: var("ATENEU_SMTP_URL"),
            mail_from: var("ATENEU_MAIL_FROM"),
        }
    }
}

/// The address people reach the platform at: `--base-url` (or `ATENEU_BASE_URL`), else made
/// from `--host` and `--port` (a wildcard host shown as 127.0.0.1); and whether it was made so
/// (a guess).
pub fn base_url(serve: &ServeArgs) -> (String, bool) {
    match serve.base_url.clone().filter(|u| !u.trim().is_empty()) {
        Some(url) => (url, false),
        None => {
            let host = serve.host.as_str();
            let shown = if host == "0.0.0.0" || host == "::" {
                "127.0.0.1"
            } else {
                host
            };
            (format!("http://{shown}:{}", serve.port), true)
        }
    }
}

/// Runs the platform until Ctrl+C or SIGTERM, finishing requests in flight.
pub async fn run(args: &Args, serve: &ServeArgs) -> anyhow::Result<()> {
    let (host, port) = (serve.host.clone(), serve.port);
    let (base_url, _) = base_url(serve);
    let outgoing = Outgoing {
        base_url: Some(base_url.clone()),
        smtp_url: serve.smtp_url.clone(),
        mail_from: serve.mail_from.clone(),
    };
    let place = ateneu_app::IndexPlace::Dir(crate::practices::index_dir(&args.data_dir));
    let state = crate::cli::state_with(
        args,
        outgoing,
        place,
        !serve.no_page_cache,
        serve.server_timing,
    )
    .await?;
    crate::practices::keep_index_current(&state);
    crate::practices::keep_change_log_pruned(&state, serve.search_log_days);
    if serve.demo {
        let (added, examples) = ateneu_app::demo::load_network(&state)
            .await
            .map_err(|e| anyhow!("{e:?}"))?;
        state.set_demo_content();
        tracing::info!(
            added,
            practices = examples.practices,
            assessments = examples.assessments,
            programmes = examples.programmes,
            "example network loaded"
        );
    }
    if let Some(link) = ateneu_app::accounts::admin_setup_link(&state)
        .await
        .map_err(|e| anyhow!("{e:?}"))?
    {
        println!(
            "\nNo administrator yet. Create one with this one-time link (valid 7 days):\n\n    {link}\n"
        );
    } else if !ateneu_app::setup::has_admin(&state)
        .await
        .map_err(|e| anyhow!("{e:?}"))?
    {
        println!(
            "\nNo administrator yet; a set-up link was printed at an earlier start. For a new one: ateneu user add --admin EMAIL\n"
        );
    }
    // Expired sessions, and newsletter requests whose link expired unconfirmed, are removed at
    // start and every hour after.
    let purging = state.clone();
    tokio::spawn(async move {
        let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            match ateneu_app::setup::purge_expired_sessions(&purging).await {
                Ok(removed) => tracing::debug!(removed, "expired sessions removed"),
                Err(error) => tracing::warn!(%error, "could not remove expired sessions"),
            }
            match ateneu_app::newsletter::forget_unconfirmed(&purging).await {
                Ok(removed) => tracing::debug!(removed, "unconfirmed newsletter requests removed"),
                Err(error) => {
                    tracing::warn!(%error, "could not remove unconfirmed newsletter requests")
                }
            }
        }
    });
    // A newsletter issue whose sending a stopped process left unfinished goes on where it was:
    // every copy already handled is known by its outbox file, and is not sent again.
    match ateneu_app::newsletter::sending::resume(&state).await {
        Ok(0) => {}
        Ok(issues) => tracing::info!(issues, "resuming the sending of newsletter issues"),
        Err(error) => tracing::warn!(?error, "could not resume the newsletter's sending"),
    }
    let listener = tokio::net::TcpListener::bind((host.as_str(), port))
        .await
        .with_context(|| format!("cannot listen on {host}:{port}"))?;
    println!("Ateneu is running on {base_url}/ (Ctrl+C to stop)");
    let mailer = state.mailer.clone();
    ateneu_web::serve(
        listener,
        ateneu_web::AppState::serving(state),
        shutdown_signal(),
    )
    .await?;
    if mailer.sending() > 0 {
        tracing::info!(
            emails = mailer.sending(),
            "waiting for the emails being sent"
        );
        mailer.wait_sent().await;
    }
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down: finishing requests in flight");
}

//! The command line: options shared by every subcommand (data directory, database URL), and one
//! function per subcommand. Bad input exits with status 2 and says which line and why.

use crate::serve::{Outgoing, ServeArgs};
use anyhow::{Context, anyhow};
use ateneu_app::Db;
use ateneu_app::{Config, Context as AppContext};
use ateneu_domain::Lang;
use ateneu_domain::csv_format::{self, LineError};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "ateneu",
    version,
    about = "Ateneu: the platform of city networks for culture and sustainable development"
)]
pub struct Args {
    /// Where Ateneu keeps its SQLite database, outbox and files.
    #[arg(
        long,
        global = true,
        env = "ATENEU_DATA_DIR",
        default_value = "./ateneu-data"
    )]
    pub(crate) data_dir: PathBuf,
    /// `sqlite://PATH` or `postgres://USER@HOST/DB`; default: a SQLite file in the data directory.
    #[arg(long, global = true, env = "ATENEU_DATABASE_URL")]
    database_url: Option<String>,
    /// With no subcommand, Ateneu serves (these are `serve`'s options).
    #[command(flatten)]
    pub(crate) serve: ServeArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

/// `ateneu events …`.
#[derive(Debug, Subcommand)]
enum EventsCommand {
    /// Email the editors of each city whose availability request is unanswered and due within
    /// three days (through the outbox; a request is reminded once a day at most): run it daily.
    Remind,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web platform (the default).
    Serve(ServeArgs),
    /// Create or update the database schema and reference data, then exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage personal API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Import a CSV file (checked whole first: nothing is written if a line is bad).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export the registry as CSV (to standard output or --output).
    Export(ExportArgs),
    /// Make a consistent copy of a SQLite database while the server runs.
    Backup {
        /// The file to write.
        file: PathBuf,
    },
    /// Fill this instance with the example network (marked as example content).
    Demo,
    /// The events calendar's chores.
    #[command(subcommand)]
    Events(EventsCommand),
    /// Run a workshop on a laptop in a room without internet, and bring its results back.
    #[command(subcommand)]
    Workshop(WorkshopCommand),
    /// Rebuild the search index of practices from the database (stop the server first), then
    /// prune the search change log.
    Reindex {
        /// Days of the search change log to keep.
        #[arg(long, env = "ATENEU_SEARCH_LOG_DAYS", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=3650))]
        search_log_days: u32,
    },
}

/// `ateneu workshop …`, on the laptop that runs a workshop without internet.
#[derive(Debug, Subcommand)]
enum WorkshopCommand {
    /// Open a workshop package downloaded from the platform in this data directory (the first
    /// time only), print the one-time link that sets its facilitator's password, and serve it
    /// (give --host 0.0.0.0 and --base-url http://THIS-LAPTOP:8080 for phones on the room's
    /// network).
    Open {
        /// The workshop package (JSON).
        file: PathBuf,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Write the results package of the workshop opened here, to bring back to the platform.
    Results {
        /// The file to write.
        #[arg(long, short)]
        output: PathBuf,
        /// The package's id, when several were opened here (default: the latest).
        #[arg(long)]
        package: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add a person and print a one-time link to set their password (also emailed), on the
    /// server's address (`--base-url`, else `--host`/`--port`, as `serve` resolves it).
    Add {
        email: String,
        /// Make them a platform administrator.
        #[arg(long)]
        admin: bool,
        #[arg(long, default_value = "")]
        name: String,
        /// Give them a role: secretariat, editor, expert or reviewer.
        #[arg(long)]
        role: Option<String>,
        /// The network of a secretariat's (or an expert's, a reviewer's) role: its key.
        #[arg(long)]
        network: Option<String>,
        /// The city of an editor's role: its name (in any language) or slug.
        #[arg(long)]
        city: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Print a new personal API token (Bearer) for a user.
    Create {
        #[arg(long)]
        user: String,
        #[arg(long, default_value = "cli")]
        name: String,
        /// `read` (GET only) or `write` (everything the person's roles allow).
        #[arg(long, default_value = "write")]
        scope: String,
        /// Days until the token expires (1–365).
        #[arg(long, default_value_t = ateneu_domain::accounts::TOKEN_DAYS_DEFAULT)]
        days: i64,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Cities: slug,source_lang,name_en,name_fr,name_es,country,region,population,latitude,longitude,website,description_en,description_fr,description_es
    Cities { file: PathBuf },
    /// Memberships: city,network,role,started_on,ended_on,creative_field,designation_year
    Memberships { file: PathBuf },
    /// A framework version (TOML, format in data/frameworks/README.md)
    Framework { file: PathBuf },
    /// A version of the Culture 2030 Goal (TOML, format in data/indicators/README.md)
    Goal { file: PathBuf },
    /// Good practices: JSON Lines, one practice per line (format in the README)
    Practices {
        file: PathBuf,
        /// The stage new practices enter at: published (an archive already reviewed) or draft.
        #[arg(long, default_value = "published")]
        stage: String,
    },
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// What to export.
    #[arg(value_parser = ["cities", "memberships", "framework"])]
    what: String,
    /// For a framework: KEY@VERSION (for example culture21-actions@2015).
    reference: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("ATENEU_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Bad input from the person at the keyboard: exit status 2.
#[derive(Debug)]
pub struct BadInput(String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

pub(crate) fn bad(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(BadInput(message.into()))
}

pub async fn run(args: Args) -> ExitCode {
    match dispatch(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if let Some(input) = error.downcast_ref::<BadInput>() {
                eprintln!("error: {input}");
                ExitCode::from(2)
            } else {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        }
    }
}

fn database_url(args: &Args) -> String {
    args.database_url.clone().unwrap_or_else(|| {
        format!(
            "sqlite://{}?mode=rwc",
            args.data_dir.join("ateneu.db").display()
        )
    })
}

/// Connects, migrates and loads the bundled reference data.
async fn open(args: &Args) -> anyhow::Result<Db> {
    let url = database_url(args);
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&args.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                args.data_dir.display()
            )
        })?;
    } else if !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
        return Err(bad(format!(
            "the database URL must start with sqlite:// or postgres:// (got {url})"
        )));
    }
    ateneu_app::setup::open_database(&url).await
}

pub(crate) async fn state(args: &Args, outgoing: Outgoing) -> anyhow::Result<AppContext> {
    state_with(args, outgoing, ateneu_app::IndexPlace::Off, true, false).await
}

/// The state of a process that keeps a search index where `search_index` says, and public
/// pages in the page cache when `page_cache`, and says where each answer's time went when
/// `server_timing` (a server's choices).
pub(crate) async fn state_with(
    args: &Args,
    outgoing: Outgoing,
    search_index: ateneu_app::IndexPlace,
    page_cache: bool,
    server_timing: bool,
) -> anyhow::Result<AppContext> {
    let db = open(args).await?;
    let base_url = outgoing
        .base_url
        .unwrap_or_else(|| "http://127.0.0.1:8080".to_owned());
    AppContext::new(
        db,
        Config {
            data_dir: args.data_dir.clone(),
            base_url,
            smtp_url: outgoing.smtp_url,
            mail_from: outgoing.mail_from,
            search_index,
            page_cache,
            server_timing,
        },
    )
    .await
}

async fn dispatch(args: Args) -> anyhow::Result<()> {
    match &args.command {
        None => crate::serve::run(&args, &args.serve).await,
        Some(Command::Serve(serve_args)) => crate::serve::run(&args, serve_args).await,
        Some(Command::Migrate) => {
            open(&args).await?;
            println!("The database is up to date.");
            Ok(())
        }
        Some(Command::User(UserCommand::Add {
            email,
            admin,
            name,
            role,
            network,
            city,
        })) => {
            let scope = (role.as_deref(), network.as_deref(), city.as_deref());
            crate::accounts::user_add(&args, email, *admin, name, scope).await
        }
        Some(Command::Token(TokenCommand::Create {
            user,
            name,
            scope,
            days,
        })) => crate::accounts::token_create(&args, user, name, scope, *days).await,
        Some(Command::Import(ImportCommand::Cities { file })) => import(&args, file, true).await,
        Some(Command::Import(ImportCommand::Memberships { file })) => {
            import(&args, file, false).await
        }
        Some(Command::Import(ImportCommand::Practices { file, stage })) => {
            let state = state(&args, Outgoing::default()).await?;
            crate::practices::import(&state, file, stage).await
        }
        Some(Command::Reindex { search_log_days }) => {
            let place = ateneu_app::IndexPlace::Dir(crate::practices::index_dir(&args.data_dir));
            let state = state_with(&args, Outgoing::default(), place, true, false).await.map_err(|e| {
                anyhow!("cannot open the search index (is a server running on this data directory? stop it first): {e:#}")
            })?;
            crate::practices::reindex(&state, *search_log_days).await
        }
        Some(Command::Import(ImportCommand::Framework { file })) => {
            let state = state(&args, Outgoing::default()).await?;
            crate::frameworks::import(&state, file).await
        }
        Some(Command::Import(ImportCommand::Goal { file })) => {
            let state = state(&args, Outgoing::default()).await?;
            crate::frameworks::import_goal(&state, file).await
        }
        Some(Command::Export(export_args)) if export_args.what == "framework" => {
            let state = state(&args, Outgoing::default()).await?;
            let reference = export_args
                .reference
                .as_deref()
                .ok_or_else(|| bad("say which framework: ateneu export framework KEY@VERSION"))?;
            let text = crate::frameworks::export(&state, reference).await?;
            write_out(export_args.output.as_deref(), text.as_bytes())
        }
        Some(Command::Export(export_args)) => export(&args, export_args).await,
        Some(Command::Backup { file }) => backup(&args, file).await,
        Some(Command::Events(EventsCommand::Remind)) => events_remind(&args).await,
        Some(Command::Workshop(WorkshopCommand::Open { file, serve })) => {
            crate::workshop_packages::open(&args, file, serve).await
        }
        Some(Command::Workshop(WorkshopCommand::Results { output, package })) => {
            crate::workshop_packages::results(&args, output, package.as_deref()).await
        }
        Some(Command::Demo) => {
            let state = state(&args, Outgoing::default()).await?;
            let (added, examples) = ateneu_app::demo::load_network(&state)
                .await
                .map_err(|e| anyhow!("{e:?}"))?;
            println!(
                "Example network loaded: {added} cities added, {} practices, {} assessments, {} programmes (marked as example content).",
                examples.practices, examples.assessments, examples.programmes
            );
            Ok(())
        }
    }
}

/// Queues today's reminders of availability requests, as the operator.
async fn events_remind(args: &Args) -> anyhow::Result<()> {
    let (base_url, _) = crate::serve::base_url(&args.serve);
    let outgoing = Outgoing {
        base_url: Some(base_url),
        ..Outgoing::from_env()
    };
    let state = state(args, outgoing).await?;
    let acting = ateneu_app::Acting::operator("events remind");
    let today = chrono::Utc::now().date_naive();
    let reminded = ateneu_app::events::reminders::send(&state, &acting, today)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    state.mailer.wait_sent().await;
    println!(
        "{} requests reminded, {} emails queued; {} already reminded today.",
        reminded.requests, reminded.emails, reminded.already_today
    );
    Ok(())
}

fn describe(state: &AppContext, file: &Path, errors: &[LineError]) -> String {
    let mut text = format!(
        "{} was not imported: {} problem(s); nothing was written.",
        file.display(),
        errors.len()
    );
    for e in errors.iter().take(csv_format::MAX_LISTED_ERRORS) {
        let column = if e.column.is_empty() {
            String::new()
        } else {
            format!(", column {}", e.column)
        };
        text.push_str(&format!(
            "\n  line {}{column}: {}",
            e.line,
            state.i18n.problem(Lang::En, &e.problem)
        ));
    }
    if errors.len() > csv_format::MAX_LISTED_ERRORS {
        text.push_str(&format!(
            "\n  … and {} more",
            errors.len() - csv_format::MAX_LISTED_ERRORS
        ));
    }
    text
}

async fn import(args: &Args, file: &Path, cities: bool) -> anyhow::Result<()> {
    use ateneu_app::registry_files::FileKind;
    let bytes =
        std::fs::read(file).map_err(|e| bad(format!("cannot read {}: {e}", file.display())))?;
    let state = state(args, Outgoing::default()).await?;
    let bar = ProgressBar::new_spinner().with_message(format!("checking {}", file.display()));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    let tick = bar.clone();
    let progress = move |done: u64| {
        tick.set_style(
            ProgressStyle::with_template("{spinner} {pos} cities written {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        tick.set_position(done);
    };
    let (kind, what) = if cities {
        (FileKind::Cities, "cities")
    } else {
        (FileKind::Memberships, "memberships")
    };
    let acting = ateneu_app::Acting::operator("cli");
    let outcome = ateneu_app::registry_files::import(&state, &acting, kind, bytes, &progress).await;
    bar.finish_and_clear();
    match outcome {
        Ok(done) => {
            println!(
                "{} rows: {} {what} added, {} updated, {} unchanged.",
                done.rows, done.created, done.updated, done.unchanged
            );
            Ok(())
        }
        Err(ateneu_app::Error::Lines(errors)) => Err(bad(describe(&state, file, &errors))),
        Err(ateneu_app::Error::BadRequest(problem)) => Err(bad(format!(
            "{} was not imported: {}",
            file.display(),
            state.i18n.problem(Lang::En, &problem)
        ))),
        Err(other) => Err(anyhow!("{other}")),
    }
}

async fn export(args: &Args, export: &ExportArgs) -> anyhow::Result<()> {
    let state = state(args, Outgoing::default()).await?;
    let bytes = match export.what.as_str() {
        "cities" => ateneu_app::registry_files::cities_csv(&state).await,
        _ => ateneu_app::registry_files::memberships_csv(&state).await,
    }
    .map_err(|e| anyhow!("{e:?}"))?;
    write_out(export.output.as_deref(), &bytes)
}

/// Writes to a file, or to standard output.
fn write_out(output: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match output {
        Some(path) => std::fs::write(path, bytes)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            use std::io::Write;
            std::io::stdout().write_all(bytes)?;
        }
    }
    Ok(())
}

async fn backup(args: &Args, file: &Path) -> anyhow::Result<()> {
    let url = database_url(args);
    if !url.starts_with("sqlite:") {
        return Err(bad(
            "on PostgreSQL, back up with pg_dump, for example: pg_dump --format=custom --file=ateneu.dump \"$ATENEU_DATABASE_URL\"",
        ));
    }
    if file.exists() {
        return Err(bad(format!(
            "{} exists already; choose a new file",
            file.display()
        )));
    }
    let db = open(args).await?;
    ateneu_app::setup::backup_sqlite(&db, file)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    println!("Backup written to {}", file.display());
    Ok(())
}

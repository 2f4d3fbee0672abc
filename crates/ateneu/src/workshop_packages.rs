//! The workshop commands for a room without internet: `ateneu workshop open FILE` opens a
//! workshop package on a laptop (once) and serves it, `ateneu workshop results` writes the
//! results package to bring back to the platform. A bad package exits with status 2 and says
//! which item and why.

use crate::cli::{Args, bad, state};
use crate::serve::{Outgoing, ServeArgs};
use anyhow::{Context, anyhow};
use ateneu_app::Context as AppContext;
use ateneu_app::Who;
use ateneu_app::workshop_packages as cases;
use ateneu_domain::Lang;
use std::path::Path;

/// Says what is wrong with a package in English, item by item.
fn refused(state: &AppContext, file: &Path, error: ateneu_app::Error) -> anyhow::Error {
    match error {
        ateneu_app::Error::Invalid(errors) => {
            let mut text = format!("{} was not taken; nothing was written:", file.display());
            for (item, problem) in errors.iter() {
                text.push_str(&format!(
                    "\n  {item}: {}",
                    state.i18n.problem(Lang::En, problem)
                ));
            }
            bad(text)
        }
        ateneu_app::Error::NotFound => bad(format!(
            "no workshop package was opened in this data directory; open one first: ateneu workshop open FILE (refused: {})",
            file.display()
        )),
        other => anyhow!("{other:?}"),
    }
}

/// Opens the package (the first time), prints the facilitator's one-time link, and serves.
pub(crate) async fn open(args: &Args, file: &Path, serve: &ServeArgs) -> anyhow::Result<()> {
    let bytes =
        std::fs::read(file).map_err(|e| bad(format!("cannot read {}: {e}", file.display())))?;
    let (base_url, guessed) = crate::serve::base_url(serve);
    let outgoing = Outgoing {
        base_url: Some(base_url.clone()),
        ..Outgoing::default()
    };
    let state = state(args, outgoing).await?;
    let package = cases::read(&bytes).map_err(|e| refused(&state, file, e))?;
    let who = Who::system("workshop open");
    let opened = cases::open(&state, &who, &package)
        .await
        .map_err(|e| refused(&state, file, e))?;
    let link = ateneu_app::accounts::invite(&state, &who, &opened.facilitator, "", None, Lang::En)
        .await
        .map_err(|e| anyhow!("{e:?}"))?;
    state.mailer.wait_sent().await;
    drop(state);
    if opened.fresh {
        println!(
            "The workshop package is open in {}.",
            args.data_dir.display()
        );
    } else {
        println!("This workshop package was opened here before: nothing was changed.");
    }
    println!(
        "\n{} facilitates it and administers this laptop. Set the password with this one-time link:\n\n    {link}\n\nThe workshop: {base_url}/en{}\nParticipants open their links with this laptop's address ({base_url}) in place of the platform's, or links made here.\n",
        opened.facilitator,
        opened.path(&package)
    );
    if guessed {
        println!(
            "(The addresses are guessed from --host and --port: give --base-url http://THIS-LAPTOP'S-ADDRESS:{} so that phones on the room's network reach it, with --host 0.0.0.0.)\n",
            serve.port
        );
    }
    crate::serve::run(args, serve).await
}

/// Writes the results package of the workshop opened here.
pub(crate) async fn results(
    args: &Args,
    output: &Path,
    package: Option<&str>,
) -> anyhow::Result<()> {
    let state = state(args, Outgoing::default()).await?;
    let results = cases::results(&state, package)
        .await
        .map_err(|e| refused(&state, output, e))?;
    let bytes = cases::to_file(&results).map_err(|e| anyhow!("{e:?}"))?;
    std::fs::write(output, bytes).with_context(|| format!("cannot write {}", output.display()))?;
    let page = match results.content {
        ateneu_domain::workshop_packages::Content::SevenKeysResults(_) => {
            format!("seven-keys/workshops/{}", results.workshop)
        }
        ateneu_domain::workshop_packages::Content::PolicyDesignResults(_) => {
            format!("outputs/{}/workshop", results.workshop)
        }
        _ => format!("assessments/{}", results.workshop),
    };
    println!(
        "The results are in {}. Bring the file back to {}/en/{page}/offline (Bring the results back); merging it twice changes nothing.",
        output.display(),
        results.origin.trim_end_matches('/'),
    );
    Ok(())
}

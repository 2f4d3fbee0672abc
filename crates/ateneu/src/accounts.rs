//! The account commands: `ateneu user add` (a person with a grant, and the invitation that
//! sets their password) and `ateneu token create` (a personal API token).

use crate::cli::{Args, bad, state};
use crate::serve::Outgoing;
use anyhow::anyhow;
use ateneu_app::Who;
use ateneu_domain::Lang;
use ateneu_domain::accounts::{Email, Grant, Role};

pub(crate) async fn user_add(
    args: &Args,
    email: &str,
    admin: bool,
    name: &str,
    (role, network, city): (Option<&str>, Option<&str>, Option<&str>),
) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|_| bad(format!("not an email address: {email}")))?;
    let (base_url, guessed) = crate::serve::base_url(&args.serve);
    let outgoing = Outgoing {
        base_url: Some(base_url.clone()),
        ..Outgoing::from_env()
    };
    let state = state(args, outgoing).await?;
    let grant = match (admin, role) {
        (true, Some(_)) => return Err(bad("give either --admin or --role, not both")),
        (true, None) => {
            Some(Grant::new(Role::PlatformAdmin, None, None).map_err(|p| anyhow!(p.key))?)
        }
        (false, Some(role)) => {
            let role = Role::parse(role).map_err(|_| {
                bad(format!(
                    "unknown role {role}: secretariat, editor, expert or reviewer"
                ))
            })?;
            if let Some(key) = network
                && state.reference.network(key).is_none()
            {
                return Err(bad(format!(
                    "unknown network {key}: uclg-culture, leading-cities or uccn"
                )));
            }
            let city = match city {
                Some(typed) => Some(
                    ateneu_app::cities::resolve(&state, typed)
                        .await
                        .map_err(|e| anyhow!("{e:?}"))?
                        .map_err(|p| {
                            bad(format!(
                                "--city {typed}: {}",
                                state.i18n.problem(Lang::En, &p)
                            ))
                        })?
                        .id,
                ),
                None => None,
            };
            Some(
                Grant::new(role, network.map(str::to_owned), city).map_err(|_| {
                    bad(format!(
                        "a {} needs {}",
                        role.key(),
                        match role {
                            Role::Secretariat => "--network",
                            Role::Editor => "--city (and no --network)",
                            _ => "no --city",
                        }
                    ))
                })?,
            )
        }
        (false, None) => None,
    };
    let link = ateneu_app::accounts::invite(
        &state,
        &Who::system("cli"),
        &email,
        name,
        grant.as_ref(),
        Lang::En,
    )
    .await
    .map_err(|e| anyhow!("{e:?}"))?;
    state.mailer.wait_sent().await;
    println!(
        "{email} can set their password with this one-time link (valid 7 days):\n\n    {link}\n"
    );
    if guessed {
        println!(
            "(The link is on {base_url}, guessed from --host and --port: give --base-url or ATENEU_BASE_URL if people reach the platform at another address.)"
        );
    }
    Ok(())
}

pub(crate) async fn token_create(
    args: &Args,
    user: &str,
    name: &str,
    scope: &str,
    days: i64,
) -> anyhow::Result<()> {
    let email = Email::parse(user).map_err(|_| bad(format!("not an email address: {user}")))?;
    let request = ateneu_domain::accounts::TokenRequest::parse(name, scope, &days.to_string())
        .map_err(|errors| {
            let problems: Vec<String> = errors
                .iter()
                .map(|(field, p)| format!("--{field}: {}", p.key))
                .collect();
            bad(problems.join("; "))
        })?;
    let state = state(args, Outgoing::default()).await?;
    let token =
        ateneu_app::accounts::create_api_token_for(&state, &Who::system("cli"), &email, &request)
            .await
            .map_err(|e| match e {
                ateneu_app::Error::NotFound => bad(format!("no account for {email}")),
                other => anyhow!("{other:?}"),
            })?;
    println!("{token}");
    Ok(())
}

//! The `ateneu` command: a thin shell that parses the command line and calls the library crates.

mod accounts;
mod cli;
mod frameworks;
mod practices;
mod serve;
mod workshop_packages;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    cli::init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(cli::run(args))
}

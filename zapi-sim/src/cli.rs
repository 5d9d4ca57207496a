//! Command-line options of the `zapi-sim` binary, parsed here so they can be tested.

use std::path::PathBuf;

use zapi_communities::Secret;
use zapi_communities::sim::{SimConfig, Simulator};

/// `zapi-sim --help`.
pub const USAGE: &str = "\
usage: zapi-sim [--port N] [--fixture FILE] [--instance-id ID] [--token TOKEN]
                [--client-token TOKEN | --no-client-token] [--connected-phone DIGITS]

Serves the Z-API Communities simulator on http://127.0.0.1:N (N = 0 picks a free port).
Prints `zapi-sim listening on http://127.0.0.1:PORT` as the first stdout line, then runs
until SIGTERM or Ctrl-C. Defaults: instance SIM-INSTANCE, token sim-token, Client-Token
sim-client-token, connected phone 5511900000000. Control API: <url>/__sim/ (see README).";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Serve with these options.
    Run(Options),
    /// Print [`USAGE`] and exit.
    Help,
}

/// Options of `zapi-sim`; `None` means "the demo default".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// `--port` (0 = any free port).
    pub port: u16,
    /// `--fixture`: a fixture JSON file for the initial state.
    pub fixture: Option<PathBuf>,
    /// `--instance-id`.
    pub instance_id: Option<String>,
    /// `--token`.
    pub token: Option<String>,
    /// `--client-token`.
    pub client_token: Option<String>,
    /// `--no-client-token`: do not check the `Client-Token` header at all.
    pub no_client_token: bool,
    /// `--connected-phone`.
    pub connected_phone: Option<String>,
}

/// Parses the arguments after the program name. Accepts `--flag value` and `--flag=value`.
///
/// # Errors
/// A message for an unknown flag, a missing value or a bad port.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--port" => {
                let raw = value()?;
                options.port = raw.parse().map_err(|_| format!("--port: {raw:?} is not a port number"))?;
            }
            "--fixture" => options.fixture = Some(PathBuf::from(value()?)),
            "--instance-id" => options.instance_id = Some(value()?),
            "--token" => options.token = Some(value()?),
            "--client-token" => options.client_token = Some(value()?),
            "--no-client-token" => options.no_client_token = true,
            "--connected-phone" => options.connected_phone = Some(value()?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if options.no_client_token && options.client_token.is_some() {
        return Err("--client-token and --no-client-token exclude each other".into());
    }
    Ok(Command::Run(options))
}

impl Options {
    /// The credentials: the demo's, overridden by the flags given.
    pub fn config(&self) -> SimConfig {
        let demo = SimConfig::demo();
        SimConfig {
            instance_id: self.instance_id.clone().unwrap_or(demo.instance_id),
            token: self.token.clone().map(Secret::new).unwrap_or(demo.token),
            client_token: if self.no_client_token {
                None
            } else {
                self.client_token.clone().map(Secret::new).or(demo.client_token)
            },
            connected_phone: self.connected_phone.clone().unwrap_or(demo.connected_phone),
        }
    }

    /// The simulator to serve: empty, or the `--fixture` state.
    ///
    /// # Errors
    /// A message when the fixture cannot be read or is invalid.
    pub fn simulator(&self) -> Result<Simulator, String> {
        let Some(path) = &self.fixture else {
            return Ok(Simulator::new(self.config()));
        };
        let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Simulator::with_fixture_json(self.config(), &json).map_err(|e| format!("{}: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        match parse(args.iter().map(|s| (*s).to_owned()))? {
            Command::Run(options) => Ok(options),
            Command::Help => Err("help".into()),
        }
    }

    #[test]
    fn defaults_are_the_demo_credentials_on_a_free_port() {
        let options = run(&[]).unwrap();
        assert_eq!(options.port, 0);
        assert_eq!(options.config(), SimConfig::demo());
    }

    #[test]
    fn flags_override_the_defaults() {
        let options =
            run(&["--port=8080", "--instance-id", "I", "--token", "T", "--client-token=C", "--connected-phone", "55"])
                .unwrap();
        assert_eq!(options.port, 8080);
        let config = options.config();
        assert_eq!(config.instance_id, "I");
        assert_eq!(config.token.expose(), "T");
        assert_eq!(config.client_token.as_ref().map(Secret::expose), Some("C"));
        assert_eq!(config.connected_phone, "55");
        assert_eq!(run(&["--no-client-token"]).unwrap().config().client_token, None);
    }

    #[test]
    fn bad_arguments_are_reported() {
        assert!(run(&["--port", "x"]).unwrap_err().contains("not a port"));
        assert!(run(&["--port"]).unwrap_err().contains("needs a value"));
        assert!(run(&["--what"]).unwrap_err().contains("unknown argument"));
        assert!(run(&["--no-client-token", "--client-token", "c"]).unwrap_err().contains("exclude"));
        assert_eq!(parse(["--help".to_owned()]), Ok(Command::Help));
    }
}

//! Which axis a system talks to, read from its configuration: [`Axis`], one
//! variant per profile, and the one entry point that turns an
//! [`Operation`] into that axis's request and reads its answer.

use std::fmt;

use chrono::NaiveDateTime;
use serde::{Deserialize, Deserializer};

use crate::error::AxisError;
use crate::http::{Request, Response};
use crate::langson::{self, LangSon, Token};
use crate::model::{Operation, Outcome};
use crate::national::{self, National};
use crate::quangnam::{self, QuangNam};

/// A credential: never printed (`Debug` shows `***`), compared and read
/// only on purpose.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps `value`.
    #[must_use]
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Self)
    }
}

/// What a call needs besides the operation: the time of the call (Vietnam
/// time), a nonce (the multipart boundary of a send), and the bearer token
/// of the provincial axes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CallContext {
    /// When the call is made.
    pub at: NaiveDateTime,
    /// A value the caller makes unique per call (a random boundary).
    pub nonce: String,
    /// The token of the last login, for the provincial axes.
    pub token: Option<Token>,
}

impl CallContext {
    /// A call at `at` with `nonce` and no token.
    #[must_use]
    pub fn new(at: NaiveDateTime, nonce: impl Into<String>) -> Self {
        Self {
            at,
            nonce: nonce.into(),
            token: None,
        }
    }

    /// A call at `now`, in Vietnam time (the national header timestamp is
    /// Vietnam time whatever the offset of `now`), with `nonce`.
    #[must_use]
    pub fn at_time(now: chrono::DateTime<chrono::FixedOffset>, nonce: impl Into<String>) -> Self {
        let vietnam = vanthu::edxml::vietnam_offset();
        Self::new(now.with_timezone(&vietnam).naive_local(), nonce)
    }

    /// This context with `token`.
    #[must_use]
    pub fn with_token(mut self, token: Token) -> Self {
        self.token = Some(token);
        self
    }
}

/// An axis, one variant per profile; also its configuration, read from
/// JSON tagged by `profile`: `national`, `lang-son` or `quang-nam`
/// (`docs/axis.md` §8 has one example of each). Unknown fields are refused.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "profile", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Axis {
    /// The national axis.
    National(National),
    /// The Lạng Sơn LGSP.
    LangSon(LangSon),
    /// The Quảng Nam gateway.
    QuangNam(QuangNam),
}

impl Axis {
    /// Reads a configuration from JSON text.
    ///
    /// # Errors
    /// [`AxisError::InvalidArgument`] naming what is wrong (an unknown
    /// profile or field, a missing one).
    pub fn from_json(text: &str) -> Result<Self, AxisError> {
        serde_json::from_str(text).map_err(|e| AxisError::invalid(format!("configuration: {e}")))
    }

    /// The profile's name, as in the configuration.
    #[must_use]
    pub const fn profile(&self) -> &'static str {
        match self {
            Self::National(_) => "national",
            Self::LangSon(_) => "lang-son",
            Self::QuangNam(_) => "quang-nam",
        }
    }

    /// The request that obtains a token (the Lạng Sơn login, the Quảng Nam
    /// client-credentials grant); `None` for the national axis, whose calls
    /// are signed instead.
    ///
    /// # Errors
    /// As the profile's builder.
    pub fn login(&self) -> Option<Result<Request, AxisError>> {
        match self {
            Self::National(_) => None,
            Self::LangSon(a) => Some(a.login()),
            Self::QuangNam(a) => Some(a.token()),
        }
    }

    /// Reads the answer to [`Self::login`].
    ///
    /// # Errors
    /// As the profile's parser; [`AxisError::Unsupported`] for the
    /// national axis.
    pub fn parse_login(&self, response: &Response) -> Result<Token, AxisError> {
        match self {
            Self::National(_) => Err(AxisError::Unsupported {
                operation: "login",
                profile: self.profile(),
            }),
            Self::LangSon(_) => langson::parse_login(response),
            Self::QuangNam(_) => quangnam::parse_token(response),
        }
    }

    /// The request for `operation`.
    ///
    /// # Errors
    /// As the profile's builder; [`AxisError::InvalidArgument`] when a
    /// provincial call is given no token.
    pub fn request(&self, operation: &Operation, ctx: &CallContext) -> Result<Request, AxisError> {
        let token = || {
            ctx.token.as_ref().ok_or_else(|| {
                AxisError::invalid(format!("{} needs a token: log in first", self.profile()))
            })
        };
        match (self, operation) {
            (Self::National(a), Operation::ListReceived { message_type }) => {
                a.get_received_edoc_list(ctx.at, *message_type, None, None)
            }
            (Self::National(a), Operation::GetEdoc { doc_id }) => a.get_edoc(ctx.at, doc_id),
            (
                Self::National(a),
                Operation::Send {
                    message_type,
                    from,
                    to,
                    package,
                },
            ) => a.send_edoc(ctx.at, *message_type, from, to, package, &ctx.nonce),
            (Self::National(a), Operation::UpdateStatus { doc_id, state }) => {
                a.update_status(ctx.at, doc_id, state)
            }
            (Self::LangSon(a), Operation::ListReceived { message_type }) => {
                a.sync_received_edoc_list(token()?, *message_type, None, None)
            }
            (Self::LangSon(a), Operation::GetEdoc { doc_id }) => a.get_edoc(token()?, doc_id),
            (
                Self::LangSon(a),
                Operation::Send {
                    message_type,
                    package,
                    ..
                },
            ) => a.send_edoc(token()?, *message_type, package, "edoc.edxml", &ctx.nonce),
            (Self::LangSon(a), Operation::UpdateStatus { doc_id, state }) => {
                a.update_status(token()?, doc_id, state)
            }
            (Self::QuangNam(a), Operation::ListReceived { .. }) => a.list(token()?),
            (Self::QuangNam(a), Operation::GetEdoc { doc_id }) => a.get(token()?, doc_id),
            (
                Self::QuangNam(a),
                Operation::Send {
                    message_type,
                    package,
                    ..
                },
            ) => a.send(token()?, *message_type, package),
            (Self::QuangNam(a), Operation::UpdateStatus { doc_id, state }) => {
                a.update_status(token()?, doc_id, state)
            }
        }
    }

    /// Reads the answer to `operation`: a failure is
    /// [`Outcome::Failed`]. The Quảng Nam list carries both kinds of
    /// message: it is filtered to the kind asked for.
    #[must_use]
    pub fn read(&self, operation: &Operation, response: &Response) -> Outcome {
        let outcome = match (self, operation) {
            (Self::National(_), Operation::ListReceived { .. }) => {
                national::parse_received_list(response).map(Outcome::Listed)
            }
            (Self::LangSon(_), Operation::ListReceived { .. }) => {
                langson::parse_received_list(response).map(Outcome::Listed)
            }
            (Self::QuangNam(_), Operation::ListReceived { message_type }) => {
                quangnam::parse_list(response).map(|items| {
                    Outcome::Listed(
                        items
                            .into_iter()
                            .filter(|i| i.message_type.is_none_or(|t| t == *message_type))
                            .collect(),
                    )
                })
            }
            (Self::National(_), Operation::GetEdoc { .. }) => {
                national::parse_edoc(response).map(Outcome::Fetched)
            }
            (Self::LangSon(_), Operation::GetEdoc { .. }) => {
                langson::parse_edoc(response).map(|e| Outcome::Fetched(e.package))
            }
            (Self::QuangNam(_), Operation::GetEdoc { .. }) => {
                quangnam::parse_get(response).map(Outcome::Fetched)
            }
            (Self::National(_), Operation::Send { .. }) => {
                national::parse_send(response).map(|id| Outcome::Sent(Some(id)))
            }
            (Self::LangSon(_), Operation::Send { .. }) => {
                langson::parse_send(response).map(|id| Outcome::Sent(Some(id)))
            }
            (Self::QuangNam(_), Operation::Send { .. }) => {
                quangnam::parse_send(response).map(|id| Outcome::Sent(Some(id)))
            }
            (Self::National(_), Operation::UpdateStatus { .. }) => {
                national::parse_status(response).map(|()| Outcome::Updated)
            }
            (Self::LangSon(_), Operation::UpdateStatus { .. }) => {
                langson::parse_status(response).map(|()| Outcome::Updated)
            }
            (Self::QuangNam(_), Operation::UpdateStatus { .. }) => {
                quangnam::parse_status(response).map(|()| Outcome::Updated)
            }
        };
        outcome.unwrap_or_else(Outcome::Failed)
    }
}

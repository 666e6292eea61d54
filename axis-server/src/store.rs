//! The local axis's database: agencies, packages and messages with their
//! transport states, in one SQLite file under the data folder. Every write
//! is a transaction committed to disk before the answer goes out
//! (`synchronous = FULL`), so that what a client was told is kept across a
//! crash or a restart.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension as _, params};
use vanthu_axis::{Agency, MessageType, TransportState};

use crate::ServerError;

/// The file name of the database inside the data folder.
pub(crate) const DATABASE: &str = "axis.sqlite3";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS agencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    pid TEXT,
    name TEXT NOT NULL,
    mail TEXT,
    system TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS packages (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL UNIQUE,
    sender_doc_id TEXT NOT NULL,
    sender_system TEXT NOT NULL,
    receiver_system TEXT NOT NULL,
    from_code TEXT NOT NULL,
    to_codes TEXT NOT NULL,
    message_type TEXT NOT NULL,
    title TEXT,
    notation TEXT,
    sha256 TEXT NOT NULL REFERENCES packages(sha256),
    status TEXT NOT NULL,
    created TEXT NOT NULL,
    received TEXT,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_receiver ON messages(receiver_system, message_type, status);
CREATE INDEX IF NOT EXISTS messages_sender ON messages(sender_system, message_type);
";

/// A message as stored: one per receiving system.
#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub(crate) doc_id: String,
    pub(crate) sender_doc_id: String,
    pub(crate) from_code: String,
    /// The receiving agencies served by the receiving system, a JSON array.
    pub(crate) to_codes: String,
    pub(crate) message_type: String,
    pub(crate) title: Option<String>,
    pub(crate) notation: Option<String>,
    pub(crate) status: TransportState,
    pub(crate) created: String,
    pub(crate) received: Option<String>,
    pub(crate) updated: String,
}

/// A package accepted, to store for each receiving system.
pub(crate) struct NewMessage<'a> {
    pub(crate) sender_doc_id: &'a str,
    pub(crate) sender_system: &'a str,
    pub(crate) from_code: &'a str,
    pub(crate) message_type: MessageType,
    pub(crate) title: Option<&'a str>,
    pub(crate) notation: Option<&'a str>,
    pub(crate) sha256: &'a str,
    pub(crate) package: &'a [u8],
    pub(crate) at: &'a str,
    /// Per receiving system: the message's id and the agencies it serves.
    pub(crate) receivers: Vec<(String, String, Vec<String>)>,
}

/// Which list: the messages a system received, or those it sent.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Side {
    Received,
    Sent,
}

pub(crate) struct Store {
    conn: Connection,
}

fn db(e: rusqlite::Error) -> ServerError {
    ServerError::Database(e.to_string())
}

const MESSAGE_COLUMNS: &str = "doc_id, sender_doc_id, from_code, to_codes, message_type, title, \
     notation, status, created, received, updated";

fn message(row: &rusqlite::Row<'_>) -> rusqlite::Result<Message> {
    Ok(Message {
        doc_id: row.get(0)?,
        sender_doc_id: row.get(1)?,
        from_code: row.get(2)?,
        to_codes: row.get(3)?,
        message_type: row.get(4)?,
        title: row.get(5)?,
        notation: row.get(6)?,
        status: TransportState::parse(&row.get::<_, String>(7)?),
        created: row.get(8)?,
        received: row.get(9)?,
        updated: row.get(10)?,
    })
}

impl Store {
    /// Opens (creating when needed) the database in `folder`.
    pub(crate) fn open(folder: &Path) -> Result<Self, ServerError> {
        std::fs::create_dir_all(folder).map_err(|e| ServerError::Io {
            path: folder.display().to_string(),
            source: e,
        })?;
        let conn = Connection::open(folder.join(DATABASE)).map_err(db)?;
        // WAL with a full sync at each commit: an answered call is on disk.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(db)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(db)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(db)?;
        conn.execute_batch(SCHEMA).map_err(db)?;
        Ok(Self { conn })
    }

    /// The system that registered the agency `code`.
    pub(crate) fn agency_system(&self, code: &str) -> Result<Option<String>, ServerError> {
        self.conn
            .query_row("SELECT system FROM agencies WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .optional()
            .map_err(db)
    }

    /// Every agency, in the order registered.
    pub(crate) fn agencies(&self) -> Result<Vec<Agency>, ServerError> {
        let mut statement = self
            .conn
            .prepare("SELECT id, pid, code, name, mail FROM agencies ORDER BY id")
            .map_err(db)?;
        let rows = statement
            .query_map([], |r| {
                let mut agency = Agency::new(
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    String::new(),
                );
                agency.id = Some(r.get::<_, i64>(0)?.to_string());
                agency.pid = r.get(1)?;
                agency.mail = r.get(4)?;
                Ok(agency)
            })
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    /// Registers `agency` for `system`, or updates it when `system` holds it.
    pub(crate) fn register(&self, agency: &Agency, system: &str) -> Result<(), ServerError> {
        self.conn
            .execute(
                "INSERT INTO agencies (code, pid, name, mail, system) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(code) DO UPDATE SET pid = ?2, name = ?3, mail = ?4",
                params![
                    agency.code.trim(),
                    agency.pid,
                    agency.name,
                    agency.mail,
                    system
                ],
            )
            .map(drop)
            .map_err(db)
    }

    /// Removes the agency `code`.
    pub(crate) fn delete_agency(&self, code: &str) -> Result<(), ServerError> {
        self.conn
            .execute("DELETE FROM agencies WHERE code = ?1", [code])
            .map(drop)
            .map_err(db)
    }

    /// Stores a package and one message per receiving system, in one
    /// transaction.
    pub(crate) fn insert(&mut self, new: &NewMessage<'_>) -> Result<(), ServerError> {
        let tx = self.conn.transaction().map_err(db)?;
        tx.execute(
            "INSERT OR IGNORE INTO packages (sha256, bytes) VALUES (?1, ?2)",
            params![new.sha256, new.package],
        )
        .map_err(db)?;
        for (doc_id, system, codes) in &new.receivers {
            let to = serde_json::Value::from(codes.clone()).to_string();
            tx.execute(
                "INSERT INTO messages (doc_id, sender_doc_id, sender_system, receiver_system,
                     from_code, to_codes, message_type, title, notation, sha256, status, created,
                     updated)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'initial', ?11, ?11)",
                params![
                    doc_id,
                    new.sender_doc_id,
                    new.sender_system,
                    system,
                    new.from_code,
                    to,
                    new.message_type.as_str(),
                    new.title,
                    new.notation,
                    new.sha256,
                    new.at
                ],
            )
            .map_err(db)?;
        }
        tx.commit().map_err(db)
    }

    /// The messages of `message_type` `system` sent, or received and not
    /// yet finished, oldest first.
    pub(crate) fn messages(
        &self,
        side: Side,
        system: &str,
        message_type: MessageType,
    ) -> Result<Vec<Message>, ServerError> {
        let filter = match side {
            Side::Received => {
                "receiver_system = ?1 AND message_type = ?2 AND status IN ('initial', 'processing')"
            }
            Side::Sent => "sender_system = ?1 AND message_type = ?2",
        };
        let sql = format!("SELECT {MESSAGE_COLUMNS} FROM messages WHERE {filter} ORDER BY seq");
        let mut statement = self.conn.prepare(&sql).map_err(db)?;
        let rows = statement
            .query_map(params![system, message_type.as_str()], message)
            .map_err(db)?;
        rows.collect::<Result<_, _>>().map_err(db)
    }

    /// The message `doc_id` received by `system`.
    pub(crate) fn message(
        &self,
        system: &str,
        doc_id: &str,
    ) -> Result<Option<Message>, ServerError> {
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages WHERE doc_id = ?1 AND receiver_system = ?2"
        );
        self.conn
            .query_row(&sql, params![doc_id, system], message)
            .optional()
            .map_err(db)
    }

    /// The package of the message `doc_id`; it becomes `processing` when
    /// it was `initial` (the receiver has it).
    pub(crate) fn fetch(&self, doc_id: &str, at: &str) -> Result<Vec<u8>, ServerError> {
        self.conn
            .execute(
                "UPDATE messages SET status = 'processing', received = ?2, updated = ?2
                 WHERE doc_id = ?1 AND status = 'initial'",
                params![doc_id, at],
            )
            .map_err(db)?;
        self.conn
            .query_row(
                "SELECT p.bytes FROM messages m JOIN packages p ON p.sha256 = m.sha256
                 WHERE m.doc_id = ?1",
                [doc_id],
                |r| r.get(0),
            )
            .map_err(db)
    }

    /// Sets the transport state of the message `doc_id`.
    pub(crate) fn set_state(
        &self,
        doc_id: &str,
        state: &TransportState,
        at: &str,
    ) -> Result<(), ServerError> {
        self.conn
            .execute(
                "UPDATE messages SET status = ?2, updated = ?3, received = coalesce(received, ?3)
                 WHERE doc_id = ?1",
                params![doc_id, state.as_str(), at],
            )
            .map(drop)
            .map_err(db)
    }
}

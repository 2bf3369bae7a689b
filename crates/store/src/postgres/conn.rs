//! One connection with its prepared statements, and the transaction discipline every
//! write follows.

use crate::error::Doing;
use crate::StoreError;
use postgres::types::ToSql;
use postgres::{Client, Row, Statement};
use std::collections::HashMap;

/// A client plus a cache of prepared statements: `Client::query(&str, ..)` would parse and
/// plan every statement on every call, one extra round trip each.
pub(crate) struct Conn {
    pub(crate) client: Client,
    statements: HashMap<&'static str, Statement>,
    /// Inside `with_story_lock`: writes become savepoints of the outer transaction.
    pub(crate) nested: bool,
}

pub(crate) type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

impl Conn {
    pub(crate) fn new(client: Client) -> Self {
        Conn {
            client,
            statements: HashMap::new(),
            nested: false,
        }
    }

    fn prepared(
        &mut self,
        sql: &'static str,
        action: &'static str,
    ) -> Result<Statement, StoreError> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql).doing(action)?;
        self.statements.insert(sql, statement.clone());
        Ok(statement)
    }

    pub(crate) fn query(
        &mut self,
        action: &'static str,
        sql: &'static str,
        params: Params<'_>,
    ) -> Result<Vec<Row>, StoreError> {
        let statement = self.prepared(sql, action)?;
        self.client.query(&statement, params).doing(action)
    }

    pub(crate) fn query_opt(
        &mut self,
        action: &'static str,
        sql: &'static str,
        params: Params<'_>,
    ) -> Result<Option<Row>, StoreError> {
        let statement = self.prepared(sql, action)?;
        self.client.query_opt(&statement, params).doing(action)
    }

    pub(crate) fn execute(
        &mut self,
        action: &'static str,
        sql: &'static str,
        params: Params<'_>,
    ) -> Result<u64, StoreError> {
        let statement = self.prepared(sql, action)?;
        self.client.execute(&statement, params).doing(action)
    }

    /// Runs `f` in a transaction (a savepoint when already inside the story lock's
    /// transaction): all of its writes land, or none do.
    pub(crate) fn write<T>(
        &mut self,
        action: &'static str,
        f: impl FnOnce(&mut Conn) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let (begin, commit, rollback) = if self.nested {
            (
                "SAVEPOINT marsad_write",
                "RELEASE SAVEPOINT marsad_write",
                "ROLLBACK TO SAVEPOINT marsad_write; RELEASE SAVEPOINT marsad_write",
            )
        } else {
            ("BEGIN", "COMMIT", "ROLLBACK")
        };
        self.client.batch_execute(begin).doing(action)?;
        match f(self) {
            Ok(value) => {
                self.client.batch_execute(commit).doing(action)?;
                Ok(value)
            }
            Err(e) => {
                // The error that stopped the work is the one worth reporting; a failed
                // rollback means the connection is gone, and the server rolls back then.
                let _ = self.client.batch_execute(rollback);
                Err(e)
            }
        }
    }
}

/// `usize` counts as SQL BIGINT; anything larger than it holds means "no limit".
pub(crate) fn sql_count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

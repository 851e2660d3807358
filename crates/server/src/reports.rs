//! Public reports against a published protocol: what anyone sent from a station's page,
//! kept in the table `public_reports` beside the accounts (never in the record: a report
//! names its sender's contact and address, which must not be published) until the
//! commission's staff register it as a complaint, an act of the record, or dismiss it with a
//! reason.
//!
//! Reports are limited per window of an hour (the figures are [`ReportLimits::default`]):
//! per client address, per station and for the whole record, counted in the table
//! `report_counters`, so that every server on one PostgreSQL record shares the counts. Only
//! a report that is accepted counts: the counters are reserved and the report stored in one
//! transaction, so a report refused by a full counter (or by anything else) writes nothing,
//! and one stored has taken its place in every counter.

use std::sync::atomic::{AtomicI64, Ordering};

use serde::{Deserialize, Serialize};
use tandoo_core::ids::{ConstituencyNo, ElectionId, StationId};

use crate::report_token::TokenKey;
use crate::store::{Db, StoreError, on_db, store};

/// How many reports each counter allows per window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportLimits {
    /// Seconds a window lasts, from the first report it counts.
    pub window: i64,
    /// Reports from one client address (an IPv4 address or an IPv6 /64).
    pub per_address: i64,
    /// Reports about one polling station, from every address together.
    pub per_station: i64,
    /// Reports of the whole record, on every server together.
    pub global: i64,
}

impl Default for ReportLimits {
    fn default() -> Self {
        ReportLimits {
            window: 60 * 60,
            per_address: 5,
            per_station: 30,
            global: 1_000,
        }
    }
}

/// Ended windows are removed at most this often (seconds).
const PRUNE_EVERY: i64 = 60;
/// The most reports one listing returns, oldest first.
pub const MAX_LISTED: i64 = 1_000;

/// Which counter refused a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportLimit {
    Address,
    Station,
    Global,
}

impl ReportLimit {
    /// The stable name a refusal gives (and the counter's scope in the table).
    pub fn name(self) -> &'static str {
        match self {
            ReportLimit::Address => "address",
            ReportLimit::Station => "station",
            ReportLimit::Global => "global",
        }
    }

    fn max(self, limits: &ReportLimits) -> i64 {
        match self {
            ReportLimit::Address => limits.per_address,
            ReportLimit::Station => limits.per_station,
            ReportLimit::Global => limits.global,
        }
    }
}

/// Where a report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Open,
    Registered,
    Dismissed,
}

impl ReportStatus {
    fn name(self) -> &'static str {
        match self {
            ReportStatus::Open => "open",
            ReportStatus::Registered => "registered",
            ReportStatus::Dismissed => "dismissed",
        }
    }

    fn parse(name: &str) -> Option<ReportStatus> {
        [
            ReportStatus::Open,
            ReportStatus::Registered,
            ReportStatus::Dismissed,
        ]
        .into_iter()
        .find(|status| status.name() == name)
    }
}

/// A report as it arrived, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    pub election: ElectionId,
    pub constituency: ConstituencyNo,
    pub station: StationId,
    /// The protocol's accepted version the form was given out against.
    pub version: u32,
    pub text: String,
    pub contact: String,
    /// The client address's key (see [`crate::ClientAddress::key`]).
    pub address: String,
}

/// A report as the staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub id: i64,
    /// Seconds since 1970, UTC.
    pub received_at: i64,
    pub election: ElectionId,
    pub constituency: ConstituencyNo,
    pub station: StationId,
    pub protocol_version: u32,
    pub text: String,
    pub contact: String,
    pub address: String,
    pub status: ReportStatus,
    /// The complaint it was registered as.
    pub complaint: Option<String>,
    /// Why it was dismissed.
    pub reason: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
}

/// How the staff decided a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Registered { complaint: String },
    Dismissed { reason: String },
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("too many reports ({}); try again in {retry_after} s", limit.name())]
    TooMany {
        limit: ReportLimit,
        /// Seconds until the counter's window ends.
        retry_after: i64,
    },
    #[error("there is no report {0}")]
    Unknown(i64),
    #[error("report {0} has already been registered or dismissed")]
    NotOpen(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The reports of one record's database, and the secret the forms' tokens are made with.
pub struct Reports {
    limits: ReportLimits,
    pub(crate) key: TokenKey,
    last_prune: AtomicI64,
}

const RESERVE: &str = "INSERT INTO report_counters (scope, key, window_start, reports) \
     VALUES ($1, $2, $3, 1) \
     ON CONFLICT (scope, key) DO UPDATE SET \
     reports = CASE WHEN report_counters.window_start <= $4 THEN 1 \
               ELSE report_counters.reports + 1 END, \
     window_start = CASE WHEN report_counters.window_start <= $4 THEN $3 \
                    ELSE report_counters.window_start END \
     WHERE report_counters.window_start <= $4 OR report_counters.reports < $5 \
     RETURNING window_start";

const INSERT: &str = "INSERT INTO public_reports (received_at, election, constituency, \
     station, protocol_version, text, contact, address, status) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open') RETURNING id";

const COLUMNS: &str = "id, received_at, election, constituency, station, protocol_version, \
     text, contact, address, status, complaint, reason, decided_by, decided_at";

type ReportRow = (
    i64,
    i64,
    String,
    i64,
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

impl Reports {
    pub fn new(limits: ReportLimits) -> Result<Reports, StoreError> {
        Ok(Reports {
            limits,
            key: TokenKey::random()?,
            last_prune: AtomicI64::new(0),
        })
    }

    /// Stores `report` at `now` if every counter has room for it, and returns its number.
    /// The counters and the report are written in one transaction: durable together, or
    /// not at all.
    pub(crate) async fn receive(
        &self,
        db: &Db,
        report: &NewReport,
        now: i64,
    ) -> Result<i64, ReportError> {
        self.prune(db, now).await?;
        let window = self.limits.window;
        let counters = [
            (ReportLimit::Address, report.address.clone()),
            (
                ReportLimit::Station,
                format!("{}/{}", report.constituency, report.station),
            ),
            (ReportLimit::Global, String::new()),
        ];
        let limits = self.limits;
        let stored: Result<Result<i64, ReportLimit>, sqlx::Error> = on_db!(db, pool => async {
            let mut tx = pool.begin().await?;
            for (limit, key) in &counters {
                let reserved: Option<i64> = sqlx::query_scalar(RESERVE)
                    .bind(limit.name())
                    .bind(key)
                    .bind(now)
                    .bind(now - window)
                    .bind(limit.max(&limits))
                    .fetch_optional(&mut *tx)
                    .await?;
                if reserved.is_none() {
                    tx.rollback().await?;
                    return Ok(Err(*limit));
                }
            }
            let id: i64 = sqlx::query_scalar(INSERT)
                .bind(now)
                .bind(report.election.to_string())
                .bind(i64::from(report.constituency.0))
                .bind(i64::from(report.station.0))
                .bind(i64::from(report.version))
                .bind(&report.text)
                .bind(&report.contact)
                .bind(&report.address)
                .fetch_one(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Ok(id))
        }
        .await);
        match stored.map_err(store("storing a public report"))? {
            Ok(id) => Ok(id),
            Err(limit) => {
                let key = &counters.iter().find(|(l, _)| *l == limit).map(|(_, k)| k);
                let started: Option<i64> = on_db!(db, pool => sqlx::query_scalar(
                    "SELECT window_start FROM report_counters WHERE scope = $1 AND key = $2")
                    .bind(limit.name())
                    .bind(key.cloned().unwrap_or_default())
                    .fetch_optional(pool)
                    .await)
                .map_err(store("reading a report counter"))?;
                Err(ReportError::TooMany {
                    limit,
                    retry_after: (started.unwrap_or(now) + window - now).max(1),
                })
            }
        }
    }

    /// The report numbered `id`.
    pub(crate) async fn get(&self, db: &Db, id: i64) -> Result<Report, ReportError> {
        let sql = format!("SELECT {COLUMNS} FROM public_reports WHERE id = $1");
        let row: Option<ReportRow> = on_db!(db, pool => sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)
        .map_err(store("reading a public report"))?;
        row.map(report_from_row).ok_or(ReportError::Unknown(id))
    }

    /// The reports in `status` (every one without), oldest first, at most [`MAX_LISTED`].
    pub(crate) async fn list(
        &self,
        db: &Db,
        status: Option<ReportStatus>,
    ) -> Result<Vec<Report>, ReportError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM public_reports WHERE ($1 IS NULL OR status = $1) \
             ORDER BY id LIMIT $2"
        );
        let rows: Vec<ReportRow> = on_db!(db, pool => sqlx::query_as(&sql)
            .bind(status.map(ReportStatus::name))
            .bind(MAX_LISTED)
            .fetch_all(pool)
            .await)
        .map_err(store("listing public reports"))?;
        Ok(rows.into_iter().map(report_from_row).collect())
    }

    /// Marks an open report decided by `user` at `now`; refused when it is not open (any
    /// more: of two staff deciding at once, one wins).
    pub(crate) async fn decide(
        &self,
        db: &Db,
        id: i64,
        decision: &Decision,
        user: &str,
        now: i64,
    ) -> Result<(), ReportError> {
        let (status, complaint, reason) = match decision {
            Decision::Registered { complaint } => {
                (ReportStatus::Registered, Some(complaint.as_str()), None)
            }
            Decision::Dismissed { reason } => {
                (ReportStatus::Dismissed, None, Some(reason.as_str()))
            }
        };
        let changed = on_db!(db, pool => sqlx::query(
            "UPDATE public_reports SET status = $1, complaint = $2, reason = $3, \
             decided_by = $4, decided_at = $5 WHERE id = $6 AND status = 'open'")
            .bind(status.name())
            .bind(complaint)
            .bind(reason)
            .bind(user)
            .bind(now)
            .bind(id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .map_err(store("deciding a public report"))?;
        if changed == 1 {
            return Ok(());
        }
        self.get(db, id).await?;
        Err(ReportError::NotOpen(id))
    }

    /// Removes the counters of ended windows, at most every [`PRUNE_EVERY`] seconds.
    async fn prune(&self, db: &Db, now: i64) -> Result<(), StoreError> {
        let last = self.last_prune.load(Ordering::Relaxed);
        if now - last < PRUNE_EVERY
            || self
                .last_prune
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return Ok(());
        }
        on_db!(db, pool => sqlx::query("DELETE FROM report_counters WHERE window_start <= $1")
            .bind(now - self.limits.window)
            .execute(pool)
            .await
            .map(|_| ()))
        .map_err(store("removing ended report counters"))
    }
}

fn report_from_row(row: ReportRow) -> Report {
    let (id, received_at, election, constituency, station, version, text, contact, address) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
    );
    Report {
        id,
        received_at,
        election: ElectionId::new(election),
        // Written from the same types, so they fit; a row changed by hand reads as 0.
        constituency: ConstituencyNo(u16::try_from(constituency).unwrap_or(0)),
        station: StationId(u32::try_from(station).unwrap_or(0)),
        protocol_version: u32::try_from(version).unwrap_or(0),
        text,
        contact,
        address,
        status: ReportStatus::parse(&row.9).unwrap_or(ReportStatus::Open),
        complaint: row.10,
        reason: row.11,
        decided_by: row.12,
        decided_at: row.13,
    }
}

//! Bulk membership changes: any number of people added, removed, promoted or demoted, in paced
//! chunks, with an outcome per number read from the group's members (the service answers only
//! `{"value": true}`: developer.z-api.io/group/add-participant).

use std::time::Duration;

use super::Client;
use crate::api::MemberTarget;
use crate::bulk::{
    BulkInput, BulkOptions, BulkOutcome, BulkProgress, BulkProgressFn, BulkStatus, MemberChange, Members,
    NumberOutcome, classify,
};
use crate::error::Error;
use crate::model::{GroupId, Phone};

/// Times a chunk answered 429 is sent again (after its `Retry-After`) before it counts as failed.
const RATE_LIMIT_WAITS: u32 = 3;

impl Client {
    /// Adds any number of people to a community or group: repeats dropped and every number
    /// checked before anything is sent, then chunks paced by `options`, each followed by one read
    /// of the members, which is where each number's outcome comes from (`done`, `already_done`,
    /// `invited`, `not_done`, `failed`, `pending`). A 429 is waited out and the chunk sent again
    /// (it was not applied); any other failure is re-read, never re-sent, and stops the run: call
    /// again with the same list to resume.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`, `chunk_size`, `pause_ms`) before any request; the error
    /// of the first members read, before any change. Later failures are in the outcome.
    pub async fn add_participants_bulk(
        &self,
        target: impl Into<MemberTarget>,
        phones: &[impl AsRef<str>],
        options: BulkOptions,
    ) -> Result<BulkOutcome, Error> {
        self.bulk(MemberChange::Add, target.into(), BulkInput::read(phones)?, options, None).await
    }

    /// Removes any number of people from a community or group, as [`Client::add_participants_bulk`]
    /// adds them.
    ///
    /// # Errors
    /// As [`Client::add_participants_bulk`].
    pub async fn remove_participants_bulk(
        &self,
        target: impl Into<MemberTarget>,
        phones: &[impl AsRef<str>],
        options: BulkOptions,
    ) -> Result<BulkOutcome, Error> {
        self.bulk(MemberChange::Remove, target.into(), BulkInput::read(phones)?, options, None).await
    }

    /// Promotes any number of members to admins, as [`Client::add_participants_bulk`] adds people.
    ///
    /// # Errors
    /// As [`Client::add_participants_bulk`].
    pub async fn add_admins_bulk(
        &self,
        target: impl Into<MemberTarget>,
        phones: &[impl AsRef<str>],
        options: BulkOptions,
    ) -> Result<BulkOutcome, Error> {
        self.bulk(MemberChange::Promote, target.into(), BulkInput::read(phones)?, options, None).await
    }

    /// Takes admin rights from any number of people, as [`Client::add_participants_bulk`] adds
    /// people.
    ///
    /// # Errors
    /// As [`Client::add_participants_bulk`].
    pub async fn remove_admins_bulk(
        &self,
        target: impl Into<MemberTarget>,
        phones: &[impl AsRef<str>],
        options: BulkOptions,
    ) -> Result<BulkOutcome, Error> {
        self.bulk(MemberChange::Demote, target.into(), BulkInput::read(phones)?, options, None).await
    }

    /// Any of the four bulk calls (`change`), telling `progress` how far it has got after each
    /// chunk: what the bindings' progress callbacks are built on.
    ///
    /// # Errors
    /// As [`Client::add_participants_bulk`].
    pub async fn bulk_with_progress(
        &self,
        change: MemberChange,
        target: impl Into<MemberTarget>,
        phones: &[impl AsRef<str>],
        options: BulkOptions,
        progress: Option<&BulkProgressFn<'_>>,
    ) -> Result<BulkOutcome, Error> {
        self.bulk(change, target.into(), BulkInput::read(phones)?, options, progress).await
    }

    // Not generic over the list's type, so it is compiled once (the wasm module is measured).
    async fn bulk(
        &self,
        change: MemberChange,
        target: MemberTarget,
        input: BulkInput,
        options: BulkOptions,
        progress: Option<&BulkProgressFn<'_>>,
    ) -> Result<BulkOutcome, Error> {
        let (chunk_size, pause_ms) = options.pacing()?;
        let group = self.members_group(&target).await?;
        let mut run = Run { outcomes: Vec::with_capacity(input.phones.len()), requests: 0, metadata_reads: 0 };
        let before = run.read(self, &group).await?;
        let (done, todo): (Vec<Phone>, Vec<Phone>) =
            input.phones.iter().cloned().partition(|p| before.already(change, p));
        run.outcomes.extend(done.into_iter().map(|phone| NumberOutcome {
            phone,
            status: BulkStatus::AlreadyDone,
            reason: None,
        }));
        let mut complete = true;
        let chunks = count(todo.len().div_ceil(chunk_size));
        for (i, chunk) in todo.chunks(chunk_size).enumerate() {
            if !complete {
                run.outcomes.extend(chunk.iter().map(pending));
                continue;
            }
            if i > 0 && pause_ms > 0 {
                self.inner.transport.sleep(Duration::from_millis(u64::from(pause_ms))).await;
            }
            complete = run.chunk(self, change, &target, &group, chunk, options.auto_invite).await;
            if let Some(progress) = progress {
                let latest = run.outcomes[run.outcomes.len() - chunk.len()..].to_vec();
                let total = count(input.phones.len());
                let settled = count(run.outcomes.len());
                progress(&BulkProgress { settled, total, chunks_sent: count(i + 1), chunks, latest });
            }
        }
        // Back to the order the numbers were given in.
        let order: std::collections::HashMap<&Phone, usize> =
            input.phones.iter().enumerate().map(|(i, p)| (p, i)).collect();
        run.outcomes.sort_by_key(|o| order.get(&o.phone).copied().unwrap_or(usize::MAX));
        Ok(BulkOutcome {
            outcomes: run.outcomes,
            duplicates: input.duplicates.iter().map(|&i| u32::try_from(i).unwrap_or(u32::MAX)).collect(),
            complete,
            requests: run.requests,
            metadata_reads: run.metadata_reads,
        })
    }

    /// The group whose participants a change to `target` shows in: the group, or a community's
    /// announcement group.
    async fn members_group(&self, target: &MemberTarget) -> Result<GroupId, Error> {
        match target {
            MemberTarget::Group(group) => Ok(group.clone()),
            MemberTarget::Community(community) => Ok(self.resolve_announcement_group(community).await?.group_id),
        }
    }

    async fn send_chunk(
        &self,
        change: MemberChange,
        target: &MemberTarget,
        chunk: &[Phone],
        auto_invite: bool,
    ) -> Result<(), Error> {
        match change {
            MemberChange::Add => self.add_participants(target.clone(), chunk, auto_invite).await,
            MemberChange::Remove => self.remove_participants(target.clone(), chunk).await,
            MemberChange::Promote => self.add_admins(target.clone(), chunk).await,
            MemberChange::Demote => self.remove_admins(target.clone(), chunk).await,
        }
    }
}

/// The state of one bulk call.
struct Run {
    outcomes: Vec<NumberOutcome>,
    requests: u32,
    metadata_reads: u32,
}

impl Run {
    async fn read(&mut self, client: &Client, group: &GroupId) -> Result<Members, Error> {
        self.metadata_reads += 1;
        Ok(Members::of(&client.group_metadata(group).await?.participants))
    }

    /// Sends one chunk and records its numbers' outcomes; `false` when the run must stop.
    async fn chunk(
        &mut self,
        client: &Client,
        change: MemberChange,
        target: &MemberTarget,
        group: &GroupId,
        chunk: &[Phone],
        auto_invite: bool,
    ) -> bool {
        let mut waits = 0;
        let sent = loop {
            self.requests += 1;
            match client.send_chunk(change, target, chunk, auto_invite).await {
                // A 429 was not applied: wait as told, then send the same chunk again.
                Err(Error::RateLimited { retry_after_ms }) if waits < RATE_LIMIT_WAITS => {
                    waits += 1;
                    let wait = retry_after_ms.unwrap_or(1_000).min(600_000);
                    client.inner.transport.sleep(Duration::from_millis(wait)).await;
                }
                other => break other,
            }
        };
        let failure = sent.err();
        // After an answer, or after a failure that may have been applied: read, never re-send.
        match self.read(client, group).await {
            Ok(after) => {
                for phone in chunk {
                    let outcome = match &failure {
                        None => classify(change, phone, &after, auto_invite),
                        Some(_) if after.already(change, phone) => {
                            NumberOutcome { phone: phone.clone(), status: BulkStatus::Done, reason: None }
                        }
                        Some(error) => failed(client, phone, error),
                    };
                    self.outcomes.push(outcome);
                }
            }
            Err(read_error) => {
                let error = failure.as_ref().unwrap_or(&read_error);
                self.outcomes.extend(chunk.iter().map(|p| failed(client, p, error)));
                return false;
            }
        }
        failure.is_none()
    }
}

/// A number of a failed chunk. The error's text goes into a record the caller may log, so it is
/// redacted again here, as the bindings redact errors they raise.
fn failed(client: &Client, phone: &Phone, error: &Error) -> NumberOutcome {
    let reason = client.endpoint().redact(&error.to_string());
    NumberOutcome { phone: phone.clone(), status: BulkStatus::Failed, reason: Some(reason) }
}

fn pending(phone: &Phone) -> NumberOutcome {
    NumberOutcome { phone: phone.clone(), status: BulkStatus::Pending, reason: None }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

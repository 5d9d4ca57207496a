//! A bulk call's list of numbers, read whole before anything is sent.

use crate::error::Error;
use crate::model::Phone;

/// The most invalid numbers a refusal lists one by one; the rest are counted.
pub const MAX_LISTED_INVALID: usize = 20;

/// The numbers of a bulk call: valid, each once, in the order first given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkInput {
    /// The numbers to act on.
    pub phones: Vec<Phone>,
    /// Indices in the given list of numbers dropped because they repeat an earlier one (in their
    /// normalised form: `+55 11 9…` and `55119…` are the same number).
    pub duplicates: Vec<usize>,
}

impl BulkInput {
    /// Reads `raw`, normalising each number and dropping repeats.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `phones` when the list is empty or any entry is not a phone
    /// number; the reason lists every bad entry with its index (the first
    /// [`MAX_LISTED_INVALID`], then a count), so one refusal says everything to fix.
    pub fn read<S: AsRef<str>>(raw: &[S]) -> Result<Self, Error> {
        if raw.is_empty() {
            return Err(Error::validation("phones", "must list at least one number"));
        }
        let mut phones: Vec<Phone> = Vec::with_capacity(raw.len());
        let mut seen = std::collections::HashSet::with_capacity(raw.len());
        let mut duplicates = Vec::new();
        let mut invalid = Vec::new();
        for (i, entry) in raw.iter().enumerate() {
            match Phone::parse(entry.as_ref()) {
                Ok(phone) if seen.insert(phone.clone()) => phones.push(phone),
                Ok(_) => duplicates.push(i),
                Err(error) => invalid.push((i, entry.as_ref().to_owned(), error.into_reason())),
            }
        }
        if invalid.is_empty() {
            return Ok(Self { phones, duplicates });
        }
        let mut listed: Vec<String> = invalid
            .iter()
            .take(MAX_LISTED_INVALID)
            .map(|(i, entry, why)| format!("phones[{i}] {entry:?}: {why}"))
            .collect();
        if invalid.len() > MAX_LISTED_INVALID {
            listed.push(format!("and {} more", invalid.len() - MAX_LISTED_INVALID));
        }
        let count = invalid.len();
        let noun = if count == 1 { "entry is" } else { "entries are" };
        Err(Error::validation(
            "phones",
            format!("{count} {noun} not a phone number, so nothing was sent: {}", listed.join("; ")),
        ))
    }

    /// The numbers in chunks of at most `size` (at least 1), in order.
    pub fn chunks(&self, size: usize) -> impl Iterator<Item = &[Phone]> {
        self.phones.chunks(size.max(1))
    }
}

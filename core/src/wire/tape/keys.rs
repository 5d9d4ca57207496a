//! The keys a reader looks up in a document's root object, fixed when it is compiled.
//!
//! The table that finds a key's number is built by the compiler (`KeySet::new` is a `const fn`),
//! and the tape files the root's members under those numbers in one pass
//! ([`Tape::file_root`](super::Tape::file_root)). A lookup is then an array read: no hash table
//! is built per document and no key is compared per lookup.

/// Slots of a [`KeySet`]'s table: a power of two, at least twice the largest set.
const TABLE: usize = 256;

/// The most names a set may hold: keeps the table at most half full, so probes stay short.
const MAX_NAMES: usize = TABLE / 2;

/// A fixed list of names, each known by its position.
pub(crate) struct KeySet {
    names: &'static [&'static str],
    /// Open addressing over the names' hashes: each slot holds a name's position + 1, or 0.
    table: [u8; TABLE],
}

impl KeySet {
    /// The set of `names`. Fails to compile (in a `const` or `static`) on a name listed twice or
    /// more than [`MAX_NAMES`] names.
    pub(crate) const fn new(names: &'static [&'static str]) -> KeySet {
        assert!(names.len() <= MAX_NAMES, "a key set holds at most 128 names");
        let mut table = [0u8; TABLE];
        let mut i = 0;
        while i < names.len() {
            let name = names[i].as_bytes();
            let mut at = first_slot(hash(name));
            while table[at] != 0 {
                assert!(!same(names[table[at] as usize - 1].as_bytes(), name), "a key set lists a name twice");
                at = (at + 1) % TABLE;
            }
            table[at] = (i + 1) as u8;
            i += 1;
        }
        KeySet { names, table }
    }

    /// How many names the set holds.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The position of `key` in the set, if it is one of its names.
    #[inline]
    pub(crate) fn find(&self, key: &[u8]) -> Option<usize> {
        let mut at = first_slot(hash(key));
        loop {
            let id = usize::from(self.table[at]);
            if id == 0 {
                return None;
            }
            if self.names[id - 1].as_bytes() == key {
                return Some(id - 1);
            }
            at = (at + 1) % TABLE;
        }
    }
}

/// `a == b`, for `const` code.
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A key's length and its first and last four bytes, mixed by one multiplication (its high
/// bits pick the slot): cheap for the short keys of a webhook body, which differ in those.
const fn hash(bytes: &[u8]) -> u32 {
    let len = bytes.len();
    let (head, tail) = if len >= 4 {
        (word(bytes, 0), word(bytes, len - 4))
    } else {
        // Keys under four bytes are rare: byte by byte.
        let mut short = 0u32;
        let mut i = 0;
        while i < len {
            short = (short << 8) | bytes[i] as u32;
            i += 1;
        }
        (short, short)
    };
    (head ^ tail.rotate_left(16) ^ (len as u32).wrapping_mul(0x0101_0101)).wrapping_mul(0x9e37_79b1)
}

/// The four bytes at `at`, little-endian.
const fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The first slot to probe for `hash`.
const fn first_slot(hash: u32) -> usize {
    (hash >> 24) as usize % TABLE
}

#[cfg(test)]
mod tests {
    use super::*;

    static SET: KeySet = KeySet::new(&["type", "phone", "a", "", "isGroup", "isGroupe", "ids", "idz"]);

    #[test]
    fn finds_each_name_and_nothing_else() {
        for (at, name) in SET.names.iter().enumerate() {
            assert_eq!(SET.find(name.as_bytes()), Some(at), "{name:?}");
        }
        for other in ["typ", "types", "Type", "b", " ", "isGrou", "phone\0", "id", "idss"] {
            assert_eq!(SET.find(other.as_bytes()), None, "{other:?}");
        }
        assert_eq!(SET.len(), 8);
    }

    /// `names` as a set made at run time (the names leaked: a test's).
    fn leaked(names: impl Iterator<Item = String>) -> KeySet {
        KeySet::new(Vec::leak(names.map(|name| &*String::leak(name)).collect()))
    }

    #[test]
    fn a_full_set_still_finds_every_name() {
        // Short names alike in head and tail, as many as a set may hold.
        let full = leaked((0..MAX_NAMES).map(|i| format!("k{i:02x}")));
        for at in 0..MAX_NAMES {
            assert_eq!(full.find(format!("k{at:02x}").as_bytes()), Some(at));
        }
        assert_eq!(full.find(b"k80"), None);
    }

    #[test]
    #[should_panic(expected = "lists a name twice")]
    fn a_name_listed_twice_is_refused() {
        leaked(["phone", "type", "phone"].into_iter().map(String::from));
    }

    #[test]
    #[should_panic(expected = "at most 128 names")]
    fn too_many_names_are_refused() {
        leaked((0..=MAX_NAMES).map(|i| format!("k{i}")));
    }
}

//! Deterministic ids, links and clock ticks, all drawn from counters in the state so that two
//! runs of the same requests produce byte-identical answers.

use super::state::SimState;

/// Prefix of generated ids: 10 digits, then an 8-digit counter = 18 digits, the length of the
/// current group-style ids (developer.z-api.io/group/introduction: `120363019502650977`).
const ID_PREFIX: &str = "1203630000";

impl SimState {
    /// Advances the logical clock and returns the new time in seconds.
    pub(crate) fn tick(&mut self) -> u64 {
        self.clock = self.clock.saturating_add(1);
        self.clock
    }

    /// Takes the next counter value.
    fn take_seq(&mut self) -> u64 {
        let seq = self.next_seq;
        self.next_seq = self.next_seq.wrapping_add(1);
        seq
    }

    /// A new community id (bare digits, no `-group`, developer.z-api.io/group/introduction), unused
    /// by anything in the state.
    pub(crate) fn new_community_id(&mut self) -> String {
        loop {
            let id = format!("{ID_PREFIX}{:08}", self.take_seq());
            if !self.id_in_use(&id) {
                return id;
            }
        }
    }

    /// A new group id, `<18 digits>-group` (developer.z-api.io/group/introduction), unused by
    /// anything in the state.
    pub(crate) fn new_group_id(&mut self) -> String {
        loop {
            let id = format!("{ID_PREFIX}{:08}-group", self.take_seq());
            if !self.id_in_use(&id) {
                return id;
            }
        }
    }

    /// A new invitation link, different from every link in the state. Real links are
    /// `https://chat.whatsapp.com/` + 22 characters
    /// (developer.z-api.io/communities/redefine-invitation-link); these are too.
    pub(crate) fn new_invitation_link(&mut self) -> String {
        loop {
            let link = format!("https://chat.whatsapp.com/SimInvite{:013}", self.take_seq());
            let used = self.groups.iter().any(|g| g.invitation_link == link)
                || self.communities.iter().any(|c| c.invitation_link == link);
            if !used {
                return link;
            }
        }
    }

    /// A new `(zaapId, messageId)` pair shaped like the documented examples (32 and 20 characters).
    pub(crate) fn new_message_ids(&mut self) -> (String, String) {
        let seq = self.take_seq();
        (format!("SIMZAAP{seq:025}"), format!("3EB0SIM{seq:013}"))
    }

    fn id_in_use(&self, id: &str) -> bool {
        let bare = id.trim_end_matches("-group");
        self.communities.iter().any(|c| c.id == id || c.id == bare)
            || self.groups.iter().any(|g| g.phone == id || g.phone.trim_end_matches("-group") == bare)
    }
}

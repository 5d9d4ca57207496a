//! Account settings that decide what others can do with the connected number.

use crate::api::{GetGroupAddBlacklist, SetGroupAddPrivacy};
use crate::error::Error;
use crate::model::{GroupAddPrivacy, Phone};

use super::Client;

impl Client {
    /// Sets who may add the connected number to groups (an account setting: the reason adding
    /// someone fails is often theirs). With `contact_blacklist`, `blacklist_add` and
    /// `blacklist_remove` change who is on the blacklist.
    ///
    /// # Errors
    /// [`Error::Validation`] (`blacklist_add`, `blacklist_remove`) or any call error.
    pub async fn set_group_add_privacy(
        &self,
        who: GroupAddPrivacy,
        blacklist_add: &[Phone],
        blacklist_remove: &[Phone],
    ) -> Result<(), Error> {
        let call = SetGroupAddPrivacy {
            who,
            blacklist_add: blacklist_add.to_vec(),
            blacklist_remove: blacklist_remove.to_vec(),
        };
        self.execute(&call).await
    }

    /// The numbers that may not add the connected number to groups (the blacklist of
    /// `contact_blacklist`). The service does not say which setting is in force.
    ///
    /// # Errors
    /// Any call error.
    pub async fn group_add_privacy(&self) -> Result<Vec<String>, Error> {
        self.execute(&GetGroupAddBlacklist).await
    }
}

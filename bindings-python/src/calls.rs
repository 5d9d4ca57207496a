//! Every client method once, as a future over owned arguments: `Client` blocks on it with the
//! GIL released, `AsyncClient` hands it to the event loop. Each converts its arguments with
//! `convert` and calls the core method of the same name; nothing else happens here.

use zapi_communities::api::SendText;
use zapi_communities::api::validate::{parse_group_ids, parse_phones};
use zapi_communities::{
    Announcement, AnnouncementGroup, AnnouncementSource, Chat, Client, Community, CommunityId, CommunitySummary,
    CreatedGroup, Error, GroupId, GroupMetadata, GroupSettings, LinkOutcome, Photo, SentMessage, UnlinkOutcome,
    WhoCanAddGroups,
};

use crate::convert::{self, MessageOptions, Named, count};

type Out<T> = Result<T, Error>;

fn community(raw: &str) -> Out<CommunityId> {
    CommunityId::parse(raw)
}

fn group(raw: &str) -> Out<GroupId> {
    GroupId::parse(raw)
}

pub(crate) async fn create_community(c: Client, name: String, description: Option<String>) -> Out<Community> {
    c.create_community(&name, description.as_deref()).await
}

pub(crate) async fn list_communities(c: Client, page: i64, page_size: i64) -> Out<Vec<CommunitySummary>> {
    c.list_communities(count("page", page)?, count("page_size", page_size)?).await
}

pub(crate) async fn community_metadata(c: Client, community_id: String) -> Out<Community> {
    c.community_metadata(&community(&community_id)?).await
}

pub(crate) async fn link_groups(c: Client, community_id: String, group_ids: Vec<String>) -> Out<LinkOutcome> {
    c.link_groups(&community(&community_id)?, &parse_group_ids("group_ids", &group_ids)?).await
}

pub(crate) async fn unlink_groups(c: Client, community_id: String, group_ids: Vec<String>) -> Out<UnlinkOutcome> {
    c.unlink_groups(&community(&community_id)?, &parse_group_ids("group_ids", &group_ids)?).await
}

pub(crate) async fn deactivate_community(c: Client, community_id: String) -> Out<()> {
    c.deactivate_community(&community(&community_id)?).await
}

pub(crate) async fn update_community_settings(
    c: Client,
    community_id: String,
    who_can_add_new_groups: Named<WhoCanAddGroups>,
) -> Out<()> {
    c.update_community_settings(&community(&community_id)?, who_can_add_new_groups.resolve()?).await
}

pub(crate) async fn update_community_description(c: Client, community_id: String, description: String) -> Out<()> {
    c.update_community_description(&community(&community_id)?, &description).await
}

pub(crate) async fn update_community_photo(c: Client, community_id: String, photo: String) -> Out<()> {
    c.update_community_photo(&community(&community_id)?, &Photo::parse(&photo)?).await
}

pub(crate) async fn add_participants(c: Client, target: String, phones: Vec<String>, auto_invite: bool) -> Out<()> {
    c.add_participants(convert::target(&target)?, &parse_phones("phones", &phones)?, auto_invite).await
}

pub(crate) async fn remove_participants(c: Client, target: String, phones: Vec<String>) -> Out<()> {
    c.remove_participants(convert::target(&target)?, &parse_phones("phones", &phones)?).await
}

pub(crate) async fn add_admins(c: Client, target: String, phones: Vec<String>) -> Out<()> {
    c.add_admins(convert::target(&target)?, &parse_phones("phones", &phones)?).await
}

pub(crate) async fn remove_admins(c: Client, target: String, phones: Vec<String>) -> Out<()> {
    c.remove_admins(convert::target(&target)?, &parse_phones("phones", &phones)?).await
}

pub(crate) async fn redefine_invitation_link(c: Client, target: String) -> Out<String> {
    c.redefine_invitation_link(convert::target(&target)?).await
}

pub(crate) async fn community_invitation_link(c: Client, community_id: String) -> Out<String> {
    c.community_invitation_link(&community(&community_id)?).await
}

pub(crate) async fn group_invitation_link(c: Client, group_id: String) -> Out<String> {
    c.group_invitation_link(&group(&group_id)?).await
}

pub(crate) async fn create_group(c: Client, name: String, phones: Vec<String>, auto_invite: bool) -> Out<CreatedGroup> {
    c.create_group(&name, &parse_phones("phones", &phones)?, auto_invite).await
}

pub(crate) async fn list_chats(c: Client, page: i64, page_size: i64) -> Out<Vec<Chat>> {
    c.list_chats(count("page", page)?, count("page_size", page_size)?).await
}

pub(crate) async fn list_announcement_groups(c: Client, page: i64, page_size: i64) -> Out<Vec<String>> {
    let found = c.list_announcement_groups(count("page", page)?, count("page_size", page_size)?).await?;
    Ok(found.into_iter().map(|id| id.as_str().to_owned()).collect())
}

pub(crate) async fn group_metadata(c: Client, group_id: String) -> Out<GroupMetadata> {
    c.group_metadata(&group(&group_id)?).await
}

pub(crate) async fn update_group_settings(c: Client, group_id: String, settings: GroupSettings) -> Out<()> {
    c.update_group_settings(&group(&group_id)?, settings).await
}

pub(crate) async fn send_text(
    c: Client,
    to: String,
    message: String,
    edit_message_id: Option<String>,
    options: MessageOptions,
) -> Out<SentMessage> {
    // `recipient` refuses a community id the client knows (NotAnnouncementGroupError).
    let to = c.recipient(&to)?;
    let call = SendText { edit_message_id, ..options.into_core()?.into_send_text(to, message) };
    c.send_text(&call).await
}

pub(crate) async fn announce(
    c: Client,
    community_id: String,
    text: String,
    options: MessageOptions,
) -> Out<Announcement> {
    c.announce(&community(&community_id)?, &text, options.into_core()?).await
}

pub(crate) async fn resolve_announcement_group(
    c: Client,
    community_id: String,
    source: Option<Named<AnnouncementSource>>,
) -> Out<AnnouncementGroup> {
    let id = community(&community_id)?;
    match source {
        None => c.resolve_announcement_group(&id).await,
        Some(source) => c.resolve_announcement_group_from(&id, source.resolve()?).await,
    }
}

// ----- no I/O: the same in both clients ------------------------------------------------------

pub(crate) fn remember_announcement_group(c: &Client, community_id: &str, group_id: &str) -> Out<AnnouncementGroup> {
    Ok(c.remember_announcement_group(&community(community_id)?, &group(group_id)?))
}

pub(crate) fn cached_announcement_group(c: &Client, community_id: &str) -> Out<Option<AnnouncementGroup>> {
    Ok(c.cached_announcement_group(&community(community_id)?))
}

pub(crate) fn invalidate(c: &Client, community_id: &str) -> Out<()> {
    c.invalidate(&community(community_id)?);
    Ok(())
}

pub(crate) fn invalidate_all(c: &Client) -> Out<()> {
    c.invalidate_all();
    Ok(())
}

//! A guided tour of the Communities features.
//!
//! ```text
//! cargo run --example tour            # on the embedded simulator: no network, no credentials
//! cargo run --example tour -- --live  # on a real instance, from ZAPI_INSTANCE_ID, ZAPI_TOKEN,
//!                                     # ZAPI_CLIENT_TOKEN, ZAPI_BASE_URL and ZAPI_TOUR_PHONES
//!                                     # (three or more comma-separated numbers to add to groups)
//! ```
//! Both modes run the same code; only the client differs.

use std::fmt::Write as _;
use std::sync::Arc;

use zapi_communities::sim::Simulator;
use zapi_communities::webhook::GroupNotification;
use zapi_communities::{AnnounceOptions, Client, Error, GroupId, GroupSettings, Phone, WebhookEvent, WhoCanAddGroups};

/// The tour's bot: approves join requests from `allowed`, rejects the rest, and welcomes new
/// members of a linked group in the community's announcement group. Returns what it did.
async fn bot(client: &Client, allowed: &[Phone], event: WebhookEvent) -> Result<Option<String>, Error> {
    let WebhookEvent::Message { message } = event else { return Ok(None) };
    let group = GroupId::parse(&message.chat)?;
    match message.notification {
        Some(GroupNotification::JoinRequest { requesters, .. }) => {
            let (yes, no): (Vec<Phone>, Vec<Phone>) =
                zapi_communities::api::validate::parse_phones("requesters", &requesters)?
                    .into_iter()
                    .partition(|p| allowed.contains(p));
            let mut done = Vec::new();
            if !yes.is_empty() {
                client.approve_participants(&group, &yes).await?;
                done.push(format!("approved {}", join(&yes)));
            }
            if !no.is_empty() {
                client.reject_participants(&group, &no).await?;
                done.push(format!("rejected {} (not on the list)", join(&no)));
            }
            Ok(Some(done.join("; ")))
        }
        Some(GroupNotification::ParticipantsAdded { participants }) => {
            let Some(context) = client.community_context(&group).await? else { return Ok(None) };
            if context.is_announcement_group {
                return Ok(None);
            }
            let welcome = format!("Welcome, {}!", participants.join(", "));
            client.announce(&context.community_id, &welcome, AnnounceOptions::default()).await?;
            Ok(Some(format!("announced \"{welcome}\" to the whole community")))
        }
        _ => Ok(None),
    }
}

fn join(phones: &[Phone]) -> String {
    phones.iter().map(Phone::as_str).collect::<Vec<_>>().join(", ")
}

/// Numbers the simulator accepts as people to add; a live run takes them from `ZAPI_TOUR_PHONES`.
const DEMO_PHONES: [&str; 4] = ["5511911110001", "5511911110002", "5511911110003", "5511911110004"];

#[allow(dead_code)] // also compiled into the tour test, which calls `run` directly
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let live = std::env::args().any(|a| a == "--live") || std::env::var_os("ZAPI_INSTANCE_ID").is_some();
    let outcome = async {
        let (client, phones, simulator) = if live {
            let raw = std::env::var("ZAPI_TOUR_PHONES").unwrap_or_default();
            let phones: Vec<&str> = raw.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
            (Client::from_env()?, zapi_communities::api::validate::parse_phones("ZAPI_TOUR_PHONES", &phones)?, None)
        } else {
            let simulator = Arc::new(Simulator::demo());
            let client = Client::simulated_with(Arc::clone(&simulator))?;
            (client, zapi_communities::api::validate::parse_phones("phones", &DEMO_PHONES)?, Some(simulator))
        };
        println!("Running the tour on {}\n", if live { "a live instance" } else { "the embedded simulator" });
        run(&client, &phones, simulator.as_deref(), &mut |line| println!("{line}")).await
    }
    .await;
    if let Err(error) = outcome {
        eprintln!("tour failed: {error}");
        std::process::exit(1);
    }
}

/// The story, printed line by line through `out`. `simulator` is the one behind `client`, if any:
/// it plays someone outside the account asking to join (on a live instance that request comes
/// from a real person, as a `MEMBERSHIP_APPROVAL_REQUEST` webhook).
pub async fn run(
    client: &Client,
    phones: &[Phone],
    simulator: Option<&Simulator>,
    out: &mut dyn FnMut(String),
) -> Result<(), Error> {
    if phones.len() < 3 {
        return Err(Error::validation("phones", "the tour needs at least three phone numbers"));
    }
    let mut say = |text: String| out(text);

    say("1. Create a community".into());
    let community = client.create_community("Rua das Flores", Some("Everything about our street")).await?;
    say(format!("   community {} \"{}\"", community.id, community.name));
    let announcement = client.resolve_announcement_group(&community.id).await?;
    say(format!(
        "   its announcement group is {} (found in the {}; cached: {})",
        announcement.group_id,
        announcement.source.as_str().replace('_', " "),
        announcement.from_cache
    ));

    say("2. Create two groups and link them".into());
    let building = client.create_group("Building A", &phones[..2], true).await?;
    let gardens = client.create_group("Gardens", &phones[1..3], true).await?;
    say(format!("   created {} (Building A) and {} (Gardens)", building.id, gardens.id));
    client.link_groups(&community.id, &[building.id.clone(), gardens.id.clone()]).await?;
    let metadata = client.community_metadata(&community.id).await?;
    say(format!(
        "   linked; the community now lists {} groups besides the announcement group",
        metadata.regular_groups().count()
    ));

    say("3. Find the announcement group again, three ways".into());
    client.invalidate(&community.id);
    let from_metadata = client.resolve_announcement_group(&community.id).await?;
    say(format!(
        "   after forgetting it: {} from the {}",
        from_metadata.group_id,
        from_metadata.source.as_str().replace('_', " ")
    ));
    let from_chats =
        client.resolve_announcement_group_from(&community.id, zapi_communities::AnnouncementSource::ChatList).await?;
    say(format!("   from the chat list, confirmed by group metadata: {}", from_chats.group_id));
    let again = client.resolve_announcement_group(&community.id).await?;
    say(format!("   asked again: {} (cached: {})", again.group_id, again.from_cache));

    say("4. Announce to the whole community".into());
    let reach = members(client, &announcement.group_id).await?;
    let sent = client
        .announce(
            &community.id,
            "Street party on Saturday at 6pm!",
            AnnounceOptions { delay_typing: Some(2), ..Default::default() },
        )
        .await?;
    say(format!(
        "   message {} queued in {}, reaching {} people",
        sent.message.message_id,
        sent.announcement_group.group_id,
        reach.len()
    ));
    // Sent means queued: while the phone is offline, messages wait in the instance's queue.
    let waiting = client.queued_messages().await?;
    say(format!("   waiting in the queue for the phone: {} messages", waiting.len()));
    match client.recipient(community.id.as_str()) {
        Err(Error::NotAnnouncementGroup { .. }) => {
            say("   sending to the community id itself is refused: use its announcement group".into())
        }
        other => say(format!("   unexpected: sending to the community id gave {other:?}")),
    }

    say("5. A bot decides on requests to join".into());
    let approval = GroupSettings { require_admin_approval: true, ..GroupSettings::default() };
    client.update_group_settings(&gardens.id, approval).await?;
    say("   joining Gardens now needs an admin's approval".into());
    match simulator {
        Some(simulator) => {
            let (listed, stranger) = ("5511911110099", "5511911110098");
            let link = client.group_invitation_link(&gardens.id).await?;
            simulator.take_webhooks(); // what the earlier steps posted
            simulator.invite_join(&link, listed)?;
            simulator.invite_join(&link, stranger)?;
            say(format!("   {listed} (on the bot's list) and {stranger} (not on it) asked to join"));
            // The bot's loop, fed by the simulator's webhooks instead of an HTTP receiver.
            let allowed = [Phone::parse(listed)?];
            while let events = simulator.take_webhooks()
                && !events.is_empty()
            {
                for posted in events {
                    let event = zapi_communities::parse_webhook(posted.body.as_bytes())?;
                    if let Some(line) = bot(client, &allowed, event).await? {
                        say(format!("   bot: {line}"));
                    }
                }
            }
            let everyone = client.community_members(&community.id).await?;
            let is_in = |phone: &str| everyone.iter().any(|p| p.phone == phone);
            say(format!(
                "   the community has {} members; {listed} in it: {}, {stranger} in it: {}",
                everyone.len(),
                is_in(listed),
                is_in(stranger)
            ));
        }
        None => say("   a bot decides on the requests your webhook posts: see the bot examples".into()),
    }

    say("6. Promote an admin and reset the invite link".into());
    client.add_admins(&community.id, &phones[2..3]).await?;
    say(format!("   {} is now a community admin", phones[2]));
    let old_link = client.community_invitation_link(&community.id).await?;
    let new_link = client.redefine_invitation_link(&community.id).await?;
    say(format!("   invite link changed: {}", if old_link != new_link { "yes" } else { "no" }));

    say("7. Unlink a group".into());
    client.unlink_groups(&community.id, std::slice::from_ref(&building.id)).await?;
    let after = members(client, &announcement.group_id).await?;
    let mut left: Vec<&String> = reach.iter().filter(|p| !after.contains(p)).collect();
    left.sort();
    let mut line = String::from("   left the announcement group:");
    for phone in &left {
        let _ = write!(line, " {phone}");
    }
    if left.is_empty() {
        line.push_str(" nobody (everyone is still in another linked group)");
    }
    say(line);
    match client.unlink_groups(&community.id, std::slice::from_ref(&gardens.id)).await {
        Err(Error::Validation { reason, .. }) => say(format!("   unlinking the last group is refused: {reason}")),
        other => say(format!("   unexpected: unlinking the last group gave {other:?}")),
    }

    say("8. Change who may add groups".into());
    client.update_community_settings(&community.id, WhoCanAddGroups::All).await?;
    say("   every member may now add groups".into());

    say("9. Deactivate the community".into());
    client.deactivate_community(&community.id).await?;
    for group in [&building.id, &gardens.id] {
        let meta = client.group_metadata(group).await?;
        say(format!(
            "   group {} still exists, {} members, community: {}",
            meta.id,
            meta.participants.len(),
            meta.community_id.map(|c| c.to_string()).unwrap_or_else(|| "none".into())
        ));
    }
    say("Done.".into());
    Ok(())
}

async fn members(client: &Client, group: &GroupId) -> Result<Vec<String>, Error> {
    Ok(client.group_metadata(group).await?.participants.into_iter().map(|p| p.phone).collect())
}

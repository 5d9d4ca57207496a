package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.MessageOptions
import io.zapi.communities.core.Announcement
import io.zapi.communities.core.AnnouncementGroup
import io.zapi.communities.core.AnnouncementSource
import io.zapi.communities.core.Chat
import io.zapi.communities.core.Community
import io.zapi.communities.core.CommunitySummary
import io.zapi.communities.core.CreatedGroup
import io.zapi.communities.core.GroupAddPrivacy
import io.zapi.communities.core.GroupInvitationMetadata
import io.zapi.communities.core.GroupMentionInput
import io.zapi.communities.core.GroupMetadata
import io.zapi.communities.core.GroupSettings
import io.zapi.communities.core.LinkOutcome
import io.zapi.communities.core.LinkedGroup
import io.zapi.communities.core.Participant
import io.zapi.communities.core.SkippedGroup
import io.zapi.communities.core.UnlinkOutcome
import io.zapi.communities.core.SentMessage
import io.zapi.communities.core.QueuePage
import io.zapi.communities.core.QueuedMessage
import io.zapi.communities.core.WebhookKind
import io.zapi.communities.core.WhoCanAddGroups
import io.zapi.communities.core.ZapiException

/**
 * The Kotlin twin of Rust's `core/tests/support/mod.rs`: runs a call named in a shared case
 * (`create_community`, …) with its snake_case `args` through the Kotlin client, and returns the
 * result in the vectors' camelCase JSON shape (plain values, see [Json]); `null` for calls that
 * return nothing. Missing arguments take the same defaults as the Rust dispatcher.
 */
object Dispatcher {
    private fun Map<String, Any?>.text(key: String): String = this[key] as? String ?: ""

    private fun Map<String, Any?>.optText(key: String): String? = this[key] as? String

    private fun Map<String, Any?>.list(key: String): List<String> = (this[key] as? List<*>)?.map { it as? String ?: "" } ?: emptyList()

    private fun Map<String, Any?>.number(key: String): UInt? = (this[key] as? Long)?.toUInt()

    private fun Map<String, Any?>.flag(key: String): Boolean = this[key] as? Boolean ?: false

    /**
     * The two enums the Kotlin API takes as types, from their shared names. A name neither enum
     * has cannot be passed to the Kotlin API at all (the compiler refuses it), so such a case
     * is skipped: Rust's runner gets its error from its own `WhoCanAddGroups::parse`, a step the
     * Kotlin API has no counterpart of.
     */
    private fun whoCanAdd(raw: String): WhoCanAddGroups = when (raw) {
        "admins" -> WhoCanAddGroups.ADMINS
        "all" -> WhoCanAddGroups.ALL
        else -> throw SkipCase("who_can_add_new_groups=\"$raw\" is not expressible: Kotlin takes the WhoCanAddGroups enum")
    }

    fun source(raw: String): AnnouncementSource =
        AnnouncementSource.entries.firstOrNull { it.name.lowercase() == raw }
            ?: throw SkipCase("source=\"$raw\" is not expressible: Kotlin takes the AnnouncementSource enum")

    suspend fun dispatch(client: Client, call: String, args: Map<String, Any?>): Any? {
        val page = args.number("page") ?: 1u
        val pageSize = args.number("page_size") ?: 1u
        return when (call) {
            "create_community" -> toJson(client.createCommunity(args.text("name"), args.optText("description")))
            "list_communities" -> toJson(client.listCommunities(page, pageSize))
            "community_metadata" -> toJson(client.communityMetadata(args.text("community_id")))
            "link_groups" -> toJson(client.linkGroups(args.text("community_id"), args.list("group_ids")))
            "unlink_groups" -> toJson(client.unlinkGroups(args.text("community_id"), args.list("group_ids")))
            "deactivate_community" -> toJson(client.deactivateCommunity(args.text("community_id")))
            "update_community_settings" -> {
                val who = whoCanAdd(args.text("who_can_add_new_groups"))
                toJson(client.updateCommunitySettings(args.text("community_id"), who))
            }
            "update_community_description" ->
                toJson(client.updateCommunityDescription(args.text("community_id"), args.text("description")))
            "update_community_photo" -> toJson(client.updateCommunityPhoto(args.text("community_id"), args.text("photo")))
            "add_participants" -> toJson(client.addParticipants(args.text("target"), args.list("phones"), args.flag("auto_invite")))
            "remove_participants" -> toJson(client.removeParticipants(args.text("target"), args.list("phones")))
            "add_admins" -> toJson(client.addAdmins(args.text("target"), args.list("phones")))
            "remove_admins" -> toJson(client.removeAdmins(args.text("target"), args.list("phones")))
            "redefine_invitation_link" -> toJson(client.redefineInvitationLink(args.text("target")))
            "group_invitation_link" -> toJson(client.groupInvitationLink(args.text("group_id")))
            "create_group" -> toJson(client.createGroup(args.text("name"), args.list("phones"), args.flag("auto_invite")))
            "list_chats" -> toJson(client.listChats(page, pageSize))
            "group_metadata" -> toJson(client.groupMetadata(args.text("group_id")))
            "update_group_settings" -> {
                val settings = GroupSettings(
                    adminOnlyMessage = args.flag("admin_only_message"),
                    adminOnlySettings = args.flag("admin_only_settings"),
                    requireAdminApproval = args.flag("require_admin_approval"),
                    adminOnlyAddMember = args.flag("admin_only_add_member"),
                )
                toJson(client.updateGroupSettings(args.text("group_id"), settings))
            }
            "send_text" -> {
                val mentions = (args["group_mentioned"] as? List<*>)?.map { m ->
                    val mention = m.obj()
                    GroupMentionInput(groupId = mention.text("group_id"), subject = mention.text("subject"))
                } ?: emptyList()
                val options = MessageOptions(
                    delayMessage = args.number("delay_message"),
                    delayTyping = args.number("delay_typing"),
                    editMessageId = args.optText("edit_message_id"),
                    mentioned = args.list("mentioned"),
                    groupMentioned = mentions,
                )
                toJson(client.sendText(args.text("to"), args.text("message"), options))
            }
            "resolve_announcement_group" -> {
                val source = args.optText("source")?.let(::source)
                toJson(client.resolveAnnouncementGroup(args.text("community_id"), source))
            }
            "invalidate" -> toJson(client.invalidate(args.text("community_id")))
            "announce" -> {
                val options = MessageOptions(delayMessage = args.number("delay_message"), delayTyping = args.number("delay_typing"))
                toJson(client.announce(args.text("community_id"), args.text("text"), options))
            }
            "community_invitation_link" -> toJson(client.communityInvitationLink(args.text("community_id")))
            "approve_participants" -> toJson(client.approveParticipants(args.text("group_id"), args.list("phones")))
            "reject_participants" -> toJson(client.rejectParticipants(args.text("group_id"), args.list("phones")))
            "leave_group" -> toJson(client.leaveGroup(args.text("group_id")))
            "list_queue" -> toJson(client.listQueue(args.optText("paging_state"), args.number("page_size")))
            "queued_messages" -> toJson(client.queuedMessages())
            "delete_queued_message" -> toJson(client.deleteQueuedMessage(args.text("zaap_id")))
            "clear_queue" -> toJson(client.clearQueue())
            "update_group_name" -> toJson(client.updateGroupName(args.text("group_id"), args.text("name")))
            "update_group_description" -> toJson(client.updateGroupDescription(args.text("group_id"), args.text("description")))
            "update_group_photo" -> toJson(client.updateGroupPhoto(args.text("group_id"), args.text("photo")))
            "accept_group_invite" -> toJson(client.acceptGroupInvite(args.text("link")))
            "group_invitation_metadata" -> toJson(client.groupInvitationMetadata(args.text("link")))
            "list_groups" -> toJson(client.listGroups(page, pageSize))
            "light_group_metadata" -> toJson(client.lightGroupMetadata(args.text("group_id")))
            "community_members" -> toJson(client.communityMembers(args.text("community_id")))
            "community_of" -> toJson(client.communityOf(args.text("group_id")))
            "community_context" -> reflectJson(client.communityContext(args.text("group_id")))
            "set_group_add_privacy" -> {
                val who = GroupAddPrivacy.entries.firstOrNull { it.name.lowercase() == args.text("who") }
                    ?: throw SkipCase("who=\"${args.text("who")}\" is not expressible: Kotlin takes the GroupAddPrivacy enum")
                toJson(client.setGroupAddPrivacy(who, args.list("blacklist_add"), args.list("blacklist_remove")))
            }
            "group_add_privacy" -> toJson(client.groupAddPrivacy())
            "set_webhook" -> {
                val kind = WebhookKind.entries.firstOrNull { it.name.lowercase() == args.text("kind") }
                    ?: throw SkipCase("kind=\"${args.text("kind")}\" is not expressible: Kotlin takes the WebhookKind enum")
                toJson(client.setWebhook(kind, args.text("url")))
            }
            "set_every_webhook" -> toJson(client.setEveryWebhook(args.text("url"), args["notify_sent_by_me"] as Boolean?))
            "set_notify_sent_by_me" -> toJson(client.setNotifySentByMe(args.flag("enabled")))
            else -> error("unknown call $call")
        }
    }

    /** A result in the vectors' camelCase JSON shape: what Rust's serde derives write. */
    fun toJson(value: Any?): Any? = when (value) {
        null, is Unit -> null
        is String, is Boolean -> value
        is List<*> -> value.map(::toJson)
        is Community -> mapOf(
            "id" to value.id,
            "name" to value.name,
            "description" to value.description,
            "announcementGroup" to value.announcementGroup,
            "groups" to toJson(value.groups),
        )
        is LinkedGroup -> mapOf("id" to value.id, "name" to value.name, "isAnnouncement" to value.isAnnouncement)
        is CommunitySummary -> mapOf("id" to value.id, "name" to value.name)
        is CreatedGroup -> mapOf("id" to value.id, "invitationLink" to value.invitationLink)
        is Chat -> mapOf(
            "phone" to value.phone,
            "name" to value.name,
            "isGroup" to value.isGroup,
            "isGroupAnnouncement" to value.isGroupAnnouncement,
            "unread" to value.unread.toLong(),
            "lastMessageTime" to value.lastMessageTime?.toLong(),
            "isMuted" to value.isMuted,
            "archived" to value.archived,
            "pinned" to value.pinned,
        )
        is Participant -> mapOf("phone" to value.phone, "isAdmin" to value.isAdmin, "isSuperAdmin" to value.isSuperAdmin)
        is GroupMetadata -> mapOf(
            "id" to value.id,
            "name" to value.name,
            "description" to value.description,
            "owner" to value.owner,
            "creation" to value.creation?.toLong(),
            "invitationLink" to value.invitationLink,
            "invitationLinkError" to value.invitationLinkError?.let { mapOf("kind" to it.kind.name.lowercase(), "text" to it.text) },
            "communityId" to value.communityId,
            "isGroupAnnouncement" to value.isGroupAnnouncement,
            "adminOnlyMessage" to value.adminOnlyMessage,
            "adminOnlySettings" to value.adminOnlySettings,
            "requireAdminApproval" to value.requireAdminApproval,
            "participants" to toJson(value.participants),
        )
        is SentMessage -> mapOf("zaapId" to value.zaapId, "messageId" to value.messageId)
        is QueuedMessage -> mapOf(
            "zaapId" to value.zaapId,
            "messageId" to value.messageId,
            "phone" to value.phone,
            "message" to value.message,
            "delayMessage" to value.delayMessage?.toLong(),
            "delayTyping" to value.delayTyping?.toLong(),
            "created" to value.created?.toLong(),
        )
        is QueuePage -> mapOf("messages" to toJson(value.messages), "pagingState" to value.pagingState, "hasMore" to value.hasMore)
        is GroupInvitationMetadata -> mapOf(
            "id" to value.id,
            "name" to value.name,
            "description" to value.description,
            "owner" to value.owner,
            "creation" to value.creation?.toLong(),
            "participantsCount" to value.participantsCount?.toLong(),
            "participants" to toJson(value.participants),
        )
        is LinkOutcome -> mapOf("linked" to value.linked, "skipped" to toJson(value.skipped), "verifiedByMetadata" to value.verifiedByMetadata)
        is UnlinkOutcome -> mapOf("unlinked" to value.unlinked, "skipped" to toJson(value.skipped), "verifiedByMetadata" to value.verifiedByMetadata)
        is SkippedGroup -> mapOf("groupId" to value.groupId, "reason" to value.reason, "otherCommunity" to value.otherCommunity)
        is AnnouncementGroup -> mapOf(
            "communityId" to value.communityId,
            "groupId" to value.groupId,
            "name" to value.name,
            "source" to value.source.name.lowercase(),
            "fromCache" to value.fromCache,
        )
        is Announcement -> mapOf("announcementGroup" to toJson(value.announcementGroup), "message" to toJson(value.message))
        else -> error("no JSON shape for ${value::class}")
    }

    /**
     * An error in the shared shape of errors (tests/vectors/errors.json): its kind and every
     * field it carries, read by reflection from the generated class, so the names checked are
     * those the Kotlin API has, and checked to be exactly the fields that file declares for the
     * kind. Numbers become `Long`s, as the JSON reader gives them.
     */
    fun errorJson(e: ZapiException): Map<String, Any?> {
        val kind = kindOf(e.javaClass)
        val fields = e.javaClass.declaredFields.filter { !java.lang.reflect.Modifier.isStatic(it.modifiers) }
        val declared = errorVectors["kinds"].obj()[kind].arr().toSet()
        check(fields.map { it.name }.toSet() == declared) { "the fields of a $kind error: ${fields.map { it.name }}, want $declared" }
        return mapOf("kind" to kind) + fields.associate { field ->
            field.isAccessible = true
            field.name to when (val value = field.get(e)) {
                is ULong -> value.toLong()
                is UInt -> value.toLong()
                is UShort -> value.toLong()
                is Number -> value.toLong()
                else -> value
            }
        }
    }

    /** The shared name of an error kind from its generated class (`RateLimited` → `rate_limited`). */
    fun kindOf(type: Class<*>): String = type.simpleName.replace(Regex("([a-z])([A-Z])"), "$1_$2").lowercase()

    /**
     * Any generated value in the vectors' camelCase JSON shape, by reflection: records become
     * objects of their fields, simple enums their snake_case name, and a case of a data-carrying
     * enum (a sealed class) an object tagged with its snake_case name: `type` for a
     * `WebhookEvent`, `kind` for the others, as the core's serde shape is.
     */
    fun reflectJson(value: Any?): Any? = when (value) {
        null, is Unit -> null
        is String, is Boolean, is Double -> value
        is ULong -> value.toLong()
        is UInt -> value.toLong()
        is Number -> value.toLong()
        is List<*> -> value.map(::reflectJson)
        is Enum<*> -> value.name.lowercase()
        else -> {
            val type = value.javaClass
            val fields = type.declaredFields.filter { !java.lang.reflect.Modifier.isStatic(it.modifiers) }
            val body = fields.associate { field ->
                field.isAccessible = true
                field.name to reflectJson(field.get(value))
            }
            val sealed = type.enclosingClass?.takeIf { it.isAssignableFrom(type) }
            if (sealed == null) body else {
                val tag = if (sealed.simpleName == "WebhookEvent") "type" else "kind"
                mapOf(tag to kindOf(type)) + body
            }
        }
    }

    /** A short description of an error for failure messages. */
    fun describe(e: Throwable): String = if (e is ZapiException) "${e::class.simpleName}(${e.message})" else e.toString()
}

/** The outcome of a dispatched call: the result's JSON, or the library's error. */
sealed class Outcome {
    class Ok(val value: Any?) : Outcome()
    class Err(val error: ZapiException) : Outcome()

    override fun toString(): String = when (this) {
        is Ok -> "ok ${Json.compact(value)}"
        is Err -> "error ${Dispatcher.describe(error)}"
    }
}

/** Dispatches, turning a `ZapiException` into [Outcome.Err]; anything else (e.g. InternalException) propagates. */
suspend fun outcome(client: Client, call: String, args: Map<String, Any?>): Outcome = try {
    Outcome.Ok(Dispatcher.dispatch(client, call, args))
} catch (e: ZapiException) {
    Outcome.Err(e)
}

/**
 * Checks an outcome against a case's `expect`: `{"ok": value}` (compared as JSON, unless
 * `okValue` is false: then any success passes, as in the fault suite) or `{"error": {kind, …}}`
 * (the fields given must match).
 */
fun checkExpect(expect: Map<String, Any?>, got: Outcome, okValue: Boolean = true) {
    when {
        expect.containsKey("ok") && got is Outcome.Ok ->
            if (okValue) expect(got.value == expect["ok"]) { "want ok ${Json.compact(expect["ok"])}, got $got" }
        !expect.containsKey("ok") && got is Outcome.Err -> {
            val want = expect["error"].obj()
            expect(matchesSubset(want, Dispatcher.errorJson(got.error))) { "want error ${Json.compact(want)}, got $got" }
        }
        else -> throw AssertionError("want ${Json.compact(expect)}, got $got")
    }
}

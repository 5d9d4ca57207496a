// Runs a call named in the shared suites (tests/vectors, tests/faults, tests/scenario at the
// repository root) through a JS client, as core/tests/support/mod.rs does for Rust: the call
// name and the snake_case `args` of a vector become the camelCase method and its positional
// arguments and option objects. A missing argument gets the Rust dispatcher's default (`""`,
// `[]`, `false`, page 1 of size 1).
//
// No imports, no Node APIs: the browser page (tests/browser/shared-page.mjs) loads this file
// too, so both runtimes drive the client with exactly the same code.

const text = (args, key) => args[key] ?? '';
const list = (args, key) => args[key] ?? [];
const flag = (args, key) => args[key] ?? false;

/** Only the options a vector gives: one it leaves out reaches the client left out. */
function given(entries) {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

/** The module's functions that are not client methods (`parseWebhook`), set by each runtime. */
let moduleFunctions = {};

/** Gives the dispatcher the loaded module's functions (Node's package, or the page's web build). */
export function useModule(functions) {
  moduleFunctions = functions;
}

const CALLS = {
  create_community: (c, a) => c.createCommunity(text(a, 'name'), a.description),
  list_communities: (c, a) => c.listCommunities(a.page ?? 1, a.page_size ?? 1),
  community_metadata: (c, a) => c.communityMetadata(text(a, 'community_id')),
  link_groups: (c, a) => c.linkGroups(text(a, 'community_id'), list(a, 'group_ids')),
  unlink_groups: (c, a) => c.unlinkGroups(text(a, 'community_id'), list(a, 'group_ids')),
  deactivate_community: (c, a) => c.deactivateCommunity(text(a, 'community_id')),
  update_community_settings: (c, a) =>
    c.updateCommunitySettings(text(a, 'community_id'), text(a, 'who_can_add_new_groups')),
  update_community_description: (c, a) =>
    c.updateCommunityDescription(text(a, 'community_id'), text(a, 'description')),
  update_community_photo: (c, a) => c.updateCommunityPhoto(text(a, 'community_id'), text(a, 'photo')),
  add_participants: (c, a) =>
    c.addParticipants(text(a, 'target'), list(a, 'phones'), { autoInvite: flag(a, 'auto_invite') }),
  remove_participants: (c, a) => c.removeParticipants(text(a, 'target'), list(a, 'phones')),
  add_admins: (c, a) => c.addAdmins(text(a, 'target'), list(a, 'phones')),
  remove_admins: (c, a) => c.removeAdmins(text(a, 'target'), list(a, 'phones')),
  redefine_invitation_link: (c, a) => c.redefineInvitationLink(text(a, 'target')),
  group_invitation_link: (c, a) => c.groupInvitationLink(text(a, 'group_id')),
  community_invitation_link: (c, a) => c.communityInvitationLink(text(a, 'community_id')),
  create_group: (c, a) =>
    c.createGroup(text(a, 'name'), list(a, 'phones'), { autoInvite: flag(a, 'auto_invite') }),
  list_chats: (c, a) => c.listChats(a.page ?? 1, a.page_size ?? 1),
  group_metadata: (c, a) => c.groupMetadata(text(a, 'group_id')),
  update_group_settings: (c, a) =>
    c.updateGroupSettings(text(a, 'group_id'), {
      adminOnlyMessage: flag(a, 'admin_only_message'),
      adminOnlySettings: flag(a, 'admin_only_settings'),
      requireAdminApproval: flag(a, 'require_admin_approval'),
      adminOnlyAddMember: flag(a, 'admin_only_add_member'),
    }),
  send_text: (c, a) =>
    c.sendText(
      text(a, 'to'),
      text(a, 'message'),
      given([
        ['delayMessage', a.delay_message],
        ['delayTyping', a.delay_typing],
        ['editMessageId', a.edit_message_id],
        ['mentioned', a.mentioned],
        ['groupMentioned', a.group_mentioned?.map((m) => ({ groupId: text(m, 'group_id'), subject: text(m, 'subject') }))],
      ]),
    ),
  announce: (c, a) =>
    c.announce(text(a, 'community_id'), text(a, 'text'), given([
      ['delayMessage', a.delay_message],
      ['delayTyping', a.delay_typing],
    ])),
  resolve_announcement_group: (c, a) => c.resolveAnnouncementGroup(text(a, 'community_id'), a.source ?? undefined),
  remember_announcement_group: (c, a) => c.rememberAnnouncementGroup(text(a, 'community_id'), text(a, 'group_id')),
  invalidate: (c, a) => c.invalidate(text(a, 'community_id')),
  approve_participants: (c, a) => c.approveParticipants(text(a, 'group_id'), list(a, 'phones')),
  reject_participants: (c, a) => c.rejectParticipants(text(a, 'group_id'), list(a, 'phones')),
  leave_group: (c, a) => c.leaveGroup(text(a, 'group_id')),
  list_queue: (c, a) => c.listQueue(a.paging_state, a.page_size),
  queued_messages: (c) => c.queuedMessages(),
  delete_queued_message: (c, a) => c.deleteQueuedMessage(text(a, 'zaap_id')),
  clear_queue: (c) => c.clearQueue(),
  update_group_name: (c, a) => c.updateGroupName(text(a, 'group_id'), text(a, 'name')),
  update_group_description: (c, a) => c.updateGroupDescription(text(a, 'group_id'), text(a, 'description')),
  update_group_photo: (c, a) => c.updateGroupPhoto(text(a, 'group_id'), text(a, 'photo')),
  accept_group_invite: (c, a) => c.acceptGroupInvite(text(a, 'link')),
  group_invitation_metadata: (c, a) => c.groupInvitationMetadata(text(a, 'link')),
  list_groups: (c, a) => c.listGroups(a.page ?? 1, a.page_size ?? 1),
  light_group_metadata: (c, a) => c.lightGroupMetadata(text(a, 'group_id')),
  community_members: (c, a) => c.communityMembers(text(a, 'community_id')),
  community_of: (c, a) => c.communityOf(text(a, 'group_id')),
  community_context: (c, a) => c.communityContext(text(a, 'group_id')),
  set_group_add_privacy: (c, a) =>
    c.setGroupAddPrivacy(text(a, 'who'), given([
      ['blacklistAdd', a.blacklist_add],
      ['blacklistRemove', a.blacklist_remove],
    ])),
  group_add_privacy: (c) => c.groupAddPrivacy(),
  set_webhook: (c, a) => c.setWebhook(text(a, 'kind'), text(a, 'url')),
  set_every_webhook: (c, a) => c.setEveryWebhook(text(a, 'url'), a.notify_sent_by_me),
  set_notify_sent_by_me: (c, a) => c.setNotifySentByMe(flag(a, 'enabled')),
  // Not a client method: the module's webhook parser, for tests/vectors/events.json.
  parse_webhook: (_c, a) => moduleFunctions.parseWebhook(typeof a.body === 'string' ? a.body : Uint8Array.from(a.body)),
  // Not a client method: walks `communities(pageSize)` or `chats(pageSize)` to the end and
  // resolves to the ids (community ids, chat phones) in order, for tests/vectors/paging.json.
  walk_pager: async (c, a) => {
    const ids = [];
    for await (const item of c[a.pager](a.page_size)) ids.push(a.pager === 'chats' ? item.phone : item.id);
    return ids;
  },
};

/** Every call name the suites may use. */
export const CALL_NAMES = Object.freeze(Object.keys(CALLS));

/**
 * Runs `call` with `args` (snake_case, as in tests/vectors) on `client`; resolves to the
 * result in its camelCase JSON shape, `null` for calls that return nothing.
 */
export async function dispatch(client, call, args = {}) {
  const run = CALLS[call];
  if (!run) throw new Error(`unknown call ${call}`);
  const result = await run(client, args);
  return result === undefined ? null : result;
}

/** An error as plain data (what the comparisons read; also what crosses out of a browser page). */
export function plainError(error) {
  const own = error !== null && typeof error === 'object' ? { ...error } : {};
  return {
    ...own,
    name: error?.name ?? null,
    isError: error instanceof Error,
    message: String(error?.message ?? error),
  };
}

/** `{ok: result}` or `{error: plainError}` for one call. */
export async function outcome(client, call, args) {
  try {
    return { ok: await dispatch(client, call, args) };
  } catch (error) {
    return { error: plainError(error) };
  }
}

/**
 * Runs `steps` ([{call, args}]) in order on one client; the outcome of the last one, or of the
 * first that failed.
 */
export async function runSteps(client, steps) {
  let last = { ok: null };
  for (const { call, args } of steps) {
    last = await outcome(client, call, args);
    if (last.error) break;
  }
  return last;
}

/** Replaces `$name` strings (also inside arrays and objects) with saved values. */
export function substitute(value, saved) {
  if (typeof value === 'string' && value.startsWith('$')) {
    const name = value.slice(1);
    if (!Object.hasOwn(saved, name)) throw new Error(`unknown ${value}`);
    return saved[name];
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, saved));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, saved)]));
  }
  return value;
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/** Whether every key of `expected` has the same value in `actual` (core's `matches_subset`). */
export function matchesSubset(expected, actual) {
  return (
    expected !== null &&
    typeof expected === 'object' &&
    actual !== null &&
    typeof actual === 'object' &&
    Object.entries(expected).every(([k, v]) => Object.hasOwn(actual, k) && jsonEqual(actual[k], v))
  );
}

/**
 * Plays tests/scenario/story.json on `client` as zapi-sim/tests/scenario.rs does: `$name`
 * substitution, `save` from the step's result, `expect` as a subset of it. Throws on the first
 * step that fails; resolves to the number of steps played.
 */
export async function playStory(client, story) {
  const saved = {};
  story.steps.forEach((step, i) => {
    if (typeof CALLS[step.call] !== 'function') throw new Error(`step ${i}: unknown call ${step.call}`);
  });
  for (const [i, step] of story.steps.entries()) {
    const args = substitute(step.args ?? {}, saved);
    let result;
    try {
      result = await dispatch(client, step.call, args);
    } catch (error) {
      throw new Error(`step ${i} ${step.call}: ${error?.kind ?? ''} ${error?.message ?? error}`);
    }
    if (step.expect) {
      const expect = substitute(step.expect, saved);
      if (!matchesSubset(expect, result)) {
        throw new Error(`step ${i} ${step.call}: want ${JSON.stringify(expect)}, got ${JSON.stringify(result)}`);
      }
    }
    for (const [name, key] of Object.entries(step.save ?? {})) {
      saved[name] = result?.[key] ?? null;
    }
  }
  return story.steps.length;
}

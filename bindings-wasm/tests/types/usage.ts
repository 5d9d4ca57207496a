// Compiled by tests/types.test.mjs with `tsc --strict`: what must type-check does, and every
// `@ts-expect-error` line must be an error. Never run.
import * as mainEntry from 'zapi-communities';
import { Client, ZapiError, parseAnnouncementGroups, setLogger } from 'zapi-communities';
import type {
  Announcement,
  AnnouncementGroup,
  CallOptions,
  AnnouncementSource,
  Chat,
  ChatPager,
  ClientOptions,
  Community,
  CommunityPager,
  CommunitySummary,
  CreatedGroup,
  GroupMetadata,
  InvitationLinkErrorKind,
  LinkOutcome,
  MessageOptions,
  QueuePage,
  QueuedMessage,
  SentMessage,
  UnlinkOutcome,
  ZapiErrorKind,
} from 'zapi-communities';
import init, { Client as WebClient } from 'zapi-communities/web';
import { Client as BundlerClient } from 'zapi-communities/bundler';
import { Client as PlanClient } from 'zapi-communities/plan';
import { Client as PlanWebClient } from 'zapi-communities/plan/web';
import { Client as SimClient } from 'zapi-communities/simulator';
import initSim, { Client as SimWebClient } from 'zapi-communities/simulator/web';
import { Client as SimBundlerClient } from 'zapi-communities/simulator/bundler';
import { WebhookSecret, parseWebhook } from 'zapi-communities/webhooks';
import initWebhooks, { parseWebhook as parseWebhookWeb } from 'zapi-communities/webhooks/web';

export async function usage(): Promise<void> {
  // The main entries have no simulator; `zapi-communities/simulator` is the same API plus it.
  // @ts-expect-error no simulator in the main entry
  Client.simulated();
  const client: SimClient = SimClient.simulated();
  const fromEnv: Client = Client.fromEnv();
  const options: ClientOptions = { instanceId: 'I', token: 't', clientToken: 'c', timeoutMs: 1000, maxRetries: 0 };
  new Client(options);
  new Client({ proxy: true, baseUrl: 'https://my.app/zapi' });
  // @ts-expect-error misspelt option
  new Client({ instanceId: 'I', token: 't', timeout: 5 });
  // @ts-expect-error options are required
  new Client();

  const community: Community = await client.createCommunity('Rua', 'Street');
  await client.createCommunity('Rua');
  const description: string | null = community.description;
  // @ts-expect-error the description may be null
  const notNull: string = community.description;
  const announcement: string | null = community.announcementGroup;
  const regular: number = community.groups.filter((g) => !g.isAnnouncement).length;

  const page: CommunitySummary[] = await client.listCommunities(1, 10);
  // Every call takes `{ signal }` last (CallOptions), alone or beside its own options.
  const controller = new AbortController();
  const call: CallOptions = { signal: controller.signal };
  await client.listCommunities(1, 10, call);
  await client.createGroup('Obras', ['5511911110001'], { autoInvite: true, signal: AbortSignal.timeout(5000) });
  await client.addParticipantsBulk('1-group', ['5511911110001'], { chunkSize: 10, signal: controller.signal });
  for await (const summary of client.communities(10, { signal: controller.signal })) summary.id;
  // @ts-expect-error a signal is an AbortSignal
  await client.listCommunities(1, 10, { signal: 'stop' });
  // @ts-expect-error CallOptions has no other member
  await client.listCommunities(1, 10, { sgnal: controller.signal });
  const pager: CommunityPager = client.communities(10);
  const next: CommunitySummary[] | null = await pager.nextPage();
  for await (const summary of client.communities(10)) {
    const name: string = summary.name;
  }
  const chats: Chat[] = await client.listChats(1, 10);
  const announcementIds: string[] = await client.listAnnouncementGroups(1, 1000);
  const parsed: string[] = parseAnnouncementGroups(new Uint8Array(0));
  const parsedText: string[] = parseAnnouncementGroups('[]');
  // @ts-expect-error bytes or text only
  parseAnnouncementGroups(42);
  // The receiving side is its own entry: the main one has no webhook reader.
  // @ts-expect-error no parseWebhook in the main entry
  mainEntry.parseWebhook;
  const hookUrl: string = new WebhookSecret('s'.repeat(22)).url('https://bot.example/hooks');
  await client.setEveryWebhook(hookUrl);
  await initWebhooks();
  const webEvent: string = parseWebhookWeb(new Uint8Array(0)).type;
  // A webhook event narrows on `type`, then its notification and content on `kind`.
  const event = parseWebhook('{}');
  if (event.type === 'message') {
    const chat: string = event.message.chat;
    const note = event.message.notification;
    if (note?.kind === 'join_request') {
      const requesters: string[] = note.requesters;
      await client.approveParticipants(chat, requesters);
    }
    if (event.message.content?.kind === 'text') {
      const text: string = event.message.content.message;
    }
    // @ts-expect-error a message event has no `status`
    event.status;
  } else if (event.type === 'status') {
    const ids: string[] = event.status.ids;
  }
  // @ts-expect-error bytes or text only
  parseWebhook(42);
  const chatPager: ChatPager = client.chats(10);
  for await (const chat of chatPager) {
    const unread: number = chat.unread;
    const time: number | null = chat.lastMessageTime;
  }

  const say: MessageOptions = { delayTyping: 2, mentioned: ['5511999999999'], groupMentioned: [{ groupId: '1-group', subject: 'A' }] };
  await client.sendText('5511999999999', 'hi', say);
  // @ts-expect-error a mention names its group by groupId
  await client.announce(community.id, 'hi', { groupMentioned: [{ group: '1-group', subject: 'A' }] });
  const outcome: LinkOutcome = await client.linkGroups(community.id, ['1-group']);
  const skippedIds: string[] = outcome.skipped.map((s) => s.groupId);
  const elsewhere: string | null = outcome.skipped[0].otherCommunity;
  const unlinked: UnlinkOutcome = await client.unlinkGroups(community.id, ['1-group']);
  const stillLinked: string[] = unlinked.skipped.map((s) => s.groupId);
  const metadata: GroupMetadata = await client.groupMetadata('1-group');
  const why: InvitationLinkErrorKind | undefined = metadata.invitationLinkError?.kind;
  // @ts-expect-error not one of the documented reasons
  const wrong: InvitationLinkErrorKind = 'nope';
  // @ts-expect-error group ids are an array
  await client.linkGroups(community.id, '1-group');
  await client.updateCommunitySettings(community.id, 'admins');
  // @ts-expect-error only "admins" or "all"
  await client.updateCommunitySettings(community.id, 'everyone');
  const link: string = await client.redefineInvitationLink(community.id);
  await client.addParticipants(community.id, ['5511911110001'], { autoInvite: true });
  // @ts-expect-error unknown option
  await client.addParticipants(community.id, ['5511911110001'], { autoinvite: true });

  const group: CreatedGroup = await client.createGroup('A', ['5511911110001']);
  const invitation: string | null = group.invitationLink;
  const meta: GroupMetadata = await client.groupMetadata(group.id);
  const creation: number | null = meta.creation;
  const admin: boolean = meta.participants[0].isAdmin;
  await client.updateGroupSettings(group.id, {
    adminOnlyMessage: true,
    adminOnlySettings: false,
    requireAdminApproval: false,
    adminOnlyAddMember: true,
  });
  // @ts-expect-error all four switches are required
  await client.updateGroupSettings(group.id, { adminOnlyMessage: true });

  const sent: SentMessage = await client.sendText(group.id, 'hi', {
    delayMessage: 2,
    mentioned: ['5511911110001'],
    groupMentioned: [{ groupId: group.id, subject: 'A' }],
  });
  // @ts-expect-error unknown option
  await client.sendText(group.id, 'hi', { delay: 2 });
  const ann: Announcement = await client.announce(community.id, 'hello', { delayTyping: 1 });
  const source: AnnouncementSource = ann.announcementGroup.source;
  const messageId: string = ann.message.messageId;

  // The queue: a page by its cursor, or every page; a message's optional fields are nullable.
  const queuePage: QueuePage = await client.listQueue();
  const nextQueuePage: QueuePage = await client.listQueue(queuePage.pagingState, 30, { signal: AbortSignal.timeout(5000) });
  const waiting: QueuedMessage[] = await client.queuedMessages();
  const delay: number | null = waiting[0].delayMessage;
  // @ts-expect-error a message's WhatsApp id may be missing
  const whatsappId: string = nextQueuePage.messages[0].messageId;
  await client.deleteQueuedMessage(waiting[0].zaapId);
  await client.clearQueue();

  const resolved: AnnouncementGroup = await client.resolveAnnouncementGroup(community.id, 'chat_list');
  await client.resolveAnnouncementGroup(community.id);
  // @ts-expect-error unknown source
  await client.resolveAnnouncementGroup(community.id, 'guess');
  const cached: AnnouncementGroup | null = client.cachedAnnouncementGroup(community.id);
  // @ts-expect-error may be null
  const cachedSure: AnnouncementGroup = client.cachedAnnouncementGroup(community.id);
  const remembered: AnnouncementGroup = client.rememberAnnouncementGroup(community.id, group.id);
  client.invalidate(community.id);
  client.invalidateAll();

  try {
    await client.deactivateCommunity(community.id);
  } catch (error: unknown) {
    if (error instanceof ZapiError) {
      const kind: ZapiErrorKind = error.kind;
      const message: string = error.message;
      const name: 'ZapiError' = error.name;
      // @ts-expect-error `field` exists only on validation errors
      error.field;
      switch (error.kind) {
        case 'validation': {
          const field: string = error.field;
          const reason: string = error.reason;
          break;
        }
        case 'api': {
          const status: number = error.status;
          const detail: string = error.detail;
          break;
        }
        case 'rate_limited': {
          const retryAfter: number | null = error.retryAfterMs;
          break;
        }
        case 'timeout': {
          const timeoutMs: number = error.timeoutMs;
          break;
        }
        case 'transport': {
          const sentFlag: boolean = error.sent;
          const detail: string = error.detail;
          break;
        }
        case 'decode': {
          const detail: string = error.detail;
          break;
        }
        case 'not_found': {
          const what: string = error.what;
          const id: string = error.id;
          break;
        }
        case 'not_announcement_group': {
          const communityId: string = error.communityId;
          const instead: string | null = error.announcementGroup;
          break;
        }
        default: {
          const exhaustive: never = error;
        }
      }
    }
  }

  await init();
  const web: WebClient = new WebClient({ proxy: true, baseUrl: 'https://my.app/zapi' });
  const bundled: BundlerClient = new BundlerClient({ proxy: true, baseUrl: 'https://my.app/zapi' });
  await initSim();
  const simWeb: SimWebClient = SimWebClient.simulated();
  const simBundled: SimBundlerClient = SimBundlerClient.simulated();
  // Bulk calls: the options may be left out, and onProgress is told a typed BulkProgress.
  await client.addParticipantsBulk('1-group', ['5511911110001']);
  await client.addParticipantsBulk('1-group', ['5511911110001'], { chunkSize: 10, onProgress: (p) => p.settled + p.total });
  // @ts-expect-error onProgress takes a BulkProgress
  await client.addAdminsBulk('1-group', ['5511911110001'], { onProgress: (p: string) => p });
  // Plan and apply: in the plan entry (and the simulator's), not in the main one.
  const planner = new PlanClient({ instanceId: 'I', token: 'T' });
  const plan = await planner.plan({ name: 'Rua', groups: [{ name: 'A', members: ['5511911110001'] }] });
  const applied = await planner.apply(plan, { dryRun: true });
  const first = plan.steps[0]?.change;
  if (first?.kind === 'create_group') console.log(first.members.length, applied.requests);
  // @ts-expect-error a spec needs a name
  await planner.plan({ groups: [] });
  await new PlanWebClient({ proxy: true, baseUrl: 'https://my.app/zapi' }).plan('{"name":"Rua"}');
  await SimClient.simulated().apply(await SimClient.simulated().plan({ name: 'Rua' }));
  // @ts-expect-error the main entry has no plan
  await new Client({ instanceId: 'I', token: 'T' }).plan({ name: 'Rua' });
  // Logging: the console, a typed callback, or nothing; the level is one of five names.
  setLogger('console', { level: 'debug' });
  setLogger((level, message) => console.log(level.toUpperCase(), message.length));
  setLogger(null);
  // @ts-expect-error not a level
  setLogger('console', { level: 'loud' });
}

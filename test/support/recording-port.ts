import type { MessageMetadata, SlackPort } from '../../src/app/slack-port.js';
import { SlackCallError } from '../../src/app/slack-port.js';

/** A SlackPort for use-case tests: records posts and uploads, finds posted messages by metadata, can be told to fail. */
export class RecordingPort {
  readonly posts: { channel: string; text: string; ts: string; metadata?: MessageMetadata | undefined }[] = [];
  readonly uploads: { channel: string; filename: string; bytes: number }[] = [];
  failNextPost: string | undefined;
  private counter = 0;

  readonly port: SlackPort = {
    authTest: async () => ({ botUserId: 'UBOT', botId: 'BBOT', teamId: 'T0TEAM' }),
    postMessage: async (m) => {
      if (this.failNextPost) {
        const code = this.failNextPost;
        this.failNextPost = undefined;
        throw new SlackCallError('chat.postMessage', code, false);
      }
      const ts = `1795600000.${String(++this.counter).padStart(6, '0')}`;
      this.posts.push({ channel: m.channel, text: m.text, ts, metadata: m.metadata });
      return { channel: m.channel, ts };
    },
    findMessageByMetadata: async (channel, _oldest, metadata) =>
      this.posts.find(
        (p) =>
          p.channel === channel &&
          p.metadata?.eventType === metadata.eventType &&
          Object.entries(metadata.payload).every(([k, v]) => p.metadata?.payload[k] === v),
      )?.ts,
    uploadFile: async (f) => {
      this.uploads.push({ channel: f.channel, filename: f.filename, bytes: Buffer.byteLength(f.content) });
    },
    postEphemeral: async () => {},
    updateMessage: async () => {},
    respond: async () => {},
    openView: async () => {},
    getPermalink: async (channel, ts) => `https://acme.slack.com/archives/${channel}/p${ts.replace('.', '')}`,
    publishHome: async () => {},
    openDm: async (userId) => `D${userId.slice(1)}`,
    readMessage: async () => undefined,
    userLocale: async () => undefined,
    addReaction: async () => {},
  } as SlackPort;
}

/**
 * Turns Slack message markup into plain text a person can read and edit: `<@U1>` → `@U1`,
 * `<https://x|label>` → `label (https://x)`, `<#C1|general>` → `#general`, `<!here>` → `@here`, entities decoded.
 * See https://docs.slack.dev/messaging/formatting-message-text
 */
export function slackMarkupToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return label ? `@${label}` : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        const special = target.slice(1).split('^')[0] ?? '';
        if (['here', 'channel', 'everyone'].includes(special)) return `@${special}`;
        return label ?? '';
      }
      if (label && label !== target) return `${label} (${target})`;
      return target.replace(/^mailto:/, '');
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Removes every user mention (`<@U123>`, `<@U123|name>`) from Slack markup, e.g. the bot's own name in an @mention. */
export function stripUserMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ').replace(/[ \t]{2,}/g, ' ').trim();
}

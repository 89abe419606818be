import { describe, expect, it } from 'vitest';
import { slackMarkupToPlain, stripUserMentions } from '../../src/core/slack-text.js';

describe('slackMarkupToPlain', () => {
  it.each([
    ['plain text stays as it is', 'plain text stays as it is'],
    ['', ''],
    // user mentions
    ['<@U123> can you help?', '@U123 can you help?'],
    ['ask <@U123|anna>', 'ask @anna'],
    ['<@W0ABC>', '@W0ABC'],
    // channels
    ['see <#C0123|general>', 'see #general'],
    ['see <#C0123>', 'see #C0123'],
    // special mentions
    ['<!here> the site is down', '@here the site is down'],
    ['<!channel>', '@channel'],
    ['<!everyone>', '@everyone'],
    ['<!here|here> now', '@here now'],
    ['ping <!subteam^S0123|@design>', 'ping @design'],
    ['due <!date^1392734382^{date_short}|Feb 18, 2014>', 'due Feb 18, 2014'],
    ['<!unknown>', ''],
    // links
    ['<https://acme.com/pricing|pricing page>', 'pricing page (https://acme.com/pricing)'],
    ['<https://acme.com/pricing>', 'https://acme.com/pricing'],
    ['<https://acme.com|https://acme.com>', 'https://acme.com'],
    ['write to <mailto:anna@acme.com>', 'write to anna@acme.com'],
    ['<https://acme.com/a?x=1&amp;y=2|Q&amp;A>', 'Q&A (https://acme.com/a?x=1&y=2)'],
    // entities
    ['a &amp; b', 'a & b'],
    ['&lt;script&gt;', '<script>'],
    ['if a &lt; b &amp;&amp; b &gt; c', 'if a < b && b > c'],
    // an escaped entity typed by the user stays literal text
    ['&amp;lt;', '&lt;'],
    ['&amp;amp;', '&amp;'],
    // decoded brackets are text, not markup
    ['&lt;@U123&gt;', '<@U123>'],
    // several pieces of markup in one message
    [
      '<@U1> please update <https://acme.com|our site> for <#C2|sales> &amp; <!here>',
      '@U1 please update our site (https://acme.com) for #sales & @here',
    ],
  ])('slackMarkupToPlain(%j) → %j', (text, expected) => {
    expect(slackMarkupToPlain(text)).toBe(expected);
  });
});

describe('stripUserMentions', () => {
  it.each([
    ['<@UBOT> please make a flyer', 'please make a flyer'],
    ['<@UBOT|requestdesk> please make a flyer', 'please make a flyer'],
    ['please make a flyer <@UBOT>', 'please make a flyer'],
    ['ask <@U1> and <@W2|bob> about it', 'ask and about it'],
    ['<@U1><@U2>', ''],
    ['no mentions here', 'no mentions here'],
    // other markup is left alone
    ['<#C0123|general> and <!here> and <https://acme.com>', '<#C0123|general> and <!here> and <https://acme.com>'],
    // line breaks survive, runs of spaces collapse
    ['<@UBOT> first line\nsecond   line', 'first line\nsecond line'],
    ['', ''],
  ])('stripUserMentions(%j) → %j', (text, expected) => {
    expect(stripUserMentions(text)).toBe(expected);
  });
});

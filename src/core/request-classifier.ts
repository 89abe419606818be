import { slackMarkupToPlain } from './slack-text.js';

// This file is long on purpose: most of it is the English and German phrase tables, written in the same
// format a helper uses to extend them (parsePhraseConfig), so every rule a reason names can be found here.

/** Whether a message asks the helper for work, why, and which language its words look like. */
export interface RequestClassification {
  verdict: 'request' | 'other';
  /** The rule that decided, e.g. `request: polite ask "could you" + work object "banner"` or `other: social plan "lunch"`. */
  reason: string;
  language?: 'en' | 'de';
}

/** Phrases a helper adds by configuration (each in the parsePhraseConfig format); built-in phrases stay. */
export interface ClassifierPhrases {
  /** Extra ways of asking ("needs a new", "brauche dringend"); a request still needs a work word as well. */
  requestPhrases?: readonly string[];
  /** Extra work objects ("webinar", "*messe*"). */
  workWords?: readonly string[];
  /** Phrases that make any message `other`, whatever else it says ("standup", "offsite"). */
  notRequestPhrases?: readonly string[];
}

/**
 * Parses a phrase setting such as `REQUEST_PHRASES="needs a new; brauche dringend"` into a list of phrases.
 * Format: phrases separated by `;` or line breaks; case does not matter; blanks and duplicates are dropped.
 * A phrase matches whole words in order, with punctuation and hyphens counting as spaces (`e-mail` = `e mail`).
 * `*` at the start or end of a word stands for any letters (`*banner*` matches "Messebanner", `folie*` "Folien");
 * a word `...` stands for up to four words in between (`hast du ... zeit` matches "hast du morgen kurz Zeit");
 * `ä ö ü ß` also match `ae oe ue ss`, and the word `you` also matches `u`, `yu` and `ya`.
 * Throws an Error naming every phrase that has no letters or digits, puts `*` inside a word, or starts or ends with `...`.
 */
export function parsePhraseConfig(raw: string): string[] {
  const phrases = [...new Set(raw.split(/[;\r\n]+/).map((p) => p.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))];
  const problems = phrases.flatMap((p) => {
    const words = p.split(' ');
    if (!/[\p{L}\p{N}]/u.test(p)) return [`"${p}" has no letters or digits`];
    if (words.some((w) => w !== '...' && /.\*./u.test(w))) return [`"${p}": * may only start or end a word`];
    if (words[0] === '...' || words.at(-1) === '...') return [`"${p}" may not start or end with ...`];
    return [];
  });
  if (problems.length > 0) throw new Error(`invalid phrases: ${problems.join('; ')}`);
  return phrases;
}

// ── phrase matching ───────────────────────────────────────────────────────────────────────────────────────────

const LETTER = '[\\p{L}\\p{N}]';
const GAP = "(?:\\s+[\\p{L}\\p{N}']+){0,4}";
const FOLD: Record<string, string> = { ä: '(?:ä|ae)', ö: '(?:ö|oe)', ü: '(?:ü|ue)', ß: '(?:ß|ss)' };

function wordPattern(word: string): string {
  const core = word.replace(/^\*|\*$/g, '');
  const body = core === 'you' ? '(?:you|u|yu|ya)' : [...core].map((c) => FOLD[c] ?? c.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('');
  return `${word.startsWith('*') ? `${LETTER}*` : ''}${body}${word.endsWith('*') && word.length > 1 ? `${LETTER}*` : ''}`;
}

/** One phrase as regular-expression source over normalised sentence text, or undefined when it has no words. */
function compile(phrase: string): string | undefined {
  // Punctuation inside a phrase counts as a space, exactly as it does in the message.
  const words = phrase.toLowerCase().split(/\s+/).flatMap((w) => (w === '...' ? [w] : w.replace(/[^\p{L}\p{N}'*]+/gu, ' ').split(' '))).filter(Boolean);
  let source = '';
  let gap = false;
  for (const word of words) {
    if (word === '...') gap = source !== '';
    else {
      source += source === '' ? wordPattern(word) : `${gap ? GAP : ''}\\s+${wordPattern(word)}`;
      gap = false;
    }
  }
  return /[\p{L}\p{N}]/u.test(phrase) ? `(?:${source})` : undefined;
}

interface Rule {
  label: string;
  /** All of the rule's phrases as one alternation, so the earliest hit in a sentence is found in one pass. */
  pattern: RegExp | undefined;
}

function rule(label: string, phrases: string | readonly string[]): Rule {
  const sources = (typeof phrases === 'string' ? parsePhraseConfig(phrases) : phrases).flatMap((p) => compile(p) ?? []);
  return { label, pattern: sources.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}'])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'u') : undefined };
}

/** The first (earliest in the sentence) text a rule matches. */
function find(r: Rule, sentence: string): string | undefined {
  return r.pattern?.exec(sentence)?.[0].replace(/\s+/g, ' ');
}

// ── the phrase tables (English; German) ───────────────────────────────────────────────────────────────────────

// Vetoes: any of these anywhere makes the whole message `other`, whatever else it asks.
const VETOES: readonly Rule[] = [
  rule('social plan', `lunch*; brunch; dinner*; coffee*; drinks; a drink; beer*; pint*; happy hour; after work; afterwork*; grab a bite;
    mittagessen*; mittagspause*; zu mittag; kaffee*; feierabend*; *bier; bier*; frühstück*; essen gehen; abendessen*`),
  rule('not a request', `can you believe; could you believe; would you believe; can you imagine; could you imagine; guess what;
    kannst du dir vorstellen; könntest du dir vorstellen; kannst du glauben; kannst du dir denken; rate mal; dir ... ein bild`),
  rule('meeting chatter', `my screen; your screen; hear me; see me; make it to; make it today; make it tonight; join the call;
    meinen bildschirm; deinen bildschirm; mich hören; mich sehen`),
  rule('asks for an opinion', `what do you think; what do you reckon; your thoughts; thoughts; your opinion; do you like; how do you like;
    was hältst du; was meinst du; deine meinung; wie findest du; gefällt dir; gefällt es dir`),
  rule('cancelled or declined', `never mind; nevermind; nvm; no need; don't need; dont need; do not need; no longer need; forget it;
    forget about; ignore my; ignore that; please don't; pls don't; please do not; don't bother; don't worry about;
    hat sich erledigt; erledigt sich; vergiss es; vergiss das; nicht mehr nötig; nicht nötig; brauch* ... nicht mehr;
    musst ... nicht mehr; bitte nicht; bitte kein*; doch nicht`),
];

// Time words that are not plans ("the deck before lunch"): removed before the social-plan veto looks.
const MEALTIMES = rule('mealtime', `before lunch; after lunch; by lunch; until lunch; till lunch; over lunch;
  vor dem mittagessen; nach dem mittagessen; nach der mittagspause; vor der mittagspause`);

// Sentence negatives: an ask in the same sentence does not count ("how are you", "FYI, see link").
const SENTENCE_NEGATIVES: readonly Rule[] = [
  rule('question about the person', `how are you; how r you; how're you; how are things; how's it going; how is it going; how was your;
    hope you're well; hope you are well; hope you're doing; hope you had; how's your; how is your;
    wie geht's; wie gehts; wie geht es; wie war dein*; wie war der; wie war die; wie war das; alles gut bei dir; hoffe dir geht; hoffe es geht dir`),
  rule('FYI', `fyi; jfyi; for your information; for your info; heads up; just so you know; please find; please see;
    zur info; zu deiner info; als info; kurze info; zur kenntnis; anbei; nur damit du ... weißt`),
  rule('status question', `update me; update us; keep me posted; keep me updated; keep me in the loop; any update*; any news; any progress;
    wie ist der stand; halt mich auf dem laufenden; wie weit bist du; gibt's ... neues; gibt es ... neues`),
  rule('asks for information', `can you tell; could you tell; would you tell; can you remind; could you remind; do you know; can you let me know;
    could you let me know; please let me know; pls let me know; kannst du mir sagen; könntest du mir sagen; weißt du; wisst ihr;
    kannst du mir bescheid; sag mir bescheid; gib mir bescheid; erinnerst du mich`),
  rule('reply', `yes please; yes pls; ja bitte; bitte sehr; bitte schön; bitte gern*; gern geschehen; you're welcome`),
];

// Asks, strongest first; the reason quotes the first kind that matched.
const ASKS: readonly Rule[] = [
  rule('polite ask', `could you; can you; would you; will you; cna you; coudl you; culd you; cud you; cn you; do you mind; are you able to;
    any chance you; any way you could; if you could; would it be possible; is it possible to; possible to get; can i get; could i get;
    can i have; could i have; may i have; can we get; could we get; can we have; could we have; can i ask you; could i ask you;
    do you have time; do you have a minute; would you have time; have you got time; got time to; do you have capacity;
    do you have bandwidth; when you get a; when you have a; would love it if; would be ... if you; it'd be ... if you;
    kannst du; kanst du; kannste; könntest du; könntet ihr; könnt ihr; könnten sie; können sie; würdest du; würden sie;
    wärst du so; wären sie so; wär* ... wenn du; wenn du ... könntest; wäre es möglich; wär es möglich; ist es möglich; magst du;
    hast du ... zeit; hättest du ... zeit; hast du ... kapazität*; hättest du ... kapazität*; kriege ich; krieg ich; kriegen wir;
    bekomme ich; bekommen wir; kann ich ... bekommen; kann ich ... haben; könnte ich ... bekommen; könnte ich ... haben;
    können wir ... bekommen; könnten wir ... bekommen; schickst du; machst du; erstellst du; änderst du; gestaltest du;
    übernimmst du; baust du; kümmerst du`),
  rule('need', `need a; need an; need the; need some; need new; need our; need my; need your; need you to; need help; needs a; needs an;
    needs new; needs to be; needs updating; needs fixing; i'd need; would need; i'd like a; i'd like an; i'd like you to;
    i'd love a; would love a; we'd like; would like a; would like you to;
    ich brauche; brauche; brauchen; bräuchte*; benötige*; hätte gern*; hätten gern*; müsste ... werden`),
  rule('please', 'please; pls; plz; plse; pleas; plis; kindly; bitte; bitte um'),
  rule('imperative', 'send me; send over; make me; get me; schick mir; schicke mir; schick mal; mach mir; mach mal; gib mir'),
];

// Work objects: what a marketing and IT-chores helper makes, changes or hands out.
const WORK_OBJECTS = rule('work object', `banner*; slide; slides; slideshow*; deck; decks; logo*; flyer*; poster*; leaflet*; brochure*;
  one pager*; onepager*; landing page*; landingpage*; website*; web site*; webpage*; web page*; homepage*; home page*; page; pages;
  newsletter*; blog*; a post; the post; new post; posts; post about; post for; post on; article*; mockup*; mock up*; wireframe*; graphic*; visual*; image*; picture*; photo*; headshot*;
  video*; animation*; gif; gifs; illustration*; infographic*; icon*; font*; typo; typos; brand; brands; branding; colour*; color*; template*;
  signature*; mailing*; campaign*; ad; ads; advert*; case study; case studies; whitepaper*; white paper*; ebook*; e book*; pdf*;
  presentation*; social media; linkedin*; instagram*; twitter; tweet*; tiktok; facebook; youtube; reel*; business card*;
  merch*; swag; t shirt*; tshirt*; hoodie*; sticker*; roll up*; rollup*; booth*; footer*; header*; button*; cta*; hero*; seo;
  hubspot; mailchimp; wordpress; webflow; canva; figma; screenshot*; thumbnail*; datasheet*; data sheet*; press release*;
  press kit*; announcement*; job ad*; job post*; certificate*; headline*; tagline*; slogan*; caption*; version; versions;
  laptop*; printer*; password*; access; license*; licence*; vpn; wifi;
  *banner*; folie; folien; *folie; *folien; *präsentation*; *deck; *logo*; *flyer; *plakat*; *broschüre*; *webseite*; *website;
  *homepage; *seite; *seiten; *newsletter; *artikel; den post; einen post; neuen post; beitrag*; *beitrag; *beiträge; posting*; *grafik*; *bild; *bilder; foto*;
  *foto; *fotos; *video; *vorlage*; *signatur; *kampagne*; anzeige*; *anzeige; *illustration*; infografik*; *fallstudie*;
  visitenkarte*; aufkleber*; *aufkleber; messestand*; *button; überschrift*; *tippfehler*; zertifikat*; entwurf*; *entwurf;
  variante*; *version; drucker*; passwort*; zugang*; *zugang; lizenz*; wlan`);

// Work verbs strong enough on their own after an ask ("can you fix it?"), unless the sentence is about a meeting.
const WORK_VERBS = rule('work verb', `fix; fixing; design; designing; redesign*; proofread*; proof read; translate*; resize*; retouch*;
  tweak*; mock up; draft; rewrite; reword; edit; update; create; redo; rework;
  korrigier*; gestalt*; design*; entwerf*; entwirf*; übersetz*; überarbeit*; anpass*; änder*; aktualisier*; reparier*;
  erstell*; korrektur lesen; korrekturlesen; einbau*; einbind*; austausch*`);
const SCHEDULING = rule('scheduling', `meeting*; *meeting; call; calls; calendar*; kalender*; termin*; invite*; slot*; standup*; sync;
  one on one; besprechung*`);

// Only for the reason of an `other`.
const ACKS = rule('thanks or acknowledgement', `thanks; thank you; thx; ty; cheers; much appreciated; got it; ok; okay; sounds good;
  danke*; vielen dank; merci; alles klar; passt`);
const STATUS = rule('status chatter', `running late; late to; on my way; omw; brb; ooo; out of office; i'm out; i am out; wfh;
  working from home; went out; went live; is live; später dran; bin gleich; homeoffice; home office; bin krank; bin ... nicht da; ist live`);

// ── normalising a Slack message ───────────────────────────────────────────────────────────────────────────────

const EN_WORDS = new Set('the you your to a an and is are can could would please pls for of on my me i it this that we our thanks hi hey need what how did do just with new today tomorrow'.split(' '));
const DE_WORDS = new Set('du dir dich ich mir mich wir uns und der die das den dem ein eine einen ist nicht bitte danke kannst könntest für mit auf noch schon mal auch heute morgen hallo moin bin hast hab habe wie was zu vom im es neue neuen'.split(' '));

function detectLanguage(words: readonly string[]): 'en' | 'de' | undefined {
  const en = words.filter((w) => EN_WORDS.has(w)).length;
  const de = words.filter((w) => DE_WORDS.has(w) || /[äöüß]/.test(w)).length;
  return en > de ? 'en' : de > en ? 'de' : undefined;
}

/** Plain, lower-case sentences without links, mentions, channels or emoji codes; whether a link was there. */
function sentencesOf(slackText: string): { sentences: string[]; hadLink: boolean } {
  const plain = slackMarkupToPlain(slackText);
  const url = /\(?\b(?:https?:\/\/|www\.)[^\s)]+\)?/gi;
  const text = plain
    .replace(url, ' ')
    .replace(/(?:^|\s)[@#][\w.-]+/g, ' ') // @mentions and #channels say nothing about the ask
    .replace(/:[a-z0-9_+'-]+:/gi, ' ') // :emoji: codes
    .replace(/[’‘´`]/g, "'")
    .toLowerCase();
  const sentences = text
    .split(/[!?;…]+|\.(?=\s|$)|[\r\n]+/)
    .map((s) => s.replace(/[^\p{L}\p{N}'\s]+/gu, ' ').replace(/(^|\s)'+|'+(?=\s|$)/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  return { sentences, hadLink: url.test(plain) };
}

// ── the decision ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Decides whether a Slack message asks the helper for work, by explainable rules and precision first:
 * a veto anywhere wins; otherwise some sentence must hold both an ask and a work object (or a strong work verb).
 */
export function classifyRequest(text: string, phrases: ClassifierPhrases = {}): RequestClassification {
  const { sentences, hadLink } = sentencesOf(text);
  const language = detectLanguage(sentences.join(' ').split(' '));
  const verdict = (v: RequestClassification['verdict'], reason: string): RequestClassification =>
    language ? { verdict: v, reason: `${v}: ${reason}`, language } : { verdict: v, reason: `${v}: ${reason}` };
  if (sentences.length === 0) return verdict('other', hadLink ? 'link shared without an ask' : 'no words (empty, emoji or punctuation only)');

  const vetoes = [rule('configured "never a request" phrase', phrases.notRequestPhrases ?? []), ...VETOES];
  const asks = [rule('request phrase', phrases.requestPhrases ?? []), ...ASKS];
  const objects = [rule('work object', phrases.workWords ?? []), WORK_OBJECTS];

  for (const sentence of sentences) {
    const withoutMealtimes = MEALTIMES.pattern ? sentence.replace(new RegExp(MEALTIMES.pattern.source, 'gu'), ' ') : sentence;
    for (const veto of vetoes) {
      const hit = find(veto, veto.label === 'social plan' ? withoutMealtimes : sentence);
      if (hit) return verdict('other', `${veto.label} "${hit}"`);
    }
  }

  let negative: string | undefined;
  let askWithoutWork: string | undefined;
  for (const sentence of sentences) {
    const neg = SENTENCE_NEGATIVES.map((r) => [r.label, find(r, sentence)] as const).find(([, hit]) => hit);
    if (neg) {
      negative ??= `${neg[0]} "${neg[1]}"`;
      continue;
    }
    const ask = asks.map((r) => [r.label, find(r, sentence)] as const).find(([, hit]) => hit);
    if (!ask) continue;
    const object = objects.map((r) => find(r, sentence)).find(Boolean);
    if (object) return verdict('request', `${ask[0]} "${ask[1]}" + work object "${object}"`);
    const verb = find(WORK_VERBS, sentence);
    const meeting = find(SCHEDULING, sentence);
    if (verb && !meeting) return verdict('request', `${ask[0]} "${ask[1]}" + work verb "${verb}"`);
    askWithoutWork ??= `${ask[0]} "${ask[1]}" but no work object`;
  }

  if (negative) return verdict('other', negative);
  if (askWithoutWork) return verdict('other', askWithoutWork);
  const all = sentences.join(' . ');
  const ack = find(ACKS, all);
  if (ack) return verdict('other', `thanks or acknowledgement "${ack}"`);
  const status = find(STATUS, all);
  if (status) return verdict('other', `status chatter "${status}"`);
  if (hadLink) return verdict('other', 'link shared without an ask');
  const work = objects.map((r) => find(r, all)).find(Boolean);
  if (work) return verdict('other', `work word "${work}" but no ask`);
  return verdict('other', 'no ask');
}

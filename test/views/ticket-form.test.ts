import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { CALLBACK_IDS, FORM_ACTION_ID, FORM_BLOCK_IDS } from '../../src/slack/ids.js';
import { LIMITS } from '../../src/slack/views/blocks.js';
import { buildTicketForm, describeDraftProblems, type TicketFormPrefill } from '../../src/slack/views/ticket-form.js';
import { walkBlocks } from './walk-blocks.js';

const CATEGORIES = ['Design', 'Copy', 'Web'] as const;
const TEAMS = ['Sales', 'Marketing', 'Support'] as const;

function form(prefill: Partial<TicketFormPrefill> = {}, extra: { categories?: readonly string[]; teams?: readonly string[] } = {}): ModalView {
  return buildTicketForm({
    prefill: { title: '', details: '', ...prefill },
    categories: extra.categories ?? CATEGORIES,
    teams: extra.teams ?? TEAMS,
    privateMetadata: '{"v":1,"source":"command"}',
    locale: 'en',
  });
}

function input(view: ModalView, blockId: string): InputBlock {
  const matches = view.blocks.filter((b) => b.block_id === blockId);
  expect(matches, blockId).toHaveLength(1);
  const block = matches[0]!;
  if (block.type !== 'input') throw new Error(`${blockId} is a ${block.type} block`);
  return block as InputBlock;
}

function element(view: ModalView, blockId: string): Record<string, unknown> {
  return input(view, blockId).element as unknown as Record<string, unknown>;
}

function optionValues(view: ModalView, blockId: string): string[] {
  return (element(view, blockId).options as PlainTextOption[]).map((o) => o.value ?? '');
}

describe('buildTicketForm', () => {
  it('is a modal with the ticket form callback id and short titles', () => {
    const view = form();
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(CALLBACK_IDS.ticketForm);
    expect(view.title.text.length).toBeGreaterThan(0);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text.length).toBeLessThanOrEqual(24);
    expect(view.close?.text.length).toBeLessThanOrEqual(24);
  });

  it('has every form block, each with the shared action id', () => {
    const view = form();
    for (const blockId of Object.values(FORM_BLOCK_IDS)) {
      expect(input(view, blockId).element.action_id, blockId).toBe(FORM_ACTION_ID);
    }
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.modalBlocks);
  });

  it('passes private_metadata through unchanged', () => {
    const metadata = '{"v":1,"source":"dm","offerId":9}';
    const view = buildTicketForm({ prefill: { title: '', details: '' }, categories: CATEGORIES, teams: TEAMS, privateMetadata: metadata, locale: 'en' });
    expect(view.private_metadata).toBe(metadata);
  });

  it('limits the title to 100 and the details to 3,000 characters', () => {
    const view = form();
    expect(element(view, FORM_BLOCK_IDS.title)).toMatchObject({ type: 'plain_text_input', max_length: 100 });
    expect(element(view, FORM_BLOCK_IDS.details)).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
  });

  it('shows the prefilled title, details, category, team, due date and urgency', () => {
    const view = form({
      title: 'Update the pricing page banner',
      details: 'The banner still says 2025.\nPlease make it 2026.',
      category: 'Web',
      team: 'Marketing',
      urgency: 'urgent',
      dueDate: '2026-12-01',
    });
    expect(element(view, FORM_BLOCK_IDS.title).initial_value).toBe('Update the pricing page banner');
    expect(element(view, FORM_BLOCK_IDS.details).initial_value).toBe('The banner still says 2025.\nPlease make it 2026.');
    expect(element(view, FORM_BLOCK_IDS.category).initial_option).toMatchObject({ value: 'Web', text: { text: 'Web' } });
    expect(element(view, FORM_BLOCK_IDS.team).initial_option).toMatchObject({ value: 'Marketing', text: { text: 'Marketing' } });
    expect(element(view, FORM_BLOCK_IDS.urgency).initial_option).toMatchObject({ value: 'urgent' });
    expect(element(view, FORM_BLOCK_IDS.dueDate)).toMatchObject({ type: 'datepicker', initial_date: '2026-12-01' });
  });

  it('every initial option is one of its options, by value and text', () => {
    const view = form({ category: 'Copy', team: 'Support', urgency: 'low' });
    for (const blockId of [FORM_BLOCK_IDS.category, FORM_BLOCK_IDS.team, FORM_BLOCK_IDS.urgency]) {
      const el = element(view, blockId);
      expect(el.options as PlainTextOption[], blockId).toContainEqual(el.initial_option);
    }
  });

  it('leaves fields empty when nothing is prefilled, with urgency defaulting to normal', () => {
    const view = form();
    expect(element(view, FORM_BLOCK_IDS.title)).not.toHaveProperty('initial_value');
    expect(element(view, FORM_BLOCK_IDS.details)).not.toHaveProperty('initial_value');
    expect(element(view, FORM_BLOCK_IDS.category)).not.toHaveProperty('initial_option');
    expect(element(view, FORM_BLOCK_IDS.team)).not.toHaveProperty('initial_option');
    expect(element(view, FORM_BLOCK_IDS.dueDate)).not.toHaveProperty('initial_date');
    expect(element(view, FORM_BLOCK_IDS.urgency).initial_option).toMatchObject({ value: 'normal' });
  });

  it('cuts prefilled text that is longer than the inputs allow', () => {
    const view = form({ title: 't'.repeat(250), details: 'd'.repeat(5000) });
    expect(String(element(view, FORM_BLOCK_IDS.title).initial_value).length).toBeLessThanOrEqual(100);
    expect(String(element(view, FORM_BLOCK_IDS.details).initial_value).length).toBeLessThanOrEqual(3000);
  });

  it('offers exactly the categories and teams it is given, in order', () => {
    const view = form({}, { categories: ['B', 'A'], teams: ['Ops'] });
    expect(optionValues(view, FORM_BLOCK_IDS.category)).toEqual(['B', 'A']);
    expect(optionValues(view, FORM_BLOCK_IDS.team)).toEqual(['Ops']);
    expect(optionValues(view, FORM_BLOCK_IDS.urgency)).toEqual(['low', 'normal', 'urgent']);
  });

  it('offers at most 100 options even when 150 categories and teams are configured', () => {
    const many = Array.from({ length: 150 }, (_, i) => `Option ${i + 1}`);
    const view = form({}, { categories: many, teams: many });
    expect(optionValues(view, FORM_BLOCK_IDS.category)).toEqual(many.slice(0, 100));
    expect(optionValues(view, FORM_BLOCK_IDS.team)).toHaveLength(LIMITS.options);
  });

  it('keeps option labels within 75 characters', () => {
    const view = form({}, { categories: ['c'.repeat(120)] });
    const [option] = element(view, FORM_BLOCK_IDS.category).options as PlainTextOption[];
    expect(option?.text.text.length).toBeLessThanOrEqual(LIMITS.optionText);
  });

  it('has no initial team when the remembered team is no longer configured', () => {
    const view = form({ team: 'Disbanded team', category: 'Gone category' });
    expect(element(view, FORM_BLOCK_IDS.team)).not.toHaveProperty('initial_option');
    expect(element(view, FORM_BLOCK_IDS.category)).not.toHaveProperty('initial_option');
  });

  it('shows the intro line above the fields only when given', () => {
    const withIntro = form({ intro: "I've filled this in from your message" });
    expect(withIntro.blocks[0]).toMatchObject({ type: 'context' });
    expect(walkBlocks(withIntro.blocks[0]).mrkdwn.map((m) => m.text)).toEqual(["I've filled this in from your message"]);
    expect(form().blocks.some((b) => b.type === 'context')).toBe(false);
  });

  it('keeps every plain text within Slack limits and every mrkdwn verbatim', () => {
    const walked = walkBlocks(form({ intro: 'x'.repeat(5000) }));
    for (const p of walked.plainText) expect(p.text.length, p.path).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const m of walked.mrkdwn) {
      expect(m.verbatim, m.path).toBe(true);
      expect(m.text.length, m.path).toBeLessThanOrEqual(LIMITS.sectionText);
    }
  });
});

describe('describeDraftProblems', () => {
  it('says every problem in the person\'s language, with the limits filled in', () => {
    const problems = { title: 'title_too_long', team: 'team_missing', dueDate: 'due_in_past' } as const;
    expect(describeDraftProblems(problems, 'en')).toEqual({
      title: 'Please keep the title to 100 characters or fewer.',
      team: 'Please pick your team.',
      dueDate: 'The due date is in the past — please pick today or later.',
    });
    const german = describeDraftProblems({ ...problems, details: 'details_too_long' }, 'de');
    expect(german.title).toBe('Der Titel darf höchstens 100 Zeichen lang sein.');
    expect(german.details).toBe('Die Details dürfen höchstens 3000 Zeichen lang sein.');
    expect(Object.values(german).join(' ')).not.toMatch(/\{\w+\}|Please/);
  });
});

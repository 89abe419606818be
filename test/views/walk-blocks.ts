/**
 * Walks any Block Kit value (a message, a modal, a block list) and collects every text object and every string,
 * each with the path it was found at, so tests can check escaping and limits without knowing the layout.
 */
export interface TextFound {
  path: string;
  text: string;
}

export interface MrkdwnFound extends TextFound {
  verbatim: unknown;
}

export interface WalkResult {
  mrkdwn: MrkdwnFound[];
  plainText: TextFound[];
  /** Every string value anywhere in the tree (including the `text` of text objects and the fallback `text`). */
  strings: TextFound[];
}

export function walkBlocks(value: unknown): WalkResult {
  const out: WalkResult = { mrkdwn: [], plainText: [], strings: [] };
  const visit = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      out.strings.push({ path, text: node });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.type === 'mrkdwn' && typeof record.text === 'string') {
      out.mrkdwn.push({ path, text: record.text, verbatim: record.verbatim });
    }
    if (record.type === 'plain_text' && typeof record.text === 'string') {
      out.plainText.push({ path, text: record.text });
    }
    for (const [key, child] of Object.entries(record)) visit(child, `${path}.${key}`);
  };
  visit(value, '$');
  return out;
}

/** Every block of a given type, typed loosely for assertions. */
export function blocksOfType(blocks: readonly { type: string }[], type: string): Record<string, unknown>[] {
  return blocks.filter((b) => b.type === type) as unknown as Record<string, unknown>[];
}

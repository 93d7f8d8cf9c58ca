import { describe } from 'node:test';
import { expect } from 'expect';
import type { AnyNode } from 'domhandler';
import { cases } from '../helpers/cases.js';
import { MAX_DEPTH, parseHtml } from '../../src/extract/parse-html.js';
import { textOf } from '../../src/extract/document-index.js';

/** The deepest level under a node, counted without recursion (the point is a tree too deep for it). */
function depthOf(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const c of node.children) stack.push([c, depth + 1]);
  }
  return deepest;
}

describe('parseHtml caps the tree\'s depth as a browser does, keeping every node in document order', () => {
  // levels under the root: <body>, the divs, <b>, its text
  cases([
    ['10 unclosed divs', 10, 13],
    ['509: the deepest text exactly at the cap', MAX_DEPTH - 3, MAX_DEPTH],
    ['510: one level over it', MAX_DEPTH - 2, MAX_DEPTH],
    ['20,000 unclosed divs', 20_000, MAX_DEPTH],
  ])('%s', (_name, levels, depth) => {
    const doc = parseHtml(`<body>${'<div>'.repeat(levels)}第一段<b>加粗</b>末尾</body><p>页脚</p>`);
    expect(depthOf(doc)).toBe(depth);
    expect(textOf(doc)).toBe('第一段加粗末尾页脚');
  });
});

import { describe } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { parseYamlDocuments } from '../helpers/yaml.js';

// the reader the deploy examples' test runs them with: what it gives for each construct they use
// (checked against PyYAML's reading of the four files when written), and a loud failure beyond them
describe('the deploy examples\' YAML', () => {
  cases([
    ['a: 1\nb: text # said\nc: "x # y"\nd: true\ne:', [{ a: 1, b: 'text', c: 'x # y', d: true, e: null }]],
    ['run: >-\n  node a.js\n  --b "$C"\nnext: x', [{ run: 'node a.js --b "$C"', next: 'x' }]],
    ['run: |\n  one\n  two\n', [{ run: 'one\ntwo\n' }]],
    ['steps:\n  - uses: a@v4\n    with: { node-version: 20 }\n  - run: b', [{ steps: [{ uses: 'a@v4', with: { 'node-version': 20 } }, { run: 'b' }] }]],
    ['args:\n- >-\n  sh -c\n  "$((I + 1))"\n', [{ args: ['sh -c "$((I + 1))"'] }]],
    ['env:\n  # a comment between items\n  - { name: N, value: "8" }\nm: [{ a: b, c: [1, "2"] }]', [{ env: [{ name: 'N', value: '8' }], m: [{ a: 'b', c: [1, '2'] }] }]],
    ['command: ["sh", "-c", "until [ $(ls x | wc -l) -ge 8 ]; do sleep 1; done"]', [{ command: ['sh', '-c', 'until [ $(ls x | wc -l) -ge 8 ]; do sleep 1; done'] }]],
    ['# head\nkind: Job\n---\nkind: Job\nname: b\n', [{ kind: 'Job' }, { kind: 'Job', name: 'b' }]],
  ])('%j → %j', (source: string, expected: unknown) => {
    expect(parseYamlDocuments(source, 'x.yaml')).toEqual(expected);
  });

  cases([
    ['a: "tab\\t"', /x\.yaml:1: escapes in a double-quoted string/],
    ['a: { b: c', /x\.yaml:1: unclosed }/],
    ['a:\n  b: 1\n    c: 2', /x\.yaml:3: (indented more|not a "key: value")/],
    ['just text', /x\.yaml:1: not a "key: value" line/],
  ])('%j fails naming its line', (source: string, message: RegExp) => {
    expect(() => parseYamlDocuments(source, 'x.yaml')).toThrow(message);
  });
});

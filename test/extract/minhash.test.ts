import { describe, it } from 'node:test';
import { expect } from 'expect';
import { minhash, similarity, SKETCH_SIZE } from '../../src/extract/minhash.js';

/** The definition, with sets: of the k smallest hashes of both sketches, the share found in both. */
function bySets(a: readonly number[], b: readonly number[]): number {
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, Math.min(SKETCH_SIZE, Math.max(a.length, b.length)));
  if (union.length === 0) return 0;
  const both = union.filter((h) => a.includes(h) && b.includes(h)).length;
  return Math.round((both / union.length) * 1000) / 1000;
}

const report = (n: number) => `关于做好${n}月份安全生产工作的通知。各乡镇人民政府、县直各单位：为切实做好当前安全生产工作，坚决遏制重特大事故发生，现就有关事项通知如下。一是压实责任，二是排查隐患，三是强化值守。`;

describe('minhash similarity', () => {
  it('equals the set definition on sketches of real-size texts, twins and strangers, short and empty', () => {
    const texts = [report(1), report(2), report(11), '完全不同的一段文字，讲的是乡村振兴和农业产业发展。'.repeat(3), '短文', '', 'abc'];
    const sketches = texts.map(minhash);
    for (const a of sketches) for (const b of sketches) expect(similarity(a, b)).toBe(bySets(a, b));
    expect(similarity(sketches[0]!, sketches[1]!)).toBeGreaterThanOrEqual(0.85);
    expect(similarity(sketches[0]!, sketches[3]!)).toBeLessThan(0.2);
  });

  it('equals the set definition on random sorted sketches of every length up to k', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 500;
    const sketch = (n: number) => [...new Set(Array.from({ length: n }, next))].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
    for (let n = 0; n < 200; n++) {
      const a = sketch(n % 90);
      const b = sketch((n * 7) % 90);
      expect([a, b, similarity(a, b)]).toEqual([a, b, bySets(a, b)]);
    }
  });

  it('a sketch is the k smallest distinct 3-gram hashes: a text split in two (the split\'s 3-grams kept) sketches as its halves together', () => {
    // long enough that most hashes never enter the sketch, with repeats that must be counted once
    const text = Array.from({ length: 60 }, (_, i) => `${report(i % 12 + 1)}第${'一二三四五六七八九十'[i % 10]}批`).join('').replace(/[\s\d]+/g, '');
    for (const at of [3, 500, 1234, text.length - 3]) {
      const halves = [...minhash(text.slice(0, at + 2)), ...minhash(text.slice(at))];
      const together = [...new Set(halves)].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
      expect(minhash(text)).toEqual(together);
    }
    const sketch = minhash(text);
    expect(sketch).toHaveLength(SKETCH_SIZE);
    expect(sketch.every((h, i) => i === 0 || h > sketch[i - 1]!)).toBe(true);
    expect(minhash('一二三一二三一二三')).toHaveLength(3); // 一二三, 二三一, 三一二
    // long, and of fewer distinct 3-grams than its length: its sketch is every one of them
    const distinct = Array.from({ length: 100 }, (_, i) => '安全生产工作通知如下各乡镇人民政府县直单位'[i % 20]! + '一二三四五'[Math.floor(i / 20)]!).join('');
    expect(minhash(distinct.repeat(20))).toEqual(minhash(distinct + distinct.slice(0, 2)));
    expect(minhash(distinct.repeat(20))).toHaveLength(SKETCH_SIZE);
  });

  it('leaves out exactly what \\s and \\d match: with any UTF-16 code unit inside a text, it sketches as the text with those cut out', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `通知${String.fromCharCode(c)}如下`;
      if (minhash(text).join() !== minhash(text.replace(/[\s\d]+/g, '')).join()) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('sketches as the stored ones do: facts stored by earlier runs (an unchanged page\'s copy) are compared with new ones', () => {
    expect(minhash('关于 2024 年\u3000安全生产工作的通知')).toEqual([267588465, 366348412, 913022354, 1898287156, 3046021602, 3074253870, 3512577312, 3608693993, 3782374495, 4102566522]);
    expect(minhash('ab\u00a0c😀')).toEqual([482950588, 1559932512, 1990703918]);
  });
});

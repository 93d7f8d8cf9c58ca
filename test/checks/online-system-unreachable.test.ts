import { describe, it } from 'node:test';
import { expect } from 'expect';
import { onlineSystemUnreachable } from '../../src/checks/online-system-unreachable.js';
import { runCheck } from '../../src/checks/run.js';
import { factsFor } from './factsfor.js';

describe('online-system-unreachable', () => {
  it('is not assessed, saying why, rather than passing a site it never looked at', () => {
    expect(runCheck(onlineSystemUnreachable, factsFor({ portal: true }), '2026-11-15')).toEqual({ kind: 'not-assessed', reason: 'online service systems are not identified yet' });
  });
});

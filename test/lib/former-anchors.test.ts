/**
 * Former anchors (issue 5): old ids of renamed sections, inherited by later versions and chained.
 */
import { describe, expect, it } from 'vitest';
import { formerAnchorsAt, formerAnchorsBySection } from '../../src/lib/content/anchors.ts';

describe('former anchors', () => {
  it('should keep a former anchor in the versions after the one that declares it', () => {
    expect(formerAnchorsAt([{ retention: 'data-retention' }, undefined], new Set(['data-retention']))).toEqual({ retention: 'data-retention' });
  });

  it('should chain renames so that the oldest id lands on the newest section', () => {
    const ids = new Set(['keeping-data']);
    expect(formerAnchorsAt([{ retention: 'data-retention' }, { 'data-retention': 'keeping-data' }], ids)).toEqual({ 'data-retention': 'keeping-data', retention: 'keeping-data' });
  });

  it('should drop a former anchor whose section is gone or whose id is a real anchor again', () => {
    expect(formerAnchorsAt([{ a: 'b', c: 'd' }], new Set(['a', 'x']))).toEqual({});
  });

  it('should group former anchors by the section they land on', () => {
    expect(formerAnchorsBySection({ z: 'one', a: 'one', b: 'two' })).toEqual({ one: ['a', 'z'], two: ['b'] });
  });
});

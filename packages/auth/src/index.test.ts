import { describe, expect, it } from 'vitest';
import * as portable from './index.js';
import * as nodeBuild from './index.node.js';

describe('the package root', () => {
  it('has the same names in the Node build as in the portable one', () => {
    expect(Object.keys(nodeBuild).sort()).toEqual(Object.keys(portable).sort());
  });

  it('binds node:crypto only where the Node build signs or verifies', () => {
    const portableValues = new Map<string, unknown>(Object.entries(portable));
    const rebound = Object.entries(nodeBuild)
      .filter(([name, value]) => portableValues.get(name) !== value)
      .map(([name]) => name);
    expect(rebound.sort()).toEqual(['signVidau', 'signVidauRequest', 'verifyVidauSignature', 'vidauAuth', 'vidauHeaders']);
  });
});

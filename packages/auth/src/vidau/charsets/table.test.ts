import { describe, expect, it } from 'vitest';
import { type CharsetTable, readRuns, writeCodePoint } from './table.js';

const write = (table: CharsetTable, codePoint: number) => {
  const bytes: number[] = [];
  writeCodePoint(readRuns(table), codePoint, bytes);
  return Buffer.from(bytes).toString('hex');
};

describe('charset tables', () => {
  // Written by hand from the format in conformance/scripts/CharsetTables.java, one base64 VLQ digit group at a time:
  // 'pQ' = 521 = 65 << 3 | 1 (a gap of 65 code points, one-byte sequences), 'C' = 3 - 1 code points, 'iG' = 194 = zigzag(97).
  const base: CharsetTable = { name: 'windows-1252', radix: [[], [0x00, 0x100]], runs: 'pQCiG' };

  it('maps a run of code points to consecutive sequences, and nothing else', () => {
    expect([0x41, 0x42, 0x43].map((c) => write(base, c))).toEqual(['61', '62', '63']);
    expect([0x40, 0x44, 0xd800, 0x10ffff].map((c) => write(base, c))).toEqual(['3f', '3f', '3f', '3f']);
  });

  it('counts two-byte sequences in the radix of each position, carrying into the lead byte', () => {
    // 'C' = 0 << 3 | 2 from U+0000, 'D' = 4 - 1, 'c' = zigzag(14): lead 0x81 trail 0x40 + 14, with 15 trail bytes a row.
    const table: CharsetTable = { name: 'GBK', radix: [[], [], [0x81, 0x7e, 0x40, 0x0f]], runs: 'CDc' };
    expect([0, 1, 2, 3].map((c) => write(table, c))).toEqual(['814e', '8240', '8241', '8242']);
  });

  it('lays a table over its base: its runs win, a run of length 0 unmaps, the rest is the base', () => {
    // 'wQ' = 528 = 66 << 3 | 0 (U+0042 unmapped), 'A' one code point, 'A' no index.
    const over: CharsetTable = { name: 'GB18030', base, radix: [[], [0x00, 0x100]], runs: 'wQAA' };
    expect([0x41, 0x42, 0x43].map((c) => write(over, c))).toEqual(['61', '3f', '63']);
  });
});

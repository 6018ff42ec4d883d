import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CHARSET_OPTIONS } from './charsets.js';
import { signetSigned } from './compare.js';
import { fastjson2Range, type JvmCharset, javaLaunch } from './references.js';

/** The text reference.CharsetBytes encodes: every code point in order, unpaired surrogates each followed by 'x'. */
function everyCodePoint(): string {
  const parts: string[] = [];
  for (let codePoint = 0; codePoint < 0x110000; codePoint++) {
    parts.push(codePoint >= 0xd800 && codePoint <= 0xdfff ? `${String.fromCharCode(codePoint)}x` : String.fromCodePoint(codePoint));
  }
  return `${parts.join('')}\ud800\ud800\udc00\ud800\ud83d`;
}

/** What a JVM with `charset` as its default charset writes for the text: `getBytes()`, as the vendor's sample calls it. */
function jvmBytes(charset: JvmCharset): Promise<Buffer> {
  const launch = javaLaunch({ charset }, 'reference.CharsetBytes');
  return new Promise((resolve, reject) => {
    const child = spawn(launch.command, [...launch.args, charset], { env: launch.env });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`the ${charset} JVM exited ${code}: ${stderr}`)),
    );
  });
}

const CLIENT_ID = 'c';
const TIMESTAMP = 1723515690000;

/**
 * The bytes the signer hashes for `text` under `charset`: its message, `clientId + text + timestamp`,
 * without the ASCII around the text. (The python dialect signs a body as it is given.)
 */
async function signerBytes(text: string, charset: JvmCharset): Promise<Buffer> {
  const c = { text: '', clientId: CLIENT_ID, authKey: 'k', timestamp: TIMESTAMP };
  const { message } = await signetSigned(c, text, 'python', CHARSET_OPTIONS[charset]);
  return Buffer.from(message).subarray(CLIENT_ID.length, message.length - String(TIMESTAMP).length);
}

/** The first code point whose bytes differ, and both sides' bytes there, for a failure that says where. */
async function firstDifference(text: string, charset: JvmCharset, jvm: Buffer): Promise<string> {
  let offset = 0;
  for (const character of text) {
    const ours = await signerBytes(character, charset);
    const theirs = jvm.subarray(offset, offset + ours.length);
    if (!ours.equals(theirs)) {
      const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      return `U+${codePoint}: signet ${ours.toString('hex')}, the JVM ${jvm.subarray(offset, offset + 4).toString('hex')}…`;
    }
    offset += ours.length;
  }
  return `the JVM wrote ${jvm.length - offset} more bytes`;
}

describe('the charset option signs every code point as a JVM with that default charset writes it', () => {
  fastjson2Range(); // the reference build must exist
  const text = everyCodePoint();

  it.each(Object.keys(CHARSET_OPTIONS) as JvmCharset[])('%s', async (charset) => {
    const jvm = await jvmBytes(charset);
    const ours = await signerBytes(text, charset);
    if (!ours.equals(jvm)) expect.fail(await firstDifference(text, charset, jvm));
  });
});

// The shared text rules: no C0 control character or DEL in an id, a slug, a name or a label.
import { describe, expect, it } from 'vitest';
import { passkeyNameSchema } from './strong-sign-in';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter, idText, isPlainId, lineOfText, withoutControlCharacters } from './text';

const CONTROLS = ['\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u001f', '\u007f'];

describe('hasControlCharacter and withoutControlCharacters', () => {
  it('find every C0 character and DEL, and nothing printable (accents, emoji, NBSP, U+2028 included)', () => {
    for (const c of CONTROLS) expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const text of ['', 'plain', 'Zoë', '😀', 'a\u00a0b', 'a\u2028b', '~']) expect(hasControlCharacter(text), text).toBe(false);
  });

  it('turn each control character into a space (words stay apart), leaving the rest', () => {
    expect(withoutControlCharacters('mug\u0000cup\tbowl\u007f')).toBe('mug cup bowl ');
    expect(withoutControlCharacters('Café 😀')).toBe('Café 😀');
  });
});

describe('isPlainId', () => {
  it('is 1 to max characters with no control character', () => {
    expect(isPlainId('aurora-mug', 64)).toBe(true);
    expect(isPlainId('', 64)).toBe(false);
    expect(isPlainId('x'.repeat(65), 64)).toBe(false);
    expect(isPlainId('x'.repeat(64), 64)).toBe(true);
    for (const c of CONTROLS) expect(isPlainId(`id${c}`, 64)).toBe(false);
  });
});

describe('idText', () => {
  const schema = idText({ required: 'Choose a product.', unknown: 'Unknown product.', max: 10 });

  it('trims, and refuses a control character, an over-long id or none with the messages given', () => {
    expect(schema.parse('  abc ')).toBe('abc');
    expect(schema.safeParse('a\u0000').error?.issues.map((i) => i.message)).toEqual(['Unknown product.']);
    expect(schema.safeParse('\u0000').error?.issues.map((i) => i.message)).toEqual(['Unknown product.']);
    expect(schema.safeParse('x'.repeat(11)).error?.issues[0]?.message).toBe('Unknown product.');
    expect(schema.safeParse('   ').error?.issues.map((i) => i.message)).toEqual(['Choose a product.']);
    expect(schema.safeParse(42).error?.issues.map((i) => i.message)).toEqual(['Choose a product.']);
  });
});

describe('lineOfText', () => {
  const schema = lineOfText({ required: 'Enter your name.', max: 5, tooLong: 'Too long.' });

  it('normalises (NFKC), trims, and refuses a control character inside with a clear message', () => {
    expect(schema.parse('  ＡＢ ')).toBe('AB');
    for (const text of ['a\u0000', '\u0000', 'a\tb', 'a\nb', 'a\u001bb']) {
      expect(schema.safeParse(text).error?.issues.map((i) => i.message), JSON.stringify(text)).toEqual([CONTROL_CHARACTER_MESSAGE]);
    }
    // Trailing whitespace controls (a newline at the end) are trimmed away, not refused.
    expect(schema.parse('ab\n')).toBe('ab');
    expect(schema.safeParse('').error?.issues[0]?.message).toBe('Enter your name.');
    expect(schema.safeParse('abcdef').error?.issues[0]?.message).toBe('Too long.');
    expect(schema.safeParse(undefined).error?.issues[0]?.message).toBe('Enter your name.');
  });
});

describe('the names people give things', () => {
  it('a passkey name refuses a control character, and keeps its NFKC and length rules', () => {
    expect(passkeyNameSchema.safeParse('Work\u0000laptop').error?.issues[0]?.message).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(passkeyNameSchema.parse('  Ｗork laptop ')).toBe('Work laptop');
    expect(passkeyNameSchema.safeParse('x'.repeat(61)).error?.issues[0]?.message).toBe('Passkey names are at most 60 characters.');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('ids', () => {
  it('are checked by the one UUID pattern of src/lib, nowhere else (twelve copies had grown)', () => {
    const root = path.resolve(import.meta.dirname, '../../src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('generated'));
    const copies = files.filter((f) => readFileSync(path.join(root, f), 'utf8').includes('[0-9a-f]{8}-[0-9a-f]{4}'));
    expect(copies).toEqual([path.join('lib', 'uuid.ts')]);
  });
});

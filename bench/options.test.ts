import { describe, expect, it } from 'vitest';
import { fullSizes, parseOptions, quickSizes, sectionNames } from './options.js';

describe('bench options', () => {
  it('runs every part at the issue sizes by default', () => {
    const options = parseOptions([]);
    expect(options.quick).toBe(false);
    expect(options.only).toEqual([...sectionNames]);
    expect(options.sizes).toEqual(fullSizes);
    expect(options.sizes).toMatchObject({
      mutations: 10_000,
      residents: 50_000,
      importRows: 50_000,
      devices: 500,
      perDevice: 100,
    });
  });

  it('shrinks every part with --quick, and keeps --devices and --per-device', () => {
    const options = parseOptions(['--quick', '--out=/tmp/x.json', '--devices', '7']);
    expect(options.out).toBe('/tmp/x.json');
    expect(options.sizes).toEqual({ ...quickSizes, devices: 7 });
    expect(options.sizes.importRows).toBeLessThan(fullSizes.importRows);
  });

  it('runs only the named parts, the roster import among them', () => {
    expect(parseOptions(['--only', 'import,load']).only).toEqual(['import', 'load']);
  });

  it('refuses what it does not know', () => {
    expect(() => parseOptions(['--only', 'everything'])).toThrow(/Usage/);
    expect(() => parseOptions(['--devices', '0'])).toThrow(/Usage/);
    expect(() => parseOptions(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseOptions(['--out'])).toThrow(/needs a value/);
  });
});

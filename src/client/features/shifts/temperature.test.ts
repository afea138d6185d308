import { describe, expect, it } from 'vitest';
import { parseTemperature } from './temperature.js';

describe('parseTemperature', () => {
  it('reads what was tapped, with or without the dot', () => {
    expect(parseTemperature('37.5')).toEqual({ tenths: 375, inRange: true });
    expect(parseTemperature('375')).toEqual({ tenths: 375, inRange: true });
    expect(parseTemperature('36')).toEqual({ tenths: 360, inRange: true });
    expect(parseTemperature('36.')).toEqual({ tenths: 360, inRange: true });
  });

  it('flags readings a person cannot have, and is silent until there is a reading', () => {
    expect(parseTemperature('34.0')).toEqual({ tenths: 340, inRange: false });
    expect(parseTemperature('42.1')).toEqual({ tenths: 421, inRange: false });
    expect(parseTemperature('')).toBeNull();
    expect(parseTemperature('3')).toBeNull();
    expect(parseTemperature('3.75')).toBeNull();
  });
});

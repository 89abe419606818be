import { describe, expect, it } from 'vitest';
import { renderWeeklyChart } from '../../src/app/weekly-chart.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const chart = {
  title: 'Requests per week by team (8 weeks to 2026-W48)',
  weeks: ['5 Oct', '12 Oct', '19 Oct', '26 Oct', '2 Nov', '9 Nov', '16 Nov', '23 Nov'],
  series: [
    { team: 'Sales', counts: [11, 16, 13, 9, 7, 15, 13, 9] },
    { team: 'Customer Success', counts: [5, 9, 6, 5, 7, 8, 7, 6] },
    { team: 'Other teams', counts: [2, 1, 0, 3, 1, 2, 2, 3] },
  ],
};

describe('the weekly chart', () => {
  it('renders an 800×400 PNG in Node, without a browser', async () => {
    const png = await renderWeeklyChart(chart);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // IHDR: width and height, big-endian, right after the chunk's length and type.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
    // Bars, labels and a legend take far more bytes than a blank canvas (about 3 kB).
    expect(png.length).toBeGreaterThan(10_000);
    expect(png.length).toBeLessThan(1_000_000);
  });

  it('draws different data differently, and an empty history still gives an image', async () => {
    const a = await renderWeeklyChart(chart);
    const b = await renderWeeklyChart({ ...chart, series: [{ team: 'Sales', counts: [1, 1, 1, 1, 1, 1, 1, 40] }] });
    expect(a.equals(b)).toBe(false);
    const empty = await renderWeeklyChart({ ...chart, series: [] });
    expect(empty.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });
});

import type { ChartConfiguration } from 'chart.js';
import { OTHER_TEAMS, type WeeklyChartData } from '../core/digest.js';
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';

export type { WeeklyChartData };

/** The chart's data with the language of its labels; a series marked `folded` is the small teams together. */
export type LocalizedChart = Omit<WeeklyChartData, 'series'> & {
  series: (WeeklyChartData['series'][number] & { folded?: boolean })[];
  locale?: Locale;
};

/**
 * Chart.js and its Skia canvas, loaded the first time a chart is drawn: they cost ~30 MB and ~0.3 s to load (measured
 * with process.memoryUsage), for a chart drawn once a week.
 */
let drawing: Promise<{ Chart: typeof import('chart.js').Chart; createCanvas: typeof import('@napi-rs/canvas').createCanvas }> | undefined;
function loadDrawing() {
  drawing ??= Promise.all([import('chart.js'), import('@napi-rs/canvas')]).then(([chartJs, canvas]) => {
    chartJs.Chart.register(...chartJs.registerables);
    return { Chart: chartJs.Chart, createCanvas: canvas.createCanvas };
  });
  // A failed load is tried again next time rather than remembered.
  drawing.catch(() => {
    drawing = undefined;
  });
  return drawing;
}

const WIDTH = 800;
const HEIGHT = 400;
// Colour-blind-safe (Okabe–Ito); "Other teams" is always grey, last.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const OTHER_COLOUR = '#9E9E9E';

/**
 * Renders the weekly digest's chart as a PNG: requests per week by team, stacked bars, with a title and a legend.
 * Chart.js draws on a Skia canvas (@napi-rs/canvas) — no browser, no system libraries.
 */
export async function renderWeeklyChart(chart: LocalizedChart): Promise<Buffer> {
  const locale = chart.locale ?? 'en';
  const { Chart, createCanvas } = await loadDrawing();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: chart.weeks,
      datasets: chart.series.map((s, i) => ({
        label: s.team,
        data: s.counts,
        backgroundColor: i === chart.series.length - 1 && (s.folded || s.team === OTHER_TEAMS) ? OTHER_COLOUR : PALETTE[i % PALETTE.length],
      })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      plugins: {
        title: { display: true, text: chart.title, font: { size: 16 } },
        legend: { position: 'right' },
      },
      scales: {
        x: { stacked: true, title: { display: true, text: t(locale, 'chart.weekStarting') } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t(locale, 'chart.requests') } },
      },
    },
    // A white background: Slack shows transparent PNGs on dark themes as black text on black.
    plugins: [
      {
        id: 'background',
        beforeDraw: (c) => {
          c.ctx.save();
          c.ctx.fillStyle = '#FFFFFF';
          c.ctx.fillRect(0, 0, c.width, c.height);
          c.ctx.restore();
        },
      },
    ],
  };
  // Chart.js accepts any object with getContext('2d'); the canvas types differ only nominally from the DOM's.
  const rendered = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return await canvas.encode('png');
  } finally {
    rendered.destroy();
  }
}

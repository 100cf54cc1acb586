import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the console draws, so the bundle stays small.
echarts.use([BarChart, HeatmapChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent,
  MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
import { h } from './dom.js';

// Colour-blind-safe palette (Okabe-Ito); every series also gets a decal pattern, a symbol or a dash, and the
// values are labelled, so no chart relies on colour alone.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];

const live = new Set();
window.addEventListener('resize', () => live.forEach((chart) => chart.resize()));

/** Disposes the charts of the previous view (their DOM is gone). */
export function disposeCharts() {
  live.forEach((chart) => chart.dispose());
  live.clear();
}

/**
 * A chart panel: a focusable figure whose label is the chart's text summary, the chart itself, and a data
 * table for keyboard and screen-reader users (also the precise numbers for everyone).
 */
export function chartPanel(id, title, summary, option, dataTable, extra) {
  const canvasHost = h('div', { class: 'chart', id, role: 'img', 'aria-label': title + '. ' + summary, tabindex: '0' });
  const figure = h('figure', { class: 'chart-panel', 'data-chart': id },
    h('figcaption', {}, h('h3', {}, title), h('p', { class: 'chart-summary' }, summary)),
    canvasHost,
    dataTable ? h('details', { class: 'chart-data' }, h('summary', {}, 'Data table'), dataTable) : null,
    extra || null);
  requestAnimationFrame(() => {
    const chart = echarts.init(canvasHost, null, { renderer: 'canvas' });
    chart.setOption({
      color: PALETTE,
      // ECharts' own aria label would replace the summary written for the chart; the decals stay.
      aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      animation: false,
      ...option,
      tooltip: { renderMode: 'richText', ...(option.tooltip || {}) },
    });
    live.add(chart);
    canvasHost.dataset.rendered = 'true';
  });
  return figure;
}

export function symbolFor(index) {
  return SYMBOLS[index % SYMBOLS.length];
}

export { PALETTE };

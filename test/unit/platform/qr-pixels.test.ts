import { describe, expect, it } from 'vitest';
import {
  MAX_SIDE,
  invert,
  otsu,
  planPasses,
  sharpen,
  stretchContrast,
  threshold,
  toGray,
} from '../../../src/platform/qr-pixels';

const rgba = (...pixels: number[][]) => new Uint8ClampedArray(pixels.flat());

describe('planPasses', () => {
  const BASE = ['as is', 'grayscale', 'contrast stretched', 'inverted', 'thresholded', 'sharpened'];
  const UP = ['upscaled sharp', 'upscaled smooth', 'upscaled inverted'];
  it.each([
    // [width, height, labels after the base passes]
    [600, 600, BASE, ['downscaled 400', 'downscaled 200']],
    [480, 480, BASE, ['downscaled 200', ...UP]],
    [1200, 900, BASE, ['downscaled 800', 'downscaled 400', 'downscaled 200']],
    [4000, 3000, ['as is, shrunk to 1600', ...BASE.slice(1)], ['downscaled 800', 'downscaled 400', 'downscaled 200']],
    [60, 60, BASE, UP],
  ])('%i×%i', (width, height, base, extra) => {
    expect(planPasses(width, height).map((p) => p.label)).toEqual([...base, ...extra]);
  });

  it('never scans a huge photo at full size, and keeps its aspect ratio', () => {
    for (const pass of planPasses(4000, 3000)) {
      expect(Math.max(pass.width, pass.height)).toBeLessThanOrEqual(MAX_SIDE);
      expect(pass.width / pass.height).toBeCloseTo(4 / 3, 2);
    }
  });

  it('enlarges a tiny code without smoothing first (modules stay square), at most 8 times', () => {
    const [sharp] = planPasses(60, 30).filter((p) => p.label === 'upscaled sharp');
    expect(sharp).toMatchObject({ width: 480, height: 240, smooth: false });
    expect(planPasses(300, 300).find((p) => p.label === 'upscaled sharp')).toMatchObject({ width: 1000 });
  });
});

describe('pixel filters', () => {
  it('grayscale uses BT.601 luma and flattens transparency onto white', () => {
    const pixels = rgba([255, 0, 0, 255], [0, 0, 0, 0], [0, 0, 0, 255]);
    toGray(pixels);
    expect([...pixels]).toEqual([76, 76, 76, 255, 255, 255, 255, 255, 0, 0, 0, 255]);
  });

  it('inverts light-on-dark codes', () => {
    const pixels = rgba([255, 255, 255, 255], [10, 10, 10, 255]);
    invert(pixels);
    expect([...pixels]).toEqual([0, 0, 0, 255, 245, 245, 245, 255]);
  });

  it('stretches a faint picture to full black and white', () => {
    // 100 pixels: half at 120, half at 140 (a code printed grey on grey).
    const pixels = new Uint8ClampedArray(400);
    for (let i = 0; i < 100; i++) pixels.set(i < 50 ? [120, 120, 120, 255] : [140, 140, 140, 255], i * 4);
    stretchContrast(pixels);
    expect(pixels[0]).toBe(0);
    expect(pixels[99 * 4]).toBe(255);
  });

  it('ignores a speck of glare when stretching', () => {
    const pixels = new Uint8ClampedArray(1000 * 4);
    for (let i = 0; i < 1000; i++) {
      const v = i === 0 ? 255 : i < 500 ? 100 : 150;
      pixels.set([v, v, v, 255], i * 4);
    }
    stretchContrast(pixels);
    expect(pixels[1 * 4]).toBe(0); // 100 → black
    expect(pixels[999 * 4]).toBe(255); // 150 → white, though one pixel was brighter
  });

  it('leaves a flat picture as it is', () => {
    const pixels = rgba([90, 90, 90, 255], [90, 90, 90, 255]);
    stretchContrast(pixels);
    expect([...pixels]).toEqual([90, 90, 90, 255, 90, 90, 90, 255]);
  });

  it('thresholds a blurred two-tone picture at Otsu’s cut, between the two tones', () => {
    const histogram = new Uint32Array(256);
    histogram[60] = 50;
    histogram[70] = 50;
    histogram[180] = 40;
    histogram[200] = 60;
    const cut = otsu(histogram, 200);
    expect(cut).toBeGreaterThanOrEqual(70);
    expect(cut).toBeLessThan(180);
    const pixels = rgba([70, 70, 70, 255], [100, 100, 100, 255], [180, 180, 180, 255]);
    threshold(pixels);
    expect([...pixels].filter((_, i) => i % 4 === 0)).toEqual([0, 0, 255]);
  });

  it('sharpens an edge (overshoot on both sides) and leaves flat areas alone', () => {
    const pixels = new Uint8ClampedArray(10 * 2 * 4);
    for (let y = 0; y < 2; y++) {
      for (let x = 0; x < 10; x++) pixels.set(x < 5 ? [100, 100, 100, 255] : [150, 150, 150, 255], (y * 10 + x) * 4);
    }
    sharpen(pixels, 10);
    const row = [...pixels].filter((_, i) => i % 4 === 0).slice(0, 10);
    expect(row).toEqual([100, 100, 100, 100, 67, 183, 150, 150, 150, 150]);
    expect([...pixels].filter((_, i) => i % 4 === 0).slice(10)).toEqual(row); // both rows alike
  });
});

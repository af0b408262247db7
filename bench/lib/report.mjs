/**
 * The one table `npm run bench` prints, in Markdown so it can go into the README as it is. Every row is a
 * median of several runs (spread in brackets), with its reference measured in the same run.
 */
import { MiB, kB, median, ms, perSecond, ratio, thousands } from './stats.mjs';

const rate = (count, times) => `${thousands(perSecond(count, median(times)))} codes/s`;

function engineRows({ count, node, latchkey, uncached, otpauth, agree }) {
  const ref = `node:crypto HMAC: ${rate(count, node)}`;
  const vsNode = (t) => ratio(median(node), median(t));
  return [
    [
      '1. Codes',
      `Latchkey, cached keys, batched (${count} accounts)`,
      `${rate(count, latchkey)}; ${ms(latchkey)} per batch`,
      ref,
      vsNode(latchkey),
      '',
    ],
    [
      '1. Codes',
      'Latchkey, keys imported each time',
      `${rate(count, uncached)}; ${ms(uncached)} per batch`,
      ref,
      vsNode(uncached),
      '',
    ],
    [
      '1. Codes',
      'otpauth library, same page',
      `${rate(count, otpauth)}; ${ms(otpauth)} per batch`,
      ref,
      vsNode(otpauth),
      '',
    ],
    ['1. Codes', 'the three agree on every code', agree ? 'yes' : '**NO**', '', '', ''],
  ];
}

function unlockRows(label, { samples }, bareKdf, goal) {
  const total = samples.map((s) => s.total);
  const after = samples.map((s) => s.afterKdf);
  const kdf = samples.map((s) => s.kdf);
  const bare = `bare Argon2id: ${ms(bareKdf)}`;
  return [
    ['2. Unlock', `press Unlock → codes shown, ${label}`, ms(total), bare, ratio(median(total), median(bareKdf)), ''],
    [
      '2. Unlock',
      `  of which KDF in the app (worker start included), ${label}`,
      ms(kdf),
      bare,
      ratio(median(kdf), median(bareKdf)),
      '',
    ],
    ['2. Unlock', `  after the KDF, ${label}`, ms(after), '', '', goal],
  ];
}

export function reportRows(r) {
  const rows = [...engineRows(r.engine)];
  rows.push(...unlockRows('100 accounts', r.unlockSmall, r.bareKdf, ''));
  rows.push(...unlockRows(`${r.large} accounts`, r.unlockLarge, r.bareKdf, '< 50 ms'));
  rows.push([
    '3. Start',
    'navigation → interactive lock screen, offline, SW warm',
    ms(r.start.app),
    `blank page, same SW: ${ms(r.start.blank)}`,
    ratio(median(r.start.app), median(r.start.blank)),
    '',
  ]);
  const boundary = r.refresh.atBoundary;
  const mid = r.refresh.midPeriod;
  const midTotal = `1 s tick alone: ${ms(mid.map((w) => w.total))}`;
  rows.push([
    '4. Refresh',
    `main-thread time per period boundary, ${r.large} accounts`,
    ms(boundary.map((w) => w.total)),
    midTotal,
    ratio(median(boundary.map((w) => w.total)), median(mid.map((w) => w.total))),
    '< 16 ms',
  ]);
  rows.push([
    '4. Refresh',
    '  longest single task in it',
    ms(boundary.map((w) => w.longest)),
    `1 s tick alone: ${ms(mid.map((w) => w.longest))}`,
    '',
    '< 16 ms',
  ]);
  const total = (list) => list.map((t) => t.read + t.save);
  rows.push([
    '5. Import',
    `otpauth list, ${r.large} accounts: file chosen → review`,
    ms(r.imports.list.map((t) => t.read)),
    '',
    '',
    '',
  ]);
  rows.push([
    '5. Import',
    `  Import pressed → all ${r.large} listed with codes`,
    ms(r.imports.list.map((t) => t.save)),
    '',
    '',
    '',
  ]);
  rows.push(['5. Import', '  both', ms(total(r.imports.list)), '', '', '']);
  rows.push([
    '5. Import',
    'encrypted Aegis file, 100 accounts: Open file → review',
    ms(r.imports.aegis.map((t) => t.read)),
    '',
    '',
    '',
  ]);
  rows.push([
    '5. Import',
    '  Import pressed → all 100 listed with codes',
    ms(r.imports.aegis.map((t) => t.save)),
    '',
    '',
    '',
  ]);
  const { locked, unlocked } = r.unlockLarge.heap;
  const perAccount = (median(unlocked) - median(locked)) / r.large;
  rows.push([
    '6. Memory',
    `JS heap after GC, ${r.large} accounts unlocked`,
    MiB(median(unlocked)),
    `locked: ${MiB(median(locked))}`,
    ratio(median(unlocked), median(locked)),
    '',
  ]);
  rows.push(['6. Memory', '  per account', `${(perAccount / 1024).toFixed(1)} KiB`, '', '', '']);
  rows.push([
    '7. Size',
    'eager JavaScript, gzip -9',
    kB(r.size.eagerJs),
    'budget 20.00 kB (aim 15.00 kB)',
    ratio(r.size.eagerJs, 20_000),
    '≤ 20 kB',
  ]);
  rows.push(['7. Size', 'eager CSS, gzip -9', kB(r.size.eagerCss), '', '', '']);
  for (const c of r.size.lazy) rows.push(['7. Size', `  lazy ${c.file}`, kB(c.gzip), '', '', '']);
  return rows;
}

export function markdownTable(rows) {
  const header = ['', 'Measurement', 'Median (min–max)', 'Reference, same run', 'Ratio', 'Goal'];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * The one table `npm run bench` prints, in Markdown so it can go into docs/performance.md as it is. Every timing is a
 * median of several runs (fastest and slowest in brackets), with its reference measured in the same run; the
 * ratio is value ÷ reference.
 */
import { MiB, kB, median, ms, perSecond, ratio, thousands } from './stats.mjs';

/** "assets/App-D8eD6sl4.js" → "App.js": the names a reader knows the chunks by. */
const shortName = (file) => file.replace(/^assets\//, '').replace(/-[\w-]{8}(?=\.(m?js|css)$)/, '');
const rate = (count, times) => `${thousands(perSecond(count, median(times)))} codes/s`;
const sum = (list) => list.reduce((a, b) => a + b, 0);

/** Rows of one numbered section, under a row that names it. */
function section(name, rows) {
  return [[`**${name}**`], ...rows];
}

function codes({ count, node, latchkey, uncached, otpauth, agree }) {
  const ref = `node:crypto HMAC: ${rate(count, node)}`;
  const row = (what, times) => [what, `${ms(times)} = ${rate(count, times)}`, ref, ratio(median(node), median(times))];
  return section(`1. Codes for ${thousands(count)} accounts`, [
    row('Latchkey, cached keys, one batch', latchkey),
    row('Latchkey, keys imported each time', uncached),
    row('otpauth library, same page', otpauth),
    ['all three give the same codes', agree ? 'yes' : '**NO**', '', ''],
  ]);
}

function unlock(count, { samples }, bareKdf, goal) {
  const pick = (key) => samples.map((s) => s[key]);
  const bare = `bare Argon2id: ${ms(bareKdf)}`;
  const vsBare = (key) => ratio(median(pick(key)), median(bareKdf));
  return section(`2. Unlock, ${thousands(count)} accounts`, [
    ['Unlock pressed → codes shown', ms(pick('total')), bare, vsBare('total')],
    ['KDF in the app (worker start included)', ms(pick('kdf')), bare, vsBare('kdf')],
    ['after the KDF: first screen of codes', ms(pick('firstAfterKdf')), '', '', goal],
    ['after the KDF: every row listed', ms(pick('afterKdf')), '', ''],
  ]);
}

/** 2b: the passkey's path from the assertion's return, against the password's from the press, same page and run. */
function passkeyUnlock({ count, passkey, cold, password }, goal) {
  const pk = (key) => passkey.map((s) => s[key]);
  const pw = (key) => password.map((s) => s[key]);
  const vs = (a, b) => ratio(median(pw(b)), median(pk(a)));
  return section(`2b. Unlock with a passkey, ${thousands(count)} accounts (ratio: times faster)`, [
    [
      'assertion returned → first screen of codes',
      ms(pk('first')),
      `password, Unlock pressed → first screen: ${ms(pw('first'))}`,
      vs('first', 'first'),
      goal,
    ],
    [
      'assertion returned → every code',
      ms(pk('all')),
      `password, Unlock pressed → every code: ${ms(pw('total'))}`,
      vs('all', 'total'),
    ],
    [
      'cold start, offered at once: page load → every code',
      ms(cold.map((s) => s.fromLoad)),
      `from the assertion: ${ms(cold.map((s) => s.all))}`,
      '',
    ],
  ]);
}

/** 7: sync through the test Apache, against the same objects moved with bare WebDAV requests. */
function sync({ samples }) {
  const pick = (key) => samples.map((s) => s[key]);
  const most = (key) => Math.max(...pick(key));
  const objects = samples[0].objects;
  return section('7. Sync through WebDAV (Apache on loopback), 1,000 accounts', [
    [
      'Connect: every account uploaded',
      ms(pick('uploadMs')),
      `${thousands(objects)} bare PUTs, same sizes: ${ms(pick('bareUploadMs'))}`,
      ratio(median(pick('uploadMs')), median(pick('bareUploadMs'))),
    ],
    [
      'Join on a second device: every account in',
      ms(pick('joinMs')),
      `${thousands(objects)} bare GETs: ${ms(pick('bareDownloadMs'))}`,
      ratio(median(pick('joinMs')), median(pick('bareDownloadMs'))),
      '< 10 s',
    ],
    ['one change: requests, writing device (most)', String(most('writer')), '', '', '≤ 3'],
    ['one change: requests, reading device (most)', String(most('reader')), '', '', '≤ 3'],
  ]);
}

function start({ start: s, size }) {
  const fetched = sum(s.files.map((f) => size.byFile[f] ?? 0));
  const eager = size.eagerJs + size.eagerCss;
  const lazy = s.files.filter((f) => size.lazy.some((c) => c.file === f)).map(shortName);
  return section('3. Start', [
    [
      'first visit, nothing cached → Create vault usable',
      ms(s.cold.app),
      `blank page, same server: ${ms(s.cold.blank)}`,
      ratio(median(s.cold.app), median(s.cold.blank)),
      '≤ 1.5×',
    ],
    [
      'offline, SW warm → lock screen usable',
      ms(s.app),
      `blank page, same SW: ${ms(s.blank)}`,
      ratio(median(s.app), median(s.blank)),
      '≤ 1.5×',
    ],
    [
      `JS and CSS fetched by then (${s.files.length} files)`,
      kB(fetched),
      `eager JS + CSS: ${kB(eager)}`,
      ratio(fetched, eager),
    ],
    ...(lazy.length ? [['lazy files among them', lazy.join(', '), '', '']] : []),
  ]);
}

function refresh(count, { atBoundary, midPeriod, preparing = [] }, what = '') {
  const pick = (list, key) => list.map((w) => w[key]);
  const tick = (key) => `1 s tick alone: ${ms(pick(midPeriod, key))}`;
  return section(`4. Refresh, ${thousands(count)} accounts${what}`, [
    [
      'main-thread time per boundary',
      ms(pick(atBoundary, 'total')),
      tick('total'),
      ratio(median(pick(atBoundary, 'total')), median(pick(midPeriod, 'total'))),
      '< 16 ms',
    ],
    ['longest task in it', ms(pick(atBoundary, 'longest')), tick('longest'), '', '< 16 ms'],
    ...(preparing.length
      ? [
          [
            'the tick 1 s later, computing the next codes',
            ms(pick(preparing, 'total')),
            tick('total'),
            ratio(median(pick(preparing, 'total')), median(pick(midPeriod, 'total'))),
            '< 16 ms',
          ],
        ]
      : []),
  ]);
}

function imports(count, { list, aegis, huge }) {
  const pick = (samples, key) => samples.map((t) => t[key]);
  return section('5. Import', [
    [`otpauth list of ${thousands(count)}: file chosen → review`, ms(pick(list, 'read')), '', ''],
    [`Import pressed → all ${thousands(count)} listed`, ms(pick(list, 'save')), '', ''],
    ['encrypted Aegis, 100: Open file → review', ms(pick(aegis, 'read')), '', ''],
    ['Import pressed → all 100 listed', ms(pick(aegis, 'save')), '', ''],
    ['otpauth list of 10,000: file chosen → all listed', ms(pick(huge, 'total')), '', '', '< 5 s'],
    ['longest main-thread task in it', ms(pick(huge, 'longest')), '', '', '< 200 ms'],
  ]);
}

function memory(count, { heap }) {
  const unlocked = median(heap.unlocked);
  const locked = median(heap.locked);
  return section('6. Memory', [
    [
      `JS heap after GC, ${thousands(count)} unlocked`,
      MiB(unlocked),
      `locked: ${MiB(locked)}`,
      ratio(unlocked, locked),
    ],
    ['per account', `${((unlocked - locked) / count / 1024).toFixed(1)} KiB`, '', ''],
  ]);
}

function sizes({ size }) {
  return section('7. Size, gzip -9', [
    ['eager JavaScript', kB(size.eagerJs), 'budget: 20.00 kB', ratio(size.eagerJs, 20_000), '≤ 20 kB (aim 15)'],
    ['eager CSS', kB(size.eagerCss), '', ''],
    ...size.lazy.map((c) => [`lazy ${c.file.replace(/^assets\//, '')}`, kB(c.gzip), '', '']),
  ]);
}

export function reportRows(r) {
  return [
    ...codes(r.engine),
    ...unlock(100, r.unlockSmall, r.bareKdf, ''),
    ...unlock(r.large, r.unlockLarge, r.bareKdf, '< 50 ms'),
    ...(r.passkeyUnlocks ?? []).flatMap((v) => passkeyUnlock(v, v.count === r.large ? '< 150 ms, ≥ 5× faster' : '')),
    ...start(r),
    ...refresh(r.large, r.refresh, ', letters'),
    ...(r.refreshIcons ? refresh(r.large, r.refreshIcons, ', a brand icon on every row') : []),
    ...imports(r.large, r.imports),
    ...memory(r.large, r.unlockLarge),
    ...(r.sync ? sync(r.sync) : []),
    ...sizes(r),
  ];
}

export function markdownTable(rows) {
  const header = ['Measurement', 'Median (min–max)', 'Reference, same run', 'Ratio', 'Goal'];
  const line = (cells) => `| ${header.map((_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** PROPFIND answers as different servers write them: prefixes, entities, escaped names, properties not found. */
import { describe, expect, it } from 'vitest';
import { readMultistatus } from '../../../src/sync/multistatus';

const APACHE = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:">
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/sync/</D:href>
<D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype>
<lp1:getetag>W/"1000-662059c1b1878"</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
<D:response xmlns:lp1="DAV:" xmlns:lp2="http://apache.org/dav/props/">
<D:href>/sync/a1b2.lk</D:href>
<D:propstat><D:prop><lp1:resourcetype/><lp1:getcontentlength>512</lp1:getcontentlength>
<lp1:getlastmodified>Mon, 07 Dec 2026 06:48:13 GMT</lp1:getlastmodified>
<lp1:getetag>"WehZOXsatSKq9pjZ1C1fBk/RE4E="</lp1:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
</D:response>
</D:multistatus>`;

const NEXTCLOUD = `<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:oc="http://owncloud.org/ns">
<d:response><d:href>/remote.php/dav/files/alice/Latchkey%20sync/</d:href>
<d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
</d:response>
<d:response><d:href>https://cloud.example/remote.php/dav/files/alice/Latchkey%20sync/latchkey-index</d:href>
<d:propstat><d:prop><d:getetag>&quot;5f1c&quot;</d:getetag><d:resourcetype/></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
<d:propstat><d:prop><d:getcontentlength/></d:prop><d:status>HTTP/1.1 404 Not Found</d:status></d:propstat>
</d:response>
<d:response><d:href>/remote.php/dav/files/alice/Latchkey%20sync/sub/</d:href>
<d:propstat><d:prop><d:resourcetype><d:collection xmlns:d="DAV:"/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
</d:response>
</d:multistatus>`;

describe('readMultistatus', () => {
  it('reads Apache (mixed prefixes; the folder itself is left out)', () => {
    expect(readMultistatus(APACHE)).toEqual([
      {
        name: 'a1b2.lk',
        etag: '"WehZOXsatSKq9pjZ1C1fBk/RE4E="',
        modifiedAt: Date.UTC(2026, 11, 7, 6, 48, 13),
        size: 512,
      },
    ]);
  });

  it('reads Nextcloud (entities, full URLs, properties not found, sub-folders left out)', () => {
    expect(readMultistatus(NEXTCLOUD)).toEqual([
      { name: 'latchkey-index', etag: '"5f1c"', modifiedAt: null, size: null },
    ]);
  });

  it('reads no prefix at all, and nothing from what is not a multistatus', () => {
    const plain =
      '<multistatus xmlns="DAV:"><response><href>/f/x.lk</href><propstat><prop><getetag>"1"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>';
    expect(readMultistatus(plain).map((o) => o.name)).toEqual(['x.lk']);
    expect(readMultistatus('<html><body>Not WebDAV</body></html>')).toEqual([]);
  });
});

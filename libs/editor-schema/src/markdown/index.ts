export { markdownParser, parseMarkdown } from './parser';
export { markdownSerializer, serializeMarkdown } from './serializer';
export { looksLikeMarkdown } from './looks-like-markdown';

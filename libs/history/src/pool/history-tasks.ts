import { schema } from '@quire/editor-schema';
import { ChainReader, type ChainComparison, type ChainComparisonInput, type ChainDocument, type ChainSide } from '../compare-chains';
import { computeVersion } from '../compute-version';
import { refoldVersion } from '../refold-version';

// The tasks of the history worker, over the shared editor schema: the one place in this library
// that names a schema (the rest takes it as an argument). The worker runs them; so does the
// HistoryPool itself, in the caller's thread, when there is no compiled worker.

const reader = new ChainReader(schema);

export { computeVersion, refoldVersion };

export function compareChains(input: ChainComparisonInput): ChainComparison {
  return reader.compare(input);
}

export function chainDocument(input: { readonly side: ChainSide; readonly format: 'json' | 'text' }): ChainDocument {
  return reader.document(input.side, input.format);
}

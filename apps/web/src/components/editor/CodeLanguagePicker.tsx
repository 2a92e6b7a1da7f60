'use client';

import { CODE_LANGUAGES, codeBlockLanguage, setCodeBlockLanguage } from '@quire/editor';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEditorSelector } from '../../hooks/use-editor-selector';
import type { EditorStateStore } from '../../lib/editor-state-store';
import { Floating } from './floating/Floating';
import floatingStyles from './floating/floating.module.css';
import styles from './code-language.module.css';

interface CodeState {
  pos: number;
  language: string | null;
}

function readCode(state: EditorState): CodeState | null {
  const language = codeBlockLanguage(state);
  if (language === undefined) return null;
  return { pos: state.selection.$from.before(), language };
}

const sameCode = (a: CodeState | null, b: CodeState | null) => a === b || (a !== null && b !== null && a.pos === b.pos && a.language === b.language);

interface Props {
  view: EditorView | null;
  store: EditorStateStore;
  editable: boolean;
  topInset: () => number;
}

/**
 * The language of the code block the cursor is in, at the block's top right corner. The choice is
 * a shared attribute; the highlighting it selects is drawn by each editor for itself.
 */
export function CodeLanguagePicker({ view, store, editable, topInset }: Props) {
  const code = useEditorSelector(store, readCode, null, sameCode);
  if (!view || !code || !editable) return null;
  const known = code.language === null || CODE_LANGUAGES.some((language) => language.id === code.language);

  return (
    <Floating
      anchor={() => {
        const block = view.isDestroyed ? null : (view.nodeDOM(code.pos) as HTMLElement | null)?.getBoundingClientRect();
        // Inside the block's top right corner, where its language is written.
        return block ? { left: block.left, right: block.right - 6, top: block.top, bottom: block.top } : null;
      }}
      placement="below"
      align="end"
      strategy="absolute"
      watch={code.pos}
      observe={view.dom}
      topInset={topInset}
      className={`${floatingStyles.panel} ${styles.picker}`}
    >
      <select
        aria-label="Code language"
        className={styles.select}
        data-code-language=""
        value={code.language ?? ''}
        onChange={(event) => {
          setCodeBlockLanguage(event.target.value || null)(view.state, view.dispatch);
          view.focus();
        }}
      >
        <option value="">Plain text</option>
        {known ? null : <option value={code.language ?? ''}>{code.language}</option>}
        {CODE_LANGUAGES.map((language) => (
          <option key={language.id} value={language.id}>
            {language.label}
          </option>
        ))}
      </select>
    </Floating>
  );
}

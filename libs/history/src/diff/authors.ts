import type { Node } from 'prosemirror-model';
import type { ContentOrigins, TextRun } from '../content/from-yjs';

/** Who wrote the parts of a document, by Yjs client id; see {@link DiffOptions}. */
export interface AuthorSources {
  readonly origins?: ContentOrigins;
  readonly authorOf?: (client: number) => string | undefined;
  readonly editors?: readonly string[];
}

/**
 * Answers "whose is this?" for parts of the newer document of a diff: the user its Yjs client id
 * wrote for, when known; otherwise (and for deletions, which Yjs does not attribute) everyone who
 * edited between the two documents.
 */
export class Authors {
  private readonly editors: readonly string[];

  constructor(private readonly sources: AuthorSources) {
    this.editors = [...new Set(sources.editors ?? [])];
  }

  /** Everyone who edited between the two documents. */
  get candidates(): readonly string[] {
    return this.editors;
  }

  /** The author of the character (or inline node) at `offset` in `parent`'s content, if known. */
  textAt(parent: Node, offset: number): string | undefined {
    const child = parent.childAfter(offset).node;
    if (child && !child.isText) return this.user(this.sources.origins?.nodes.get(child));
    return this.user(runAt(this.sources.origins?.text.get(parent), offset)?.client);
  }

  /** Who last set or cleared mark `name` on the character at `offset` in `parent`, or the editors. */
  formatAt(parent: Node, offset: number, name: string): readonly string[] {
    const run = runAt(this.sources.origins?.text.get(parent), offset);
    return this.one(this.user(run?.formats.get(name)));
  }

  /** Who set the attributes that differ, or made the node; otherwise the editors. */
  markupOf(node: Node, changedAttributes: readonly string[]): readonly string[] {
    const setters = this.sources.origins?.attributes.get(node);
    const users = changedAttributes.map((name) => this.user(setters?.get(name))).filter((user): user is string => user !== undefined);
    if (users.length > 0) return [...new Set(users)];
    return this.one(this.user(this.sources.origins?.nodes.get(node)));
  }

  /** Everyone who wrote inside a node (made it, typed its text), in order of appearance; the editors if nobody is known. */
  within(node: Node): readonly string[] {
    const found = new Set<string>();
    const add = (client: number | undefined) => {
      const user = this.user(client);
      if (user !== undefined) found.add(user);
    };
    const visit = (current: Node) => {
      add(this.sources.origins?.nodes.get(current));
      for (const run of this.sources.origins?.text.get(current) ?? []) add(run.client);
      current.forEach(visit);
    };
    visit(node);
    return found.size > 0 ? [...found] : this.editors;
  }

  /** `user` alone when known, else the editors. */
  one(user: string | undefined): readonly string[] {
    return user === undefined ? this.editors : [user];
  }

  private user(client: number | undefined): string | undefined {
    return client === undefined ? undefined : this.sources.authorOf?.(client);
  }
}

/** The run covering `offset`, by binary search over runs in order. */
function runAt(runs: readonly TextRun[] | undefined, offset: number): TextRun | undefined {
  if (!runs) return undefined;
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle];
    if (offset < run.from) high = middle - 1;
    else if (offset >= run.to) low = middle + 1;
    else return run;
  }
  return undefined;
}

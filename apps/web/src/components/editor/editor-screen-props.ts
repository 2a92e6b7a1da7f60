import type { TicketProvider } from '@quire/editor';
import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { DocumentPerson } from './media/use-editor-media';
/** What the editor page is given: by the members' page and by a share link's guest page. */
export interface EditorScreenProps {
  documentId: string;
  /** A fresh ticket for every connection: the member's, or a guest's through a share link. */
  ticket: TicketProvider;
  /** The server's title; '' when it has none (the first line of the text is shown instead). */
  serverTitle: string;
  /** The query `serverTitle` comes from, read again when the server announces a rename. */
  titleKey: QueryKey;
  /** Renames on the server; offered while the connection's role is owner or editor. */
  onRename?: (title: string) => Promise<void>;
  /** Header actions after the presence bar: Share, Copy link. */
  actions?: ReactNode;
  /** Above the title: the folders the document is in (members' page). */
  breadcrumbs?: ReactNode;
  /** The signed-in person's account menu (the theme switch is there), at the header's end. */
  account?: ReactNode;
  /** Guests change their name from their own presence chip. */
  onEditName?: () => void;
  /** Changing it reconnects with a fresh ticket (a guest's new name must come from the ticket). */
  renewKey?: string;
  /** Where "Sign in" goes when the session has ended. */
  signInHref: string;
  guest?: boolean;
  /** The document's members: `@` offers them, and mentions show their current names. */
  members?: readonly DocumentPerson[];
  /** Reads the members again: presence showed one under a new name, or one the list lacks. */
  refreshMembers?: () => void;
  /** A guest's token for the document's files, from their latest ticket. */
  fileToken?: () => string | null;
  /**
   * Comments: the threads in a margin beside the text (a sheet on narrow screens), and for people
   * who may comment the Comment buttons and composer. `selfId` is the signed-in person (their
   * comments can be edited; '' for a guest, who reads with their file token), `isOwner` deletes
   * anyone's.
   */
  comments?: { selfId: string; isOwner: boolean };
  /**
   * Offers version history (members' page): the header's History button and the panel, shown only
   * while the connection's role may edit (owners and editors), never to guests.
   */
  withHistory?: boolean;
  /** The signed-in account, for which the document is kept on this device (members' page; guests keep nothing). */
  localCopyUser?: string;
}

import type { EditorView, NodeViewConstructor } from 'prosemirror-view';
import { AttachmentView } from './attachment-view';
import { ImageView } from './image-view';
import type { MediaContext } from './media-context';
import { MentionView } from './mention-view';
import { TaskItemView } from './task-item-view';

/** The page's node views: images, files, mentions and tasks drawn with what the page knows. */
export function buildNodeViews(context: MediaContext): Record<string, NodeViewConstructor> {
  return {
    image: (node, view: EditorView, getPos) => new ImageView(node, view, getPos, context),
    attachment: (node) => new AttachmentView(node, context),
    mention: (node) => new MentionView(node, context.people),
    task_item: (node) => new TaskItemView(node),
  };
}

import type { ApiRoute } from './api-route';
import { CreatedWebhook, CreateWebhookBody, WebhookDeliveryList, WebhookList } from './webhooks';

const noSuchWebhook = 'no such webhook of the caller’s';

/** The webhooks' routes (docs/api.md, "Webhooks"), in its order. */
export const WEBHOOK_ROUTES: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/api/webhooks',
    group: 'webhooks',
    summary: 'Deliver events to a URL: for one document the caller owns (documentId), or for every document they own',
    caller: 'signed-in',
    body: CreateWebhookBody,
    status: 201,
    answer: CreatedWebhook,
    refusals: {
      400: 'no url or events, an unknown event, or a URL that is not http(s)',
      403: 'the caller is a member of the document but not its owner',
      404: 'no such document, or the caller is not a member',
      422: 'the URL resolves to a loopback, private, link-local or metadata address (docs/api.md, "Outbound requests"), or does not resolve',
    },
  },
  { method: 'GET', path: '/api/webhooks', group: 'webhooks', summary: 'The caller’s webhooks, newest first', caller: 'signed-in', status: 200, answer: WebhookList },
  { method: 'DELETE', path: '/api/webhooks/:id', group: 'webhooks', summary: 'Delete a webhook and its deliveries', caller: 'signed-in', status: 204, refusals: { 404: noSuchWebhook } },
  {
    method: 'GET',
    path: '/api/webhooks/:id/deliveries',
    group: 'webhooks',
    summary: 'A webhook’s last 100 deliveries, newest first, with their status and the receiver’s response code',
    caller: 'signed-in',
    status: 200,
    answer: WebhookDeliveryList,
    refusals: { 404: noSuchWebhook },
  },
];

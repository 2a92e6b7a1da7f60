import { CloseCode } from '@quire/constants';
import { describe, expect, it } from 'vitest';
import { canEdit, isRetriableWithNewTicket, refusalCloseCode } from './socket-ticket';

describe('socket tickets', () => {
  it('let owners and editors edit, not viewers', () => {
    expect([canEdit('owner'), canEdit('editor'), canEdit('viewer'), canEdit(null)]).toEqual([true, true, false, false]);
  });

  it('stand a refused ticket for the matching close code', () => {
    expect(refusalCloseCode(401, null)).toBe(CloseCode.Unauthenticated);
    expect(refusalCloseCode(403, null)).toBe(CloseCode.Forbidden);
    expect(refusalCloseCode(404, null)).toBe(CloseCode.NotFound);
    // After 4403 the API hides the document from someone who is no longer a member.
    expect(refusalCloseCode(404, CloseCode.Forbidden)).toBe(CloseCode.Forbidden);
    expect(refusalCloseCode(404, CloseCode.Unauthenticated)).toBe(CloseCode.NotFound);
  });

  it('retry only 4401 and 4403 with a new ticket', () => {
    expect([4401, 4403, 4404, 4426, 1001].map(isRetriableWithNewTicket)).toEqual([true, true, false, false, false]);
  });
});

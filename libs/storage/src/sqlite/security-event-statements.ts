import type Database from 'better-sqlite3';
import type { SecurityEventParams, SecurityEventRow } from '../security-events';

type Statement<Params extends unknown[] | object, Result = unknown> = Database.Statement<Params, Result>;

/** The security-event statements, prepared once per connection. */
export interface SecurityEventStatements {
  readonly insert: Statement<SecurityEventParams>;
  readonly list: Statement<[limit: number], SecurityEventRow>;
  /** Deletes every event older than the newest `keep`. */
  readonly purge: Statement<[keep: number]>;
}

export function prepareSecurityEventStatements(db: Database.Database): SecurityEventStatements {
  return {
    insert: db.prepare<SecurityEventParams>(
      `INSERT INTO security_events (at, type, actor_id, address, document_id, subject_id, details)
       VALUES (@at, @type, @actorId, @address, @documentId, @subjectId, @details)`,
    ),
    list: db.prepare<[limit: number], SecurityEventRow>(
      `SELECT e.id, e.at, e.type, e.actor_id, u.name AS actor_name, e.address, e.document_id, e.subject_id, e.details
       FROM security_events e LEFT JOIN users u ON u.id = e.actor_id
       ORDER BY e.id DESC LIMIT ?`,
    ),
    // The ids only grow (AUTOINCREMENT), so "older than the keep-th newest" is "a smaller id".
    purge: db.prepare<[keep: number]>(
      `DELETE FROM security_events
       WHERE id <= (SELECT id FROM security_events ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    ),
  };
}

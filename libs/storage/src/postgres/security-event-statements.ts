/**
 * The security-event statements, with the table qualified by the storage's schema (`quoted`, already
 * an escaped identifier).
 */
export function securityEventStatementsFor(quoted: string) {
  const events = `${quoted}.security_events`;
  const users = `${quoted}.users`;
  return {
    /** `$1` at, `$2` type, `$3` actor id, `$4` address, `$5` document id, `$6` subject id, `$7` details. */
    insertSecurityEvent: `
      INSERT INTO ${events} (at, type, actor_id, address, document_id, subject_id, details)
      VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    /** `$1` limit; newest first. */
    listSecurityEvents: `
      SELECT e.id, e.at, e.type, e.actor_id, u.name AS actor_name, e.address, e.document_id, e.subject_id, e.details
      FROM ${events} e LEFT JOIN ${users} u ON u.id = e.actor_id
      ORDER BY e.id DESC LIMIT $1`,
    /**
     * `$1` how many to keep. By id: ids come from one sequence, so a smaller id was recorded earlier
     * (near enough: two transactions may commit out of order, which matters to nobody here).
     */
    purgeSecurityEvents: `
      DELETE FROM ${events}
      WHERE id <= (SELECT id FROM ${events} ORDER BY id DESC LIMIT 1 OFFSET $1)`,
  };
}
